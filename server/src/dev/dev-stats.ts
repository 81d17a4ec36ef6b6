import type { DevStatsJson } from '../../../contracts/dev-api.ts';

/**
 * Counters since the last reset, for `GET /api/_dev/stats`. Tests read them to prove what
 * the server saw (a request that was dropped, an order committed before the socket closed)
 * when the client alone cannot tell.
 */
export class DevStats {
  requests = 0;
  byRoute: Record<string, number> = {};
  byStatus: Record<string, number> = {};
  refresh = { ok: 0, failed: 0 };
  logins = 0;
  loginFailures = 0;
  idempotentReplays = 0;
  ordersCreated = 0;
  since: string;

  constructor(private readonly now: () => number) {
    this.since = new Date(now()).toISOString();
  }

  countRequest(route: string): void {
    this.requests += 1;
    this.byRoute[route] = (this.byRoute[route] ?? 0) + 1;
  }

  /** An HTTP status ("200") or an outcome without one ("dropped", "hung"). */
  countOutcome(outcome: string): void {
    this.byStatus[outcome] = (this.byStatus[outcome] ?? 0) + 1;
  }

  reset(): void {
    Object.assign(this, new DevStats(this.now));
  }

  /**
   * The stats' part of `GET /api/_dev/stats` (the route adds `flagStreams`). Typed by the shared
   * shape, so a counter added here and not there (or the other way round) fails to compile.
   */
  toJSON(): Omit<DevStatsJson, 'flagStreams'> {
    const {
      requests,
      byRoute,
      byStatus,
      refresh,
      logins,
      loginFailures,
      idempotentReplays,
      ordersCreated,
      since,
    } = this;
    return {
      requests,
      byRoute,
      byStatus,
      refresh,
      logins,
      loginFailures,
      idempotentReplays,
      ordersCreated,
      since,
    };
  }
}
