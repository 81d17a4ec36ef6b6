import type { FastifyRequest } from 'fastify';
import { HttpProblem } from '../http/http-problem.ts';
import type { AccessTokens } from './access-tokens.ts';
import type { RefreshSessions } from './refresh-sessions.ts';
import type { UserStore } from './user-store.ts';

interface AuthenticateDeps {
  accessTokens: AccessTokens;
  sessions: RefreshSessions;
  users: UserStore;
}

/**
 * An onRequest hook for protected routes: sets `request.user` from the bearer token or
 * throws 401. It runs before the body is read, so a caller without a token learns that first.
 */
export function authenticate({ accessTokens, sessions, users }: AuthenticateDeps) {
  return async (request: FastifyRequest): Promise<void> => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match?.[1]) {
      throw new HttpProblem('unauthorized', {
        detail: 'Send an access token: Authorization: Bearer <token>.',
      });
    }
    const claims = await accessTokens.verify(match[1]);
    const user = users.findById(claims.userId);
    if (!user || !sessions.isActive(claims.sessionId)) {
      throw new HttpProblem('unauthorized', { detail: 'The session of this token has ended.' });
    }
    request.user = {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      sessionId: claims.sessionId,
    };
  };
}

/** The user set by `authenticate`; for handlers of routes that use it. */
export function currentUser(request: FastifyRequest) {
  if (!request.user) throw new HttpProblem('unauthorized');
  return request.user;
}
