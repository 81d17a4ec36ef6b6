// Where a sequential call's time goes (`npm run bench:profile` with BENCH_PROFILE_SEQUENTIAL),
// and what one `fetch()` call costs at a given stack depth.
import type { StackName } from '../stacks';
import { median, round, signedIn } from './shared';

const TIMELINE_PARTS = ['toFetch', 'fetchCall', 'network', 'afterResponse', 'total'] as const;

export interface TimelineResult {
  /** Per stack, medians in µs over the calls (see `timeline`). */
  [stack: string]: Record<(typeof TIMELINE_PARTS)[number], number>;
}

/** The Resource Timing entry of a fetch of `url` started after `after`, once the browser adds it. */
function resourceEntry(url: string, after: number): Promise<PerformanceResourceTiming | undefined> {
  const find = () =>
    performance
      .getEntriesByType('resource')
      .find((e) => e.name.includes(url) && e.startTime >= after) as
      PerformanceResourceTiming | undefined;
  return new Promise((resolve) => {
    const found = find();
    if (found) return resolve(found);
    const observer = new PerformanceObserver(() => {
      const entry = find();
      if (entry) done(entry);
    });
    const timer = setTimeout(() => done(find()), 1_000);
    const done = (entry: PerformanceResourceTiming | undefined) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(entry);
    };
    observer.observe({ type: 'resource' });
  });
}

/**
 * Sequential calls taking turns, each split into: the call → `fetch()` called (the chain on the
 * way out, in script), the synchronous `fetch()` call itself (the browser's own work, plus any
 * DevTools instrumentation of the page), the fetch (Resource Timing's startTime → responseEnd)
 * and the last byte → the caller's promise (the way back). Resource Timing entries arrive a task
 * or more after the answer, so each call waits for its own before the next starts.
 */
export async function timeline(options: {
  stacks: StackName[];
  url: string;
  calls: number;
}): Promise<TimelineResult> {
  const stacks = await Promise.all(options.stacks.map((name) => signedIn(name)));
  for (const stack of stacks) for (let i = 0; i < 100; i++) await stack.get(options.url);
  performance.setResourceTimingBufferSize(100_000);
  const parts = Object.fromEntries(
    stacks.map((s) => [s.name, Object.fromEntries(TIMELINE_PARTS.map((k) => [k, [] as number[]]))]),
  );
  const realFetch = window.fetch;
  let fetchCalled = 0;
  let fetchReturned = 0;
  window.fetch = (input, init) => {
    fetchCalled = performance.now();
    try {
      return realFetch(input, init);
    } finally {
      fetchReturned = performance.now();
    }
  };
  try {
    for (let i = 0; i < options.calls; i++) {
      for (let k = 0; k < stacks.length; k++) {
        const stack = stacks[(i + k) % stacks.length];
        performance.clearResourceTimings();
        const start = performance.now();
        await stack.get(options.url);
        const end = performance.now();
        const entry = await resourceEntry(options.url, start);
        if (!entry) continue;
        const p = parts[stack.name];
        p['toFetch'].push((fetchCalled - start) * 1000);
        p['fetchCall'].push((fetchReturned - fetchCalled) * 1000);
        p['network'].push((entry.responseEnd - entry.startTime) * 1000);
        p['afterResponse'].push((end - entry.responseEnd) * 1000);
        p['total'].push((end - start) * 1000);
      }
    }
  } finally {
    window.fetch = realFetch;
    for (const stack of stacks) stack.dispose();
  }
  return Object.fromEntries(
    Object.entries(parts).map(([name, p]) => [
      name,
      Object.fromEntries(TIMELINE_PARTS.map((k) => [k, round(median(p[k]), 0)])),
    ]),
  ) as TimelineResult;
}

/**
 * The synchronous cost of one `fetch()` called from a stack `depth` frames deep, median µs per
 * depth: flat in a plain page; growing with the depth in a page whose DevTools Network domain is
 * on (it captures the initiator's stack), which is how Playwright drives a page.
 */
export async function fetchDepth(options: {
  url: string;
  depths: number[];
  calls: number;
}): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  const nest = (n: number, call: () => Promise<Response>): Promise<Response> =>
    n > 1 ? nest(n - 1, call) : call();
  for (const depth of options.depths) {
    const times: number[] = [];
    for (let i = 0; i < options.calls; i++) {
      let called = 0;
      let returned = 0;
      const response = await nest(depth, () => {
        called = performance.now();
        const promise = fetch(options.url);
        returned = performance.now();
        return promise;
      });
      await response.arrayBuffer();
      times.push((returned - called) * 1000);
    }
    result[depth] = round(median(times), 0);
  }
  return result;
}
