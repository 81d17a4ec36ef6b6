export type { User } from './user';
export { SessionStore, type SessionStatus, proactiveRefreshAt } from './session-store';
export { SessionService, signInErrorMessage } from './session-service';
export { RefreshCoordinator } from './refresh-coordinator';
export { REFRESH_LOCK, type RefreshLock } from './refresh-lock';
export { AuthApi } from './auth-api';
export { provideSession } from './provide-session';
export { signedInGuard } from './signed-in-guard';
