import type { FastifyInstance } from 'fastify';
import { PassThrough } from 'node:stream';
import type { FlagStreamStats } from '../../../contracts/dev-api.ts';
import type { FeatureFlags } from './feature-flags.ts';

/** `setInterval` and `clearInterval`, as the stream's heartbeat uses them; tests tick by hand. */
export interface IntervalTimers {
  setInterval(tick: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const REAL_INTERVALS: IntervalTimers = {
  setInterval: (tick, ms) => setInterval(tick, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

/**
 * The flag streams the server holds: `open` is live; `opened` and `heartbeats` (sent, over all
 * streams) count since the last reset.
 */
export class FlagStreams {
  open = 0;
  opened = 0;
  heartbeats = 0;

  reset(): void {
    this.opened = 0;
    this.heartbeats = 0;
  }

  toJSON(): FlagStreamStats {
    return { open: this.open, opened: this.opened, heartbeats: this.heartbeats };
  }
}

export interface FlagStreamDeps {
  flags: FeatureFlags;
  streams: FlagStreams;
  intervals: IntervalTimers;
  heartbeatMs: number;
}

/**
 * `GET /api/flags/stream` (authenticated): server-sent events. On connect and after every change
 * of the flags' version (`PUT /api/_dev/flags`, a reset that clears overrides) one `event: flags` with
 * `data: {"version": n}`; between them a comment line `: heartbeat` every `heartbeatMs`, so
 * proxies keep the connection and a client can tell a dead stream from a quiet one. The values
 * themselves are not sent: they differ per user and app version, and `GET /api/flags` (with
 * `If-None-Match`) stays the one place that evaluates them.
 */
export function registerFlagStreamRoute(app: FastifyInstance, deps: FlagStreamDeps): void {
  const { flags, streams, intervals, heartbeatMs } = deps;
  app.get('/api/flags/stream', (_request, reply) => {
    const body = new PassThrough();
    const announce = () => body.write(`event: flags\ndata: {"version":${flags.version}}\n\n`);
    announce();
    const stopListening = flags.onChange(announce);
    const beat = intervals.setInterval(() => {
      body.write(': heartbeat\n\n');
      streams.heartbeats += 1;
    }, heartbeatMs);
    streams.open += 1;
    streams.opened += 1;
    let closed = false;
    reply.raw.once('close', () => {
      if (closed) return;
      closed = true;
      stopListening();
      intervals.clearInterval(beat);
      streams.open -= 1;
      body.end();
    });
    return (
      reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-store')
        // nginx (and proxies that honour it) would otherwise buffer the stream.
        .header('x-accel-buffering', 'no')
        .send(body)
    );
  });
}
