export type { User } from './user';
export { SessionStore, type SessionStatus } from './session-store';
export { SessionService, signInErrorMessage } from './session-service';
export { signedInGuard } from './signed-in-guard';
