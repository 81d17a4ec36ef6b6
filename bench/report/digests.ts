// Per-section digests, shared by the summary and the detail sections.
import type { OverheadResult, StormResult } from '../harness/scenarios';
import { finite, med } from './format';

export function failedCalls(
  o: OverheadResult,
  stack: string,
  mode: 'sequential' | 'concurrent',
): number {
  return Object.values(o.failures[stack]?.[mode] ?? {}).reduce((a, b) => a + b, 0);
}

export function stormDigest(result: StormResult) {
  // Latency only where at least half the calls were served: one served call says nothing.
  const reps = result.reps;
  const timed = reps.filter((r) => r.served >= result.options.n / 2 && finite(r.added.p95));
  const longTasks = reps.flatMap((r) => r.longTasks ?? []);
  return {
    stack: result.options.stack,
    n: result.options.n,
    throttle: result.options.throttle ?? 1,
    refreshes: reps.map((r) => r.refreshes),
    failed: reps.map((r) => r.failed),
    addedP50: med(timed.map((r) => r.added.p50)),
    addedP95: med(timed.map((r) => r.added.p95)),
    validP50: med(reps.map((r) => r.valid.p50)),
    validP95: med(reps.map((r) => r.valid.p95)),
    singleRtt: med(reps.map((r) => r.singleRttMs)),
    /** Added p95 in round trips of the same N calls with a valid token (their p95). */
    addedInLoadedRoundTrips: med(timed.map((r) => r.added.p95 / r.valid.p95)),
    /** Added p95 in uncontended round trips (one call alone). */
    addedInSingleRoundTrips: med(timed.map((r) => r.added.p95 / r.singleRttMs)),
    failedKinds: reps.map((r) => r.failedKinds),
    longTasks: longTasks.length,
    longestTask: longTasks.length ? Math.max(...longTasks) : 0,
    /** The caller's loop starting the expired burst (ms, median of reps); NaN in older runs. */
    loopMs: med(reps.map((r) => r.loopMs ?? NaN)),
  };
}
