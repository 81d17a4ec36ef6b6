import type { FastifyReply } from 'fastify';
import { refreshTokenTtlS } from './refresh-sessions.ts';

export const refreshCookie = 'keel_refresh';

// HttpOnly: script (and any XSS) can never read it. Path=/api/auth: the browser sends it only
// to refresh and logout, never with ordinary API calls. No Secure: the dev API is plain http
// on loopback, where browsers would drop a Secure cookie from http responses.
const options = { path: '/api/auth', httpOnly: true, sameSite: 'strict' } as const;

export function setRefreshCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(refreshCookie, token, { ...options, maxAge: refreshTokenTtlS });
}

export function clearRefreshCookie(reply: FastifyReply): void {
  reply.clearCookie(refreshCookie, options);
}
