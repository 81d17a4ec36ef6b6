// The JSON of the dev API's controls (server/README.md, "Dev controls") that crosses processes:
// the server produces it, and the app's network console, the e2e tests and the bench harness
// send or read it. One copy here, so a field added on the server and missing on another side
// fails that side's type-check instead of drifting. Types only: each side compiles this file
// with its own tsconfig and none loads it at run time (every import of it is `import type`), so
// it imports nothing, neither Node nor Angular (lint refuses both).

/**
 * What `PUT /api/_dev/chaos` sets and `GET /api/_dev/chaos` answers, every field filled in. A
 * PUT replaces the whole config; absent fields take their defaults (server/README.md, "Chaos"),
 * which is why senders that name only the faults they want type their body `Partial<ChaosConfig>`.
 */
export interface ChaosConfig {
  latencyMs: number;
  jitterMs: number;
  failRate: number;
  failStatus: number;
  retryAfterS: number | null;
  dropRate: number;
  hangRate: number;
  malformedRate: number;
  dropAfterCommitRate: number;
  /** `"METHOD /path"` or `"/path"` prefixes; empty means every route. */
  routes: string[];
  /**
   * When set, chaos draws come from a PRNG seeded with it (restarted by each PUT), so a test
   * with a rate between 0 and 1 sees the same faults every run. Null: the server's random.
   */
  seed: number | null;
}

/** The flag streams the server holds: `open` is live; `opened` and `heartbeats` since the last reset. */
export interface FlagStreamStats {
  open: number;
  opened: number;
  /** Sent, over all streams. */
  heartbeats: number;
}

/** What `GET /api/_dev/stats` answers: counters since the last reset (and the flag streams). */
export interface DevStatsJson {
  requests: number;
  /** By route pattern, e.g. `"GET /api/orders/:id"` or `"GET <unmatched>"`. */
  byRoute: Record<string, number>;
  /** By HTTP status (`"200"`) or an outcome without one (`"dropped"`, `"hung"`). */
  byStatus: Record<string, number>;
  refresh: { ok: number; failed: number };
  logins: number;
  loginFailures: number;
  idempotentReplays: number;
  ordersCreated: number;
  /** When the counters last started from zero (ISO 8601). */
  since: string;
  flagStreams: FlagStreamStats;
}
