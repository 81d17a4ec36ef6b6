import type { FastifyInstance } from 'fastify';
import { traceParentOf } from './trace-context.ts';

/**
 * One compact line per answered request; X-Attempt shows which try of a retried call it was,
 * and a valid `traceparent` its trace and span (`trace=<trace id>/<parent span id>`).
 */
export function installRequestLog(app: FastifyInstance, log: (line: string) => void): void {
  app.addHook('onResponse', async (request, reply) => {
    const attempt = request.headers['x-attempt'];
    const trace = traceParentOf(request.headers);
    log(
      `${request.method} ${request.url} ${reply.statusCode} ${Math.round(reply.elapsedTime)}ms` +
        `${typeof attempt === 'string' ? ` attempt=${attempt}` : ''} id=${request.id}` +
        `${trace ? ` trace=${trace.traceId}/${trace.parentId}` : ''}`,
    );
  });
}
