import type { FastifyInstance } from 'fastify';

/**
 * X-Request-Id and X-Flags-Version on every response, errors and 404s included. Set at send
 * time so that a PUT /api/_dev/flags already answers with the version it created.
 */
export function installCommonHeaders(app: FastifyInstance, flagsVersion: () => number): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id).header('x-flags-version', String(flagsVersion()));
    return payload;
  });
}
