import { InjectionToken } from '@angular/core';
import { type TabChannel, openTabChannel } from './tab-channel';
import type { User } from './user';

/**
 * What the tabs of one browser tell each other about the one session they share. Only tabs of
 * this origin can hear it (`BroadcastChannel` is same-origin and in memory: nothing is written
 * to storage). The access token crosses because every tab holds it in memory anyway; the
 * refresh token never does (it is an HttpOnly cookie no script can read).
 */
export type SessionMessage =
  /** A tab holds the refresh lock and has sent the refresh: wait for its result. */
  | { readonly type: 'refreshing' }
  /** That refresh's new access token, valid until `expiresAt` (epoch ms). */
  | { readonly type: 'token'; readonly accessToken: string; readonly expiresAt: number }
  /** That refresh failed for a passing reason (network, 5xx); the session goes on. */
  | { readonly type: 'refresh-failed' }
  | {
      readonly type: 'signed-in';
      readonly user: User;
      readonly accessToken: string;
      readonly expiresAt: number;
    }
  /** The session ended: the user signed out, or a refresh was refused (`expired`). */
  | { readonly type: 'signed-out'; readonly reason: SignedOutReason };

export type SignedOutReason = 'signed-out' | 'expired';

/** The channel between the tabs: `post` reaches every other tab, never the sender. */
export type SessionChannel = TabChannel<SessionMessage>;

/** The channel's name, one per app origin. */
export const SESSION_CHANNEL_NAME = 'keel-session';

/**
 * @default a `BroadcastChannel` named `keel-session`, closed with the app; where the browser
 * has none, a channel that carries nothing, so each tab keeps its own session as before.
 */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const SESSION_CHANNEL = new InjectionToken<SessionChannel>('SESSION_CHANNEL', {
  // Stryker disable next-line StringLiteral: InjectionToken turns an empty providedIn into 'root'
  providedIn: 'root',
  factory: () => openTabChannel(SESSION_CHANNEL_NAME, isSessionMessage),
});

/**
 * A message from another tab is checked before it is believed: another version of the app
 * in an older tab may post shapes this one does not know, and those are ignored.
 */
export function isSessionMessage(data: unknown): data is SessionMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  const token = () => typeof m['accessToken'] === 'string' && Number.isFinite(m['expiresAt']);
  switch (m['type']) {
    case 'refreshing':
    case 'refresh-failed':
      return true;
    case 'token':
      return token();
    case 'signed-in':
      return token() && typeof m['user'] === 'object' && m['user'] !== null;
    case 'signed-out':
      return m['reason'] === 'signed-out' || m['reason'] === 'expired';
    default:
      return false;
  }
}
