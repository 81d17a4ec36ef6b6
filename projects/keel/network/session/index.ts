/**
 * The session: sign-in and sign-out, one shared token refresh across the tabs of a browser, the
 * session restored on a page load, `signedInGuard`, a signed-in page's GETs started with its
 * code (`prefetchGets`). Plugged into the network layer by
 * `provideSession()`.
 * @packageDocumentation
 * @module @keel/network/session
 */
export type { User } from './user';
export { SessionStore, type SessionStatus, proactiveRefreshAt } from './session-store';
export { SessionService, signInErrorMessage } from './session-service';
export { REMOTE_REFRESH_WAIT_MS, RefreshCoordinator } from './refresh-coordinator';
export { REFRESH_LOCK, type RefreshLock } from './refresh-lock';
export { AuthApi } from './auth-api';
export { provideSession, type SessionOptions } from './provide-session';
export { AUTH_ENDPOINTS, DEFAULT_AUTH_ENDPOINTS, type AuthEndpoints } from './auth-endpoints';
export { signedInGuard } from './signed-in-guard';
export { PagePrefetch, PREFETCH_MAX_AGE_MS, prefetchGets } from './page-prefetch';
export { safeReturnUrl } from './safe-return-url';
export {
  SESSION_CHANNEL,
  SESSION_CHANNEL_NAME,
  type SessionChannel,
  type SessionMessage,
  type SignedOutReason,
} from './session-channel';
export { type TabChannel, openTabChannel } from './tab-channel';
export { type TabLeadership, webLocksLeadership } from './tab-leadership';
