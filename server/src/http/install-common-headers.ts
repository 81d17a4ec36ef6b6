import type { FastifyInstance } from 'fastify';

/** The headers every answer carries, including those written by hand on a bare socket. */
export function commonHeaders(requestId: string, flagsVersion: number): Record<string, string> {
  return { 'x-request-id': requestId, 'x-flags-version': String(flagsVersion) };
}

/**
 * X-Request-Id and X-Flags-Version on every response, errors and 404s included. Set at send
 * time so that a PUT /api/_dev/flags already answers with the version it created.
 */
export function installCommonHeaders(app: FastifyInstance, flagsVersion: () => number): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(commonHeaders(request.id, flagsVersion()));
    return payload;
  });
}
