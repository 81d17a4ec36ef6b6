import { computed } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import type { User } from './user';

/**
 * `unknown` until the first restore attempt settles, so guards can wait for it instead of
 * sending a signed-in user to the sign-in page on a reload.
 */
export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';

interface SessionState {
  status: SessionStatus;
  user: User | null;
  /** In memory only: never written to localStorage or sessionStorage. */
  accessToken: string | null;
  /** Epoch ms at which the access token expires. */
  expiresAt: number | null;
}

const initialState: SessionState = {
  status: 'unknown',
  user: null,
  accessToken: null,
  expiresAt: null,
};

/** The session: who is signed in and the access token, held in memory only. */
export const SessionStore = signalStore(
  { providedIn: 'root' },
  withState(initialState),
  withComputed(({ status }) => ({ isSignedIn: computed(() => status() === 'signed-in') })),
  withMethods((store) => ({
    signedIn(user: User, accessToken: string, expiresAt: number): void {
      patchState(store, { status: 'signed-in', user, accessToken, expiresAt });
    },
    tokenRefreshed(accessToken: string, expiresAt: number): void {
      patchState(store, { accessToken, expiresAt });
    },
    signedOut(): void {
      patchState(store, { status: 'signed-out', user: null, accessToken: null, expiresAt: null });
    },
  })),
);
