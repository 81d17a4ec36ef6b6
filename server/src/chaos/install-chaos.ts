import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { DevStats } from '../dev/dev-stats.ts';
import { HttpProblem } from '../http/http-problem.ts';
import { isDevPath } from '../http/is-dev-path.ts';
import { requestPath } from '../http/request-path.ts';
import { chaosApplies, type ChaosConfig, type ChaosState } from './chaos-config.ts';

/**
 * Injects network faults into /api routes (never /api/_dev, so the controls stay usable).
 * Before the handler, in this order: latency (+ jitter), hang, drop, fail. At send time, after
 * the handler has committed: drop-after-commit, then malformed. Each rate is one draw of
 * `random()` taken in that order, only for rates above 0 (so 0 and 1 need no pinned random).
 */
export function installChaos(
  app: FastifyInstance,
  state: ChaosState,
  stats: DevStats,
  random: () => number,
): void {
  // The config a request started under, so a PUT mid-request cannot change its fate halfway.
  // Requests that chaos already answered (fail) are removed: send-time faults skip them.
  const underChaos = new WeakMap<FastifyRequest, ChaosConfig>();
  const hung = new Set<Socket>();
  const next = () => (state.random ?? random)();
  const draw = (rate: number) => rate > 0 && next() < rate;

  app.addHook('onRequest', async (request, reply) => {
    const config = state.config;
    if (!request.url.startsWith('/api/') || isDevPath(request.url)) return;
    if (!chaosApplies(config, request.method, requestPath(request.url))) return;
    underChaos.set(request, config);

    const waitMs =
      config.latencyMs + (config.jitterMs > 0 ? Math.floor(next() * (config.jitterMs + 1)) : 0);
    if (waitMs > 0) {
      // Said on the response, so a client or test can tell injected latency from real slowness.
      reply.header('x-chaos-latency-ms', String(waitMs));
      await delay(waitMs);
    }
    if (draw(config.hangRate)) {
      stats.countOutcome('hung');
      reply.hijack();
      const socket = request.raw.socket;
      hung.add(socket);
      socket.once('close', () => hung.delete(socket));
      return;
    }
    if (draw(config.dropRate)) {
      stats.countOutcome('dropped');
      reply.hijack();
      request.raw.socket.destroy();
      return;
    }
    if (draw(config.failRate)) {
      underChaos.delete(request);
      throw new HttpProblem('chaos', {
        status: config.failStatus,
        detail: `Injected by PUT /api/_dev/chaos (failRate ${config.failRate}).`,
        ...(config.retryAfterS !== null && {
          headers: { 'retry-after': String(config.retryAfterS) },
        }),
      });
    }
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    const config = underChaos.get(request);
    if (!config) return done(null, payload);
    if (draw(config.dropAfterCommitRate)) {
      // The handler has committed; closing now loses only the answer. `done` is never called:
      // nothing more may be written to this socket.
      stats.countOutcome('dropped');
      reply.raw.destroy();
      return;
    }
    if (draw(config.malformedRate)) {
      reply.code(200).type('application/json').removeHeader('etag');
      return done(null, brokenJson(payload));
    }
    done(null, payload);
  });

  // A hung request never ends by itself; closing the server must not wait for it.
  app.addHook('preClose', (done) => {
    for (const socket of hung) socket.destroy();
    done();
  });
}

/** The first half of the real body: looks like JSON, never parses. */
function brokenJson(payload: unknown): string {
  const text =
    typeof payload === 'string'
      ? payload
      : Buffer.isBuffer(payload)
        ? payload.toString('utf8')
        : '';
  const half = text.slice(0, Math.floor(text.length / 2));
  return half.length >= 8 && !parses(half) ? half : '{"items":[{';
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
