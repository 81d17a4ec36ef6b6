import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { EMPTY, catchError, filter, firstValueFrom, switchMap } from 'rxjs';
import { type AppError, NETWORK_CLOCK, NETWORK_STATUS, isAppError } from '@keel/network';
import { AuthApi } from './auth-api';
import { REFRESH_LOCK } from './refresh-lock';
import { RefreshCoordinator } from './refresh-coordinator';
import { SESSION_CHANNEL } from './session-channel';
import { SessionStore } from './session-store';

/**
 * Signs in and out against the API, restores a session from the refresh cookie on page load,
 * and refreshes the access token shortly before it expires.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly api = inject(AuthApi);
  private readonly store = inject(SessionStore);
  private readonly lock = inject(REFRESH_LOCK);
  private readonly clock = inject(NETWORK_CLOCK);
  private readonly coordinator = inject(RefreshCoordinator);
  private readonly document = inject(DOCUMENT);
  private readonly channel = inject(SESSION_CHANNEL);
  private restoring: Promise<boolean> | null = null;
  /**
   * Restored, with the user still to come: `/api/me` is on the wire, or the server was out of
   * reach (then the token is still to come too).
   */
  private unconfirmed = false;
  private confirming: Promise<void> | null = null;

  constructor() {
    // Proactive refresh: one timer for the current token, replaced whenever the token changes.
    toObservable(this.store.refreshAt)
      .pipe(
        switchMap((at) =>
          at === null ? EMPTY : this.clock.timer(Math.max(0, at - this.clock.now())),
        ),
        switchMap(() => this.coordinator.refresh().pipe(catchError(() => EMPTY))),
      )
      .subscribe();
    // An unconfirmed session (restored offline) is confirmed once the connection is back, or
    // as soon as a token arrives (another tab's, or a call's 401 refreshed it).
    inject(NETWORK_STATUS)
      .changes.pipe(filter((online) => online))
      .subscribe(() => void this.confirm());
    toObservable(this.store.accessToken)
      .pipe(filter((token) => token !== null))
      .subscribe(() => void this.confirm());
  }

  async signIn(email: string, password: string): Promise<void> {
    const { user, accessToken, expiresIn } = await firstValueFrom(this.api.login(email, password));
    const now = this.clock.now();
    this.unconfirmed = false;
    this.remember(PENDING_LOGOUT_KEY, false);
    this.store.signedIn(user, accessToken, expiresIn * 1000, now);
    // The other open tabs join this session (those on the sign-in page go to their returnUrl).
    this.channel.post({ type: 'signed-in', user, accessToken, expiresAt: now + expiresIn * 1000 });
  }

  /**
   * Ends the session here and in every other tab at once, and tells the server; a failed
   * logout call changes nothing for the user.
   */
  async signOut(): Promise<void> {
    this.unconfirmed = false;
    this.store.signedOut();
    this.channel.post({ type: 'signed-out', reason: 'signed-out' });
    try {
      await firstValueFrom(this.api.logout());
    } catch {
      // Offline, say: the refresh cookie still works on the server, so a reload would restore
      // the session. Remember the sign-out; the next page load honours it and tells the server.
      this.remember(PENDING_LOGOUT_KEY, true);
    }
  }

  /**
   * Restores the session through the HttpOnly refresh cookie once per page load; every caller
   * shares the same attempt. Resolves to whether a session exists.
   */
  restore(): Promise<boolean> {
    if (this.store.status() !== 'unknown') return Promise.resolve(this.store.isSignedIn());
    // Stryker disable next-line ArrowFunction: restoreOnce always leaves the status known, so once it has settled restore() returns from its first line and never reads this again
    this.restoring ??= this.restoreOnce().finally(() => (this.restoring = null));
    return this.restoring;
  }

  private async restoreOnce(): Promise<boolean> {
    if (this.remembered(PENDING_LOGOUT_KEY)) {
      try {
        await firstValueFrom(this.api.logout());
        this.remember(PENDING_LOGOUT_KEY, false);
      } catch {
        // Still not told: kept for the next page load; the user stays signed out meanwhile.
      }
      this.store.signedOut();
      return false;
    }
    // Without the XSRF cookie the server set at sign-in there is no session to restore, and
    // the refresh call would only be refused: skip it. (document.cookie joins cookies with "; ".)
    if (!/(^|; )XSRF-TOKEN=/.test(this.document.cookie)) {
      this.store.signedOut();
      return false;
    }
    try {
      // A token another tab posted while this one waited for the lock is used as it is.
      await this.lock(async () => {
        if (this.store.accessToken()) return;
        const { accessToken, expiresIn } = await firstValueFrom(this.api.refresh());
        // Another tab ended the session while the refresh was on the wire: its token is dropped.
        if (this.store.status() !== 'signed-out')
          this.store.tokenRefreshed(accessToken, expiresIn * 1000, this.clock.now());
      });
      if (this.store.status() === 'signed-out') return false;
    } catch (error) {
      if (this.store.status() !== 'signed-out' && serverOutOfReach(error)) {
        // Offline (or the server down) is no answer: the session may well be alive. Open the
        // app (pages show their offline state, changes wait in the outbox) and confirm it when
        // the server can be asked; a refused refresh then ends it as usual.
        return this.userToCome();
      }
      this.store.signedOut();
      return false;
    }
    // The token is good: signed in from here. Who the user is (`/api/me`) follows beside the
    // page's own first calls instead of before them, one round trip less between a reload and
    // the page's data (issue 13). Until it answers the session is signed in with no user, as
    // one restored offline is, and is confirmed the same way: a refused `/api/me` (401) ends
    // it through the refresh coordinator; out of reach, it is asked again on reconnect.
    this.userToCome();
    void this.confirm();
    return true;
  }

  /** Signed in, with the user (and, offline, the token) still to come: see `confirm`. */
  private userToCome(): true {
    this.unconfirmed = true;
    this.store.unconfirmed();
    return true;
  }

  // Stryker disable OptionalChaining: without a window the plain access throws inside the try, and the catch gives the same result
  private remembered(key: string): boolean {
    let value: string | null | undefined;
    try {
      value = this.document.defaultView?.localStorage.getItem(key);
    } catch {
      // Blocked storage: nothing was remembered.
    }
    return value === '1';
  }

  private remember(key: string, on: boolean): void {
    try {
      const storage = this.document.defaultView?.localStorage;
      if (on) storage?.setItem(key, '1');
      else storage?.removeItem(key);
    } catch {
      // Blocked storage: a reload may restore a session signed out offline.
    }
  }
  // Stryker restore OptionalChaining

  private confirm(): Promise<void> {
    if (!this.unconfirmed || this.store.status() !== 'signed-in') return Promise.resolve();
    this.confirming ??= this.confirmOnce().finally(() => (this.confirming = null));
    return this.confirming;
  }

  private async confirmOnce(): Promise<void> {
    try {
      if (!this.store.accessToken()) await firstValueFrom(this.coordinator.refresh());
      const user = await firstValueFrom(this.api.me());
      // Another tab may have ended the session meanwhile.
      if (this.store.status() !== 'signed-in') return;
      this.unconfirmed = false;
      this.store.userKnown(user);
    } catch (error) {
      // Refused: the coordinator has ended the session. Out of reach: the next reconnect.
      if (!serverOutOfReach(error)) this.unconfirmed = false;
    }
  }
}

/** A sign-out the server has not heard of yet (its logout call failed). Not a secret. */
const PENDING_LOGOUT_KEY = 'keel.session.logout-pending';

/**
 * No answer from the server, or "not now" (as opposed to a refusal): the session's fate is
 * still open. A 429 on the refresh keeps the session, as DESIGN.md says of refreshes.
 */
function serverOutOfReach(error: unknown): error is AppError {
  return isAppError(error) && OUT_OF_REACH.has(error.kind);
}

const OUT_OF_REACH = new Set<AppError['kind']>([
  'offline',
  'network',
  'timeout',
  'server',
  'rate-limited',
  'circuit-open',
  'budget-exhausted',
]);

/** A message a person can act on, for a failed sign-in. */
export function signInErrorMessage(error: unknown): string {
  if (!isAppError(error)) return 'Sign-in failed. Try again in a moment.';
  if (error.kind === 'unauthorized') return 'Wrong email or password.';
  if (error.kind === 'rate-limited') {
    const seconds = Math.ceil((error.retryAfterMs ?? 0) / 1000);
    return seconds
      ? `Too many attempts. Try again in ${seconds} seconds.`
      : 'Too many attempts. Wait a minute, then try again.';
  }
  return error.message;
}
