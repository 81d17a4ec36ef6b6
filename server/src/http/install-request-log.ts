import type { FastifyInstance } from 'fastify';

/** One compact line per answered request; X-Attempt shows which try of a retried call it was. */
export function installRequestLog(app: FastifyInstance, log: (line: string) => void): void {
  app.addHook('onResponse', async (request, reply) => {
    const attempt = request.headers['x-attempt'];
    log(
      `${request.method} ${request.url} ${reply.statusCode} ${Math.round(reply.elapsedTime)}ms` +
        `${typeof attempt === 'string' ? ` attempt=${attempt}` : ''} id=${request.id}`,
    );
  });
}
