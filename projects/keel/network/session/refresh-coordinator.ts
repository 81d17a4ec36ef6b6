import { DestroyRef, Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import {
  type Observable,
  Subject,
  catchError,
  defer,
  finalize,
  from,
  map,
  of,
  race,
  shareReplay,
  take,
  throwError,
  firstValueFrom,
} from 'rxjs';
import { AppError, type AccessTokenSource, NETWORK_CLOCK, isAppError } from '@keel/network';
import { AuthApi } from './auth-api';
import { REFRESH_LOCK } from './refresh-lock';
import { SESSION_CHANNEL, type SessionMessage, type SignedOutReason } from './session-channel';
import { SessionStore } from './session-store';
import { safeReturnUrl } from './safe-return-url';

/**
 * How long a tab that takes the refresh lock waits for the result of a refresh another tab
 * announced (`refreshing`) and has not answered yet: the message may still be on its way, or
 * that tab closed mid-refresh. Then it refreshes itself. Well inside a call's 30 s deadline.
 */
export const REMOTE_REFRESH_WAIT_MS = 5_000;

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
 *
 * Across the tabs of one browser (README, "Sessions and refresh"): the refresh runs under the
 * Web Lock; the tab holding it announces it and posts the new token before it lets go, so a
 * tab that waited for the lock finds a token newer than the one it was refused and replays
 * with it instead of refreshing again: N tabs, one refresh. A session ended in one tab (sign-out,
 * refused refresh) ends in all; a sign-in in one signs in the others.
 */
@Injectable({ providedIn: 'root' })
export class RefreshCoordinator implements AccessTokenSource {
  private readonly store = inject(SessionStore);
  private readonly api = inject(AuthApi);
  private readonly lock = inject(REFRESH_LOCK);
  private readonly clock = inject(NETWORK_CLOCK);
  private readonly router = inject(Router);
  private readonly channel = inject(SESSION_CHANNEL);
  /** Another tab announced a refresh and has not posted its result yet. */
  private remoteRefreshing = false;
  private readonly remoteSettled = new Subject<void>();
  private inflight: Observable<string> | null = null;
  /** The inflight refresh was asked for by a refused token (not a proactive one) and is still running. */
  private refusedTokenRefresh = false;

  constructor() {
    const stop = this.channel.listen((message) => this.fromOtherTab(message));
    inject(DestroyRef).onDestroy(stop);
  }

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
    this.refusedTokenRefresh = true;
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
    const replacing = this.store.accessToken();
    this.inflight ??= defer(() => from(this.lock(() => this.refreshLocked(replacing)))).pipe(
      map((accessToken) => {
        // Settled before anyone hears the token: a replay dispatched on it must not be held.
        this.refusedTokenRefresh = false;
        return accessToken;
      }),
      catchError((error: unknown) => {
        this.refusedTokenRefresh = false;
        return throwError(() => this.refreshFailed(error));
      }),
      finalize(() => (this.inflight = null)),
      // Stryker disable next-line ObjectLiteral: a refresh emits one token, so an unbounded replay buffer holds the same one value, and refCount defaults to false
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.inflight;
  }

  /**
   * Runs while this tab holds the refresh lock. `replacing` is the token this tab had when it
   * asked: if another tab's refresh replaced it meanwhile, that token is the answer.
   */
  private async refreshLocked(replacing: string | null): Promise<string> {
    if (this.remoteRefreshing) await this.remoteResult();
    if (this.store.status() === 'signed-out') {
      // Another tab ended the session while this one waited: nothing to refresh.
      throw new AppError({ kind: 'auth-expired', status: 401 });
    }
    const current = this.store.accessToken();
    if (current && current !== replacing) return current;
    this.channel.post({ type: 'refreshing' });
    let answer: { accessToken: string; expiresIn: number };
    try {
      answer = await firstValueFrom(this.api.refresh());
    } catch (error) {
      const refused = isAppError(error) && (error.status === 400 || error.status === 401);
      // A refused refresh is told by refreshFailed, with the session's end.
      if (!refused) this.channel.post({ type: 'refresh-failed' });
      throw error;
    }
    if (this.store.status() === 'signed-out') {
      // Another tab ended the session while the refresh was on the wire: its token is dropped,
      // never kept or sent by a tab that is signed out.
      throw new AppError({ kind: 'auth-expired', status: 401 });
    }
    const now = this.clock.now();
    this.store.tokenRefreshed(answer.accessToken, answer.expiresIn * 1000, now);
    this.channel.post({
      type: 'token',
      accessToken: answer.accessToken,
      expiresAt: now + answer.expiresIn * 1000,
    });
    return answer.accessToken;
  }

  /** The announced refresh's result, or `REMOTE_REFRESH_WAIT_MS`, whichever comes first. */
  private remoteResult(): Promise<unknown> {
    return firstValueFrom(
      race(this.remoteSettled.pipe(take(1)), this.clock.timer(REMOTE_REFRESH_WAIT_MS)),
    ).finally(() => (this.remoteRefreshing = false));
  }

  private refreshFailed(error: unknown): AppError {
    // Ended already (by another tab, or by a refusal this refresh joined): say so, once.
    if (isAppError(error) && error.kind === 'auth-expired') return error;
    const status = isAppError(error) ? error.status : 0;
    if (status !== 400 && status !== 401) {
      return isAppError(error) ? error : new AppError({ kind: 'network', cause: error });
    }
    this.channel.post({ type: 'signed-out', reason: 'expired' });
    this.endSession('expired');
    return new AppError({ kind: 'auth-expired', status, cause: error });
  }

  /**
   * The session is over in this tab: tokens dropped, and the sign-in page shown with why and
   * with the page the user was on as `returnUrl`.
   */
  private endSession(reason: SignedOutReason): void {
    const returnUrl = this.router.url;
    this.store.signedOut();
    if (returnUrl.startsWith('/sign-in')) return;
    void this.router.navigate(['/sign-in'], {
      queryParams: {
        reason,
        ...(returnUrl && returnUrl !== '/' ? { returnUrl } : {}),
      },
    });
  }

  private fromOtherTab(message: SessionMessage): void {
    const now = this.clock.now();
    switch (message.type) {
      case 'refreshing':
        this.remoteRefreshing = true;
        return;
      // Stryker disable next-line ConditionalExpression: emptied, this case falls through to 'token', whose steps do the same for a message that carries no token
      case 'refresh-failed':
        this.remoteRefreshing = false;
        this.remoteSettled.next();
        return;
      case 'token':
        this.remoteRefreshing = false;
        if (this.store.status() !== 'signed-out' && message.expiresAt > now)
          this.store.tokenRefreshed(message.accessToken, message.expiresAt - now, now);
        this.remoteSettled.next();
        return;
      case 'signed-in': {
        if (message.expiresAt <= now) return;
        this.store.signedIn(message.user, message.accessToken, message.expiresAt - now, now);
        const url = this.router.parseUrl(this.router.url);
        const page = url.root.children['primary']?.segments[0];
        if (page?.path === 'sign-in') {
          const returnUrl: unknown = url.queryParams['returnUrl'];
          void this.router.navigateByUrl(
            safeReturnUrl(typeof returnUrl === 'string' ? returnUrl : undefined),
          );
        }
        return;
      }
      case 'signed-out':
        this.remoteRefreshing = false;
        if (this.store.status() !== 'signed-out') this.endSession(message.reason);
        this.remoteSettled.next();
        return;
    }
  }
}
