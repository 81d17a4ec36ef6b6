// (b) Refresh storm: N calls at once right after every access token expired.
import { attemptFailures } from '../counters';
import { devApi, refreshesOf } from '../dev-api';
import type { StackName } from '../stacks';
import { type Outcome, countBy, delay, median, percentile, round, signedIn, timed } from './shared';

export interface StormOptions {
  stack: StackName;
  n: number;
  reps: number;
  url: string;
  /** The CPU slowdown bench/run.ts set for this run (1 = none); a label, the page cannot see it. */
  throttle?: number;
}

export interface StormRep {
  /** Median of 20 sequential calls with a valid token: one uncontended round trip. */
  singleRttMs: number;
  valid: { p50: number; p95: number };
  /** Over the calls that were served (NaN when none was). */
  expired: { p50: number; p95: number };
  added: { p50: number; p95: number };
  served: number;
  refreshes: number;
  refreshOk: number;
  refreshFailed: number;
  unauthorized: number;
  failed: number;
  failedKinds: Record<string, number>;
  /** Keel only: failed attempts of the expired burst by kind (its NETWORK_CALL_SINK). */
  failedAttempts?: Record<string, number>;
  serverRequests: number;
  /** Long tasks (PerformanceObserver `longtask`, ≥ 50 ms) during the expired burst, in ms. */
  longTasks: number[];
  /** The caller's own loop that starts the expired burst's N calls (one task), in ms; absent
   *  in results.json of runs before it was measured. */
  loopMs?: number;
}

export interface StormResult {
  options: StormOptions;
  reps: StormRep[];
}

export async function storm(options: StormOptions): Promise<StormResult> {
  const reps: StormRep[] = [];
  for (let rep = 0; rep < options.reps; rep++) {
    await devApi.reset();
    const keel = options.stack === 'keel';
    const stack = await signedIn(options.stack, { logAttempts: keel });
    for (let i = 0; i < 10; i++) await stack.get(options.url);
    const single: number[] = [];
    for (let i = 0; i < 20; i++) single.push((await timed(() => stack.get(options.url))).ms);
    let loopMs = 0;
    const burst = () => {
      const started = performance.now();
      const calls = Array.from({ length: options.n }, () => timed(() => stack.get(options.url)));
      loopMs = performance.now() - started;
      return Promise.all(calls);
    };
    const valid = await burst();
    await devApi.reset();
    await devApi.expireTokens();
    const attemptsBefore = { ...attemptFailures };
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(round(entry.duration, 0));
    });
    observer.observe({ type: 'longtask', buffered: false });
    const expired = await burst();
    // Entries are delivered after the task that ends them: one more turn of the event loop.
    await delay(0);
    for (const entry of observer.takeRecords()) longTasks.push(round(entry.duration, 0));
    observer.disconnect();
    const failedAttempts: Record<string, number> = {};
    for (const [kind, count] of Object.entries(attemptFailures))
      if (count > (attemptsBefore[kind] ?? 0))
        failedAttempts[kind] = count - (attemptsBefore[kind] ?? 0);
    const stats = await devApi.stats();
    stack.dispose();

    const p = (outcomes: Outcome[], q: number) =>
      percentile(
        outcomes.map((o) => o.ms),
        q,
      );
    const failedOutcomes = expired.filter((o) => !o.ok);
    // Latency of the calls that were served: a call that failed fast adds no useful latency.
    const served = expired.filter((o) => o.ok);
    reps.push({
      singleRttMs: round(median(single)),
      valid: { p50: round(p(valid, 50)), p95: round(p(valid, 95)) },
      expired: { p50: round(p(served, 50)), p95: round(p(served, 95)) },
      added: {
        p50: round(p(served, 50) - p(valid, 50)),
        p95: round(p(served, 95) - p(valid, 95)),
      },
      served: served.length,
      refreshes: refreshesOf(stats),
      refreshOk: stats.refresh.ok,
      refreshFailed: stats.refresh.failed,
      unauthorized: stats.byStatus['401'] ?? 0,
      failed: failedOutcomes.length,
      failedKinds: countBy(failedOutcomes.map((o) => o.kind)),
      ...(keel && { failedAttempts }),
      serverRequests: stats.requests,
      longTasks,
      loopMs: round(loopMs, 1),
    });
  }
  await devApi.reset();
  return { options, reps };
}
