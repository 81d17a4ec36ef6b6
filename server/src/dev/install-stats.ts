import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isDevPath } from '../http/is-dev-path.ts';
import type { DevStats } from './dev-stats.ts';

// Requests whose arrival was counted: only their answers count, so a request refused before
// it arrived (by the origin guard, or by Fastify for a bad URL) counts in neither.
const arrived = new WeakSet<FastifyRequest>();

/**
 * Counts every request as it arrives, under its route pattern, so that requests chaos drops or
 * hangs count too. Install it before chaos.
 */
export function countArrivals(app: FastifyInstance, stats: DevStats): void {
  app.addHook('onRequest', async (request) => {
    if (isDevPath(request.url)) return;
    arrived.add(request);
    stats.countRequest(`${request.method} ${request.routeOptions.url ?? '<unmatched>'}`);
  });
}

/**
 * Counts the status of every answer, before its first byte is written, so a client that reads
 * the stats right after a response always finds it counted. Install it after chaos: a
 * malformed answer counts as the 200 it became, and a dropped one (counted by chaos) never
 * gets here.
 */
export function countAnswers(app: FastifyInstance, stats: DevStats): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (arrived.has(request)) stats.countOutcome(String(reply.statusCode));
    return payload;
  });
}
