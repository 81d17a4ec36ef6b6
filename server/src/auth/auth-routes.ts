import type { FastifyInstance } from 'fastify';
import type { DevStats } from '../dev/dev-stats.ts';
import { HttpProblem } from '../http/http-problem.ts';
import { InputReader } from '../http/input-reader.ts';
import type { AccessTokens } from './access-tokens.ts';
import { publicUser } from './auth-user.ts';
import type { LoginLimiter } from './login-limiter.ts';
import { noStore } from './no-store.ts';
import { decoyPasswordHash, verifyPassword } from './password-hash.ts';
import { clearRefreshCookie, refreshCookie, setRefreshCookie } from './refresh-cookie.ts';
import type { RefreshSessions } from './refresh-sessions.ts';
import type { UserStore } from './user-store.ts';
import { assertXsrf } from './xsrf.ts';

interface AuthRoutesDeps {
  accessTokens: AccessTokens;
  sessions: RefreshSessions;
  users: UserStore;
  loginLimiter: LoginLimiter;
  stats: DevStats;
}

const refreshFailures = {
  unknown: 'The refresh token is not known.',
  expired: 'The refresh token has expired.',
  revoked: 'The session was ended.',
  reused: 'The refresh token was already used; the session has been ended for safety.',
} as const;

/** Login, refresh and logout: public routes; refresh and logout go by the cookie. */
export function registerAuthRoutes(
  app: FastifyInstance,
  { accessTokens, sessions, users, loginLimiter, stats }: AuthRoutesDeps,
): void {
  app.post('/api/auth/login', { onSend: noStore }, async (request, reply) => {
    const reader = new InputReader();
    const body = reader.object(request.body, '', ['email', 'password']);
    const email = reader.string(body, 'email', { minLength: 1, maxLength: 320 });
    const password = reader.string(body, 'password', { minLength: 1, maxLength: 1024 });
    reader.throwIfInvalid();

    const limitKey = `${request.ip}|${email.trim().toLowerCase()}`;
    const retryAfterS = loginLimiter.retryAfterS(limitKey);
    if (retryAfterS !== undefined) {
      throw new HttpProblem('rate-limited', {
        detail: `Too many failed sign-ins. Try again in ${retryAfterS} s.`,
        headers: { 'retry-after': String(retryAfterS) },
        extensions: { retryAfterS },
      });
    }
    const user = users.findByEmail(email);
    const valid = await verifyPassword(password, user?.passwordHash ?? decoyPasswordHash());
    if (!user || !valid) {
      loginLimiter.recordFailure(limitKey);
      stats.loginFailures += 1;
      throw new HttpProblem('invalid-credentials');
    }
    loginLimiter.clear(limitKey);
    const { sessionId, token } = sessions.start(user.id);
    const accessToken = await accessTokens.issue(user.id, sessionId);
    stats.logins += 1;
    setRefreshCookie(reply, token);
    return { accessToken, expiresIn: accessTokens.ttlS, user: publicUser(user) };
  });

  // The body is ignored: the refresh token is the cookie.
  app.post('/api/auth/refresh', { onSend: noStore }, async (request, reply) => {
    try {
      assertXsrf(request);
      const presented = request.cookies[refreshCookie];
      if (!presented) {
        throw new HttpProblem('invalid-refresh-token', { detail: 'There is no refresh cookie.' });
      }
      const result = sessions.rotate(presented);
      if (!result.ok) {
        clearRefreshCookie(reply);
        throw new HttpProblem('invalid-refresh-token', { detail: refreshFailures[result.reason] });
      }
      const accessToken = await accessTokens.issue(result.userId, result.sessionId);
      setRefreshCookie(reply, result.token);
      stats.refresh.ok += 1;
      return { accessToken, expiresIn: accessTokens.ttlS };
    } catch (error) {
      stats.refresh.failed += 1;
      throw error;
    }
  });

  app.post('/api/auth/logout', { onSend: noStore }, async (request, reply) => {
    assertXsrf(request);
    const presented = request.cookies[refreshCookie];
    if (presented) sessions.revoke(presented);
    clearRefreshCookie(reply);
    return reply.code(204).send();
  });
}
