import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A route's onSend hook for answers that carry a token or who the user is (login, refresh,
 * logout, `/api/me`): no cache, the browser's included, may keep them (RFC 9111 §5.2.2.5;
 * OWASP Session Management Cheat Sheet). A route hook, so it runs for the route's errors too,
 * those of the hooks before the handler included.
 */
export async function noStore(
  _request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  reply.header('cache-control', 'no-store');
  return payload;
}
