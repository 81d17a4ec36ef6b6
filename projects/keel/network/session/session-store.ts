import { computed } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import type { User } from './user';

/**
 * `unknown` until the first restore attempt settles, so guards can wait for it instead of
 * sending a signed-in user to the sign-in page on a reload. A restored session is `signed-in`
 * with no user until `/api/me` answers, and one that could not be checked because the server
 * was out of reach (offline) with no user and no token until it is confirmed (`SessionService`).
 */
export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';

interface SessionState {
  status: SessionStatus;
  user: User | null;
  /** In memory only: never written to localStorage or sessionStorage. */
  accessToken: string | null;
  /** Epoch ms at which the access token expires. */
  expiresAt: number | null;
  /** Epoch ms at which to refresh before it expires (see `proactiveRefreshAt`). */
  refreshAt: number | null;
}

const initialState: SessionState = {
  status: 'unknown',
  user: null,
  accessToken: null,
  expiresAt: null,
  refreshAt: null,
};

/** Refresh when less than 30 s or a quarter of the token's life is left, whichever is sooner. */
export function proactiveRefreshAt(now: number, expiresInMs: number): number {
  return now + expiresInMs - Math.min(30_000, expiresInMs / 4);
}

/** The session: who is signed in and the access token, held in memory only. */
export const SessionStore = signalStore(
  { providedIn: 'root' },
  withState(initialState),
  withComputed(({ status }) => ({ isSignedIn: computed(() => status() === 'signed-in') })),
  withMethods((store) => ({
    /** A new access token, valid for `expiresInMs` from `now`. */
    tokenRefreshed(accessToken: string, expiresInMs: number, now: number): void {
      patchState(store, {
        accessToken,
        expiresAt: now + expiresInMs,
        refreshAt: proactiveRefreshAt(now, expiresInMs),
      });
    },
    signedIn(user: User, accessToken: string, expiresInMs: number, now: number): void {
      patchState(store, {
        status: 'signed-in',
        user,
        accessToken,
        expiresAt: now + expiresInMs,
        refreshAt: proactiveRefreshAt(now, expiresInMs),
      });
    },
    /**
     * Signed in, with no user yet: the refresh cookie's session could not be checked (offline,
     * server out of reach: no token either), or it was and `/api/me` is still on the wire. The
     * app opens as signed in until the session is confirmed or refused.
     */
    unconfirmed(): void {
      patchState(store, { status: 'signed-in', user: null });
    },
    /** The user of the token already held (a restored session): signed in. */
    userKnown(user: User): void {
      patchState(store, { status: 'signed-in', user });
    },
    signedOut(): void {
      patchState(store, {
        status: 'signed-out',
        user: null,
        accessToken: null,
        expiresAt: null,
        refreshAt: null,
      });
    },
  })),
);
