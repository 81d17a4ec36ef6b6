import type { FastifyInstance } from 'fastify';
import { isDevPath } from '../http/is-dev-path.ts';
import type { DevStats } from './dev-stats.ts';

/**
 * Counts every request as it arrives (so dropped and hung ones count too) under its route
 * pattern, and its status when it is answered. Dropped and hung requests are counted by chaos
 * instead: they never reach onResponse.
 */
export function installStats(app: FastifyInstance, stats: DevStats): void {
  app.addHook('onRequest', async (request) => {
    if (isDevPath(request.url)) return;
    stats.countRequest(`${request.method} ${request.routeOptions.url ?? '<unmatched>'}`);
  });
  app.addHook('onResponse', async (request, reply) => {
    if (isDevPath(request.url)) return;
    stats.countOutcome(String(reply.statusCode));
  });
}
