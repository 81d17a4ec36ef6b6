import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import {
  type Observable,
  catchError,
  defer,
  finalize,
  from,
  map,
  of,
  shareReplay,
  throwError,
  firstValueFrom,
} from 'rxjs';
import { AppError, type AccessTokenSource, NETWORK_CLOCK, isAppError } from '../http';
import { AuthApi } from './auth-api';
import { REFRESH_LOCK } from './refresh-lock';
import { SessionStore } from './session-store';

/**
 * The one token refresh of the app (DESIGN.md, "Token refresh"), and the auth interceptor's
 * `AccessTokenSource`.
 * - One refresh at a time: every caller shares one observable that no subscriber can cancel
 *   (`shareReplay` with `refCount: false`), because once the call is sent the server has
 *   rotated the refresh token and the answer must not be thrown away.
 * - A 401 for a token that another refresh already replaced just replays with the new one.
 * - Refresh answered 400/401: the session is over. Sign out once, send the user to sign-in
 *   with a return URL, and fail every waiting call as `auth-expired`.
 * - Any other failure (network, 5xx, 429): waiting calls fail as that transient kind and the
 *   session stays.
 */
@Injectable({ providedIn: 'root' })
export class RefreshCoordinator implements AccessTokenSource {
  private readonly store = inject(SessionStore);
  private readonly api = inject(AuthApi);
  private readonly lock = inject(REFRESH_LOCK);
  private readonly clock = inject(NETWORK_CLOCK);
  private readonly router = inject(Router);
  private inflight: Observable<string> | null = null;
  /** The inflight refresh was asked for by a refused token (not a proactive one) and is still running. */
  private refusedTokenRefresh = false;

  current(): string | null {
    return this.store.accessToken();
  }

  refreshAfter(failedToken: string | null): Observable<string> {
    // Once the session has ended, a late 401 must not start a refresh that is sure to be
    // refused and would redirect again (dropping the return URL of the first redirect).
    if (this.store.status() === 'signed-out') {
      return throwError(() => new AppError({ kind: 'auth-expired', status: 401 }));
    }
    const current = this.store.accessToken();
    if (current && current !== failedToken) return of(current);
    const refresh = this.refresh();
    this.refusedTokenRefresh = this.inflight !== null;
    return refresh;
  }

  /**
   * The refresh running because a token was refused, for the dispatcher: attempts that would
   * carry the refused token wait for it (a proactive refresh, with the old token still good,
   * holds nothing back).
   */
  refreshInFlight(): Observable<string> | null {
    return this.refusedTokenRefresh ? this.inflight : null;
  }

  /** Starts the shared refresh, or joins the one already running. */
  refresh(): Observable<string> {
    this.inflight ??= defer(() => from(this.lock(() => firstValueFrom(this.api.refresh())))).pipe(
      map(({ accessToken, expiresIn }) => {
        this.store.tokenRefreshed(accessToken, expiresIn * 1000, this.clock.now());
        // Settled before anyone hears the token: a replay dispatched on it must not be held.
        this.refusedTokenRefresh = false;
        return accessToken;
      }),
      catchError((error: unknown) => {
        this.refusedTokenRefresh = false;
        return throwError(() => this.refreshFailed(error));
      }),
      finalize(() => (this.inflight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.inflight;
  }

  private refreshFailed(error: unknown): AppError {
    const status = isAppError(error) ? error.status : 0;
    if (status !== 400 && status !== 401) {
      return isAppError(error) ? error : new AppError({ kind: 'network', cause: error });
    }
    const returnUrl = this.router.url;
    this.store.signedOut();
    if (returnUrl.startsWith('/sign-in'))
      return new AppError({ kind: 'auth-expired', status, cause: error });
    void this.router.navigate(['/sign-in'], {
      queryParams: {
        reason: 'expired',
        ...(returnUrl && returnUrl !== '/' && !returnUrl.startsWith('/sign-in')
          ? { returnUrl }
          : {}),
      },
    });
    return new AppError({ kind: 'auth-expired', status, cause: error });
  }
}
