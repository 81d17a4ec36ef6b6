// The scenarios of issues 7 and 10, run inside the page. Each one creates the stacks it needs, drives
// the dev API's controls itself (so the same code runs behind the bench server and behind
// ng serve in the e2e soak), and returns plain JSON for the Node side to report.
import { isAppError } from '../../src/app/core/http';
import { attemptFailures, counters, describe } from './counters';
import { type ChaosConfig, type DevStats, devApi, refreshesOf } from './dev-api';
import { DEMO, type Stack, type StackName, type StackOptions, createStack } from './stacks';

// ---------------------------------------------------------------------------------------------
// Small helpers

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const median = (values: readonly number[]) => percentile(values, 50);

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** mulberry32: the page's own seeded draws (which call, which route, which body). */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Outcome {
  ok: boolean;
  /** Resolved, but with a string where JSON was expected (a body that did not parse). */
  unreadable?: boolean;
  ms: number;
  /** AppError kind, or the error's name for peers. */
  kind?: string;
  typed: boolean;
}

async function timed(run: () => Promise<unknown>): Promise<Outcome> {
  const start = performance.now();
  try {
    const value = await run();
    const unreadable = typeof value === 'string';
    return {
      ok: true,
      ms: performance.now() - start,
      typed: true,
      ...(unreadable && { unreadable }),
    };
  } catch (error) {
    return {
      ok: false,
      ms: performance.now() - start,
      kind: isAppError(error) ? error.kind : errorName(error),
      typed: isAppError(error),
    };
  }
}

function errorName(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { name?: string; status?: number; response?: { status?: number } };
    const status = e.status ?? e.response?.status;
    return `${e.name ?? 'Error'}${status !== undefined ? ` ${status}` : ''}`;
  }
  return typeof error;
}

function countBy(values: readonly (string | undefined)[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const value of values) if (value) result[value] = (result[value] ?? 0) + 1;
  return result;
}

async function signedIn(name: StackName, options: StackOptions = {}): Promise<Stack> {
  const stack = await createStack(name, options);
  await stack.login();
  return stack;
}

// ---------------------------------------------------------------------------------------------
// (a) Overhead

export interface OverheadOptions {
  stacks: StackName[];
  /** The stacks of the concurrent bursts (a subset of `stacks`; the bursts take long). */
  concurrentStacks: StackName[];
  baseline: StackName;
  url: string;
  sequential: number;
  concurrent: number;
  reps: number;
  warmup: number;
  /** Calls per stack for the in-page cost, against a backend that answers at once. */
  inPageCalls: number;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface OverheadResult {
  options: OverheadOptions;
  /**
   * Per stack and repetition: the time its `sequential` calls took, summed call by call. The
   * stacks take turns call by call (the order rotating), so a busy moment of the machine hits
   * all of them alike.
   */
  sequentialMs: Record<string, number[]>;
  /** Per stack: the median time of one sequential call, over every call of every repetition. */
  sequentialCallMedianMs: Record<string, number>;
  /** Per stack and repetition: wall time of `concurrent` calls started at once. */
  concurrentMs: Record<string, number[]>;
  /** Per stack and mode: failed calls by kind (AppError kind, or the error's name). */
  failures: Record<
    string,
    { sequential: Record<string, number>; concurrent: Record<string, number> }
  >;
  /** Per stack: its time over the baseline's time in the same repetition. */
  ratios: Record<string, { sequential: Spread; concurrent: Spread; sequentialCallMedian: number }>;
  /**
   * Per stack: µs of page time per call with the network taken out (a backend that answers at
   * once): what the chain itself costs, free of the server's noise. `median` over every block of
   * 500 calls, `first` and `last` over the first and the last quarter of them (all within
   * seconds, so a cost that grows with the calls of the last 30 s shows as last > first).
   */
  inPageUsPerCall: Record<
    string,
    { first: number; last: number; median?: number; blocks?: number[] }
  >;
  /**
   * When Keel's bursts had failed calls: one more Keel burst with every failed attempt's kind
   * tallied (the calls' own kinds say what the last attempt met, not what started it).
   */
  concurrentDiagnosis?: {
    failedCalls: Record<string, number>;
    failedAttempts: Record<string, number>;
  };
}

function spread(values: readonly number[]): Spread {
  return {
    median: round(median(values), 3),
    min: round(Math.min(...values), 3),
    max: round(Math.max(...values), 3),
  };
}

export async function overhead(options: OverheadOptions): Promise<OverheadResult> {
  const stacks = await Promise.all(options.stacks.map((name) => signedIn(name)));
  const names = stacks.map((s) => s.name);
  const byStack = <T>(make: () => T) => Object.fromEntries(names.map((n) => [n, make()]));
  const sequentialMs: Record<string, number[]> = byStack(() => []);
  const callTimes: Record<string, number[]> = byStack(() => []);
  const concurrentMs: Record<string, number[]> = byStack(() => []);
  const failures: OverheadResult['failures'] = byStack(() => ({ sequential: {}, concurrent: {} }));
  const fail = (name: string, mode: 'sequential' | 'concurrent', kind = 'unknown') =>
    (failures[name][mode][kind] = (failures[name][mode][kind] ?? 0) + 1);

  for (const stack of stacks) for (let i = 0; i < options.warmup; i++) await stack.get(options.url);

  for (let rep = 0; rep < options.reps; rep++) {
    const sums: Record<string, number> = byStack(() => 0);
    for (let i = 0; i < options.sequential; i++) {
      for (let k = 0; k < stacks.length; k++) {
        const stack = stacks[(i + k) % stacks.length];
        const outcome = await timed(() => stack.get(options.url));
        sums[stack.name] += outcome.ms;
        callTimes[stack.name].push(outcome.ms);
        if (!outcome.ok) fail(stack.name, 'sequential', outcome.kind);
      }
    }
    for (const name of names) sequentialMs[name].push(sums[name]);
  }
  for (let rep = 0; rep < options.reps; rep++) {
    // Bursts cannot take turns call by call (they would share the connections), so the order
    // of the stacks alternates between repetitions instead.
    const bursting = stacks.filter((s) => options.concurrentStacks.includes(s.name));
    const order = rep % 2 === 0 ? bursting : [...bursting].reverse();
    for (const stack of order) {
      const start = performance.now();
      const results = await Promise.all(
        Array.from({ length: options.concurrent }, () => timed(() => stack.get(options.url))),
      );
      concurrentMs[stack.name].push(performance.now() - start);
      for (const r of results) if (!r.ok) fail(stack.name, 'concurrent', r.kind);
    }
  }
  for (const stack of stacks) stack.dispose();
  const concurrentDiagnosis = Object.keys(failures['keel']?.concurrent ?? {}).length
    ? await diagnoseBurst(options)
    : undefined;

  const ratios: OverheadResult['ratios'] = {};
  const sequentialCallMedianMs: Record<string, number> = {};
  for (const name of names) sequentialCallMedianMs[name] = round(median(callTimes[name]), 3);
  for (const name of names) {
    const base = options.baseline;
    ratios[name] = {
      sequential: spread(sequentialMs[name].map((v, i) => v / sequentialMs[base][i])),
      concurrent: concurrentMs[name].length
        ? spread(concurrentMs[name].map((v, i) => v / concurrentMs[base][i]))
        : { median: Number.NaN, min: Number.NaN, max: Number.NaN },
      sequentialCallMedian: round(sequentialCallMedianMs[name] / sequentialCallMedianMs[base], 3),
    };
  }
  const inPageUsPerCall = options.inPageCalls ? await inPageCost(options) : {};
  const rounded = (record: Record<string, number[]>) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v.map((x) => round(x))]));
  return {
    options,
    sequentialMs: rounded(sequentialMs),
    sequentialCallMedianMs,
    concurrentMs: rounded(concurrentMs),
    failures,
    ratios,
    inPageUsPerCall,
    ...(concurrentDiagnosis && { concurrentDiagnosis }),
  };
}

async function diagnoseBurst(
  options: OverheadOptions,
): Promise<NonNullable<OverheadResult['concurrentDiagnosis']>> {
  const stack = await signedIn('keel', { logAttempts: true });
  const before = { ...attemptFailures };
  const results = await Promise.all(
    Array.from({ length: options.concurrent }, () => timed(() => stack.get(options.url))),
  );
  stack.dispose();
  const failedAttempts: Record<string, number> = {};
  for (const [kind, count] of Object.entries(attemptFailures))
    if (count - (before[kind] ?? 0) > 0) failedAttempts[kind] = count - (before[kind] ?? 0);
  return { failedCalls: countBy(results.filter((r) => !r.ok).map((r) => r.kind)), failedAttempts };
}

/**
 * One stack over a backend that answers at once, `calls` sequential calls after a warm-up: µs
 * of page time per call (bench/profile.ts runs it under the profiler).
 */
export async function inPage(options: { stack: StackName; calls: number }): Promise<number> {
  const stack = await signedIn(options.stack, { instantBackend: true });
  for (let i = 0; i < 500; i++) await stack.get('/api/me');
  const start = performance.now();
  for (let i = 0; i < options.calls; i++) await stack.get('/api/me');
  const us = ((performance.now() - start) / options.calls) * 1000;
  stack.dispose();
  return us;
}

/**
 * The stacks side by side over the instant backend: `blocks` blocks of `block` calls each,
 * taking turns; per stack the µs per call of every block (for a percentile: on a shared VM the
 * low percentiles are the cost, the high ones are the neighbours).
 */
export async function inPageBlocks(options: {
  stacks: StackName[];
  blocks: number;
  block: number;
}): Promise<Record<string, number[]>> {
  const stacks = await Promise.all(
    options.stacks.map((name) => signedIn(name, { instantBackend: true })),
  );
  for (const stack of stacks) for (let i = 0; i < 500; i++) await stack.get('/api/me');
  const result: Record<string, number[]> = Object.fromEntries(stacks.map((s) => [s.name, []]));
  for (let b = 0; b < options.blocks; b++) {
    for (let k = 0; k < stacks.length; k++) {
      const stack = stacks[(b + k) % stacks.length];
      const start = performance.now();
      for (let i = 0; i < options.block; i++) await stack.get('/api/me');
      result[stack.name].push(round(((performance.now() - start) / options.block) * 1000, 2));
    }
  }
  for (const stack of stacks) stack.dispose();
  return result;
}

/**
 * Each stack over a backend that answers at once: blocks of 500 calls, taking turns, after 2,000
 * warm-up calls per stack (V8 optimises a function only after it has run many times; fewer
 * warm-up calls measure the compiler, not the chain). Per stack: the median block, and the
 * medians of the first and of the last quarter of the blocks (flat = no cost that grows with
 * the calls made).
 */
async function inPageCost(options: OverheadOptions): Promise<OverheadResult['inPageUsPerCall']> {
  const stacks = await Promise.all(
    options.stacks.map((name) => signedIn(name, { instantBackend: true })),
  );
  const block = 500;
  const blocks: Record<string, number[]> = Object.fromEntries(stacks.map((s) => [s.name, []]));
  for (const stack of stacks) for (let i = 0; i < 2000; i++) await stack.get(options.url);
  for (let b = 0; b < Math.max(8, Math.round(options.inPageCalls / block)); b++) {
    for (let k = 0; k < stacks.length; k++) {
      const stack = stacks[(b + k) % stacks.length];
      const start = performance.now();
      for (let i = 0; i < block; i++) await stack.get(options.url);
      blocks[stack.name].push(((performance.now() - start) / block) * 1000);
    }
  }
  for (const stack of stacks) stack.dispose();
  return Object.fromEntries(
    Object.entries(blocks).map(([name, times]) => {
      const quarter = Math.max(1, Math.floor(times.length / 4));
      return [
        name,
        {
          first: round(median(times.slice(0, quarter)), 1),
          last: round(median(times.slice(-quarter)), 1),
          median: round(median(times), 1),
          blocks: times.map((t) => round(t, 1)),
        },
      ];
    }),
  );
}

export interface BurstsResult {
  /** Per stack and repetition: wall time of the burst. */
  ms: Record<string, number[]>;
  /** Per stack: failed calls by kind. */
  failures: Record<string, Record<string, number>>;
  /** Per stack: its time over the first stack's (the baseline) in the same repetition. */
  ratios: Record<string, Spread>;
}

/**
 * Concurrent bursts alone: `n` calls started at once per stack, stacks one after another (order
 * alternating between repetitions). bench/run.ts calls it with the CPU throttled, for the figure
 * of a slow device; the unthrottled bursts are part of `overhead`.
 */
export async function bursts(options: {
  stacks: StackName[];
  url: string;
  n: number;
  reps: number;
}): Promise<BurstsResult> {
  const stacks = await Promise.all(options.stacks.map((name) => signedIn(name)));
  for (const stack of stacks) for (let i = 0; i < 20; i++) await stack.get(options.url);
  const times: Record<string, number[]> = Object.fromEntries(stacks.map((s) => [s.name, []]));
  const failures: Record<string, Record<string, number>> = Object.fromEntries(
    stacks.map((s) => [s.name, {}]),
  );
  for (let rep = 0; rep < options.reps; rep++) {
    for (const stack of rep % 2 === 0 ? stacks : [...stacks].reverse()) {
      const start = performance.now();
      const results = await Promise.all(
        Array.from({ length: options.n }, () => timed(() => stack.get(options.url))),
      );
      times[stack.name].push(round(performance.now() - start));
      for (const r of results)
        if (!r.ok)
          failures[stack.name][r.kind ?? 'unknown'] =
            (failures[stack.name][r.kind ?? 'unknown'] ?? 0) + 1;
    }
  }
  for (const stack of stacks) stack.dispose();
  const base = options.stacks[0];
  const ratios = Object.fromEntries(
    Object.entries(times).map(([name, v]) => [name, spread(v.map((t, i) => t / times[base][i]))]),
  );
  return { ms: times, failures, ratios };
}

// ---------------------------------------------------------------------------------------------
// (b) Refresh storm

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
    const burst = () =>
      Promise.all(Array.from({ length: options.n }, () => timed(() => stack.get(options.url))));
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
    });
  }
  await devApi.reset();
  return { options, reps };
}

// ---------------------------------------------------------------------------------------------
// (c) Outage amplification

export interface OutageOptions {
  stack: StackName;
  url: string;
  durationMs: number;
  intervalMs: number;
  /** How long to wait, after the outage, for calls still retrying. */
  settleCapMs: number;
}

export interface OutageResult {
  options: OutageOptions;
  logicalCalls: number;
  serverRequests: number;
  amplification: number;
  ok: number;
  failedKinds: Record<string, number>;
  unsettled: number;
  settleMs: number;
}

export async function outage(options: OutageOptions): Promise<OutageResult> {
  await devApi.reset();
  const stack = await signedIn(options.stack);
  for (let i = 0; i < 5; i++) await stack.get(options.url);
  await devApi.reset();
  await devApi.chaos({ failRate: 1, failStatus: 503 });

  const calls: Promise<Outcome>[] = [];
  const started = performance.now();
  while (performance.now() - started < options.durationMs) {
    calls.push(timed(() => stack.get(options.url)));
    await delay(options.intervalMs);
  }
  await devApi.chaos({});
  const outageEnded = performance.now();
  let unsettled = 0;
  const settled = await Promise.race([
    Promise.all(calls),
    delay(options.settleCapMs).then(() => null),
  ]);
  const outcomes = settled ?? [];
  if (!settled) unsettled = calls.length;
  const settleMs = performance.now() - outageEnded;
  const stats = await devApi.stats();
  stack.dispose();
  await devApi.reset();
  return {
    options,
    logicalCalls: calls.length,
    serverRequests: stats.requests,
    amplification: round(stats.requests / calls.length, 3),
    ok: outcomes.filter((o) => o.ok).length,
    failedKinds: countBy(outcomes.filter((o) => !o.ok).map((o) => o.kind)),
    unsettled,
    settleMs: round(settleMs, 0),
  };
}

// ---------------------------------------------------------------------------------------------
// (d) Chaos soak

/** The routes faults apply to: every resource route the soak calls. Auth routes stay clean. */
export const SOAK_ROUTES = [
  'GET /api/me',
  'GET /api/orders',
  'POST /api/orders',
  'GET /api/customers',
  'GET /api/products',
  'GET /api/dashboard',
];

const SOAK_BASE: ChaosConfig = {
  latencyMs: 5,
  jitterMs: 60,
  dropRate: 0.03,
  hangRate: 0.01,
  malformedRate: 0.02,
  dropAfterCommitRate: 0.05,
  routes: SOAK_ROUTES,
};

/** The phases the soak cycles through: one `failStatus` at a time is all the dev API has. */
export const SOAK_PHASES: readonly ChaosConfig[] = [
  { ...SOAK_BASE, failRate: 0.06, failStatus: 503 },
  { ...SOAK_BASE, failRate: 0.06, failStatus: 429, retryAfterS: 1 },
  { ...SOAK_BASE, failRate: 0.04, failStatus: 500 },
];

export interface SoakOptions {
  stack: StackName;
  calls: number;
  concurrency: number;
  seed: number;
  /** Share of calls that create an order (the rest are GETs). */
  createShare: number;
  phaseMs: number;
  expireEveryMs: number;
  /** One attempt's timeout, so a hang ends: Keel's attemptTimeoutMs, the peers' timeout. */
  attemptTimeoutMs: number;
  /** A call not settled after this long is counted as unsettled (Keel's deadline is 30 s). */
  callCapMs: number;
  phases?: readonly ChaosConfig[];
}

export interface SoakResult {
  options: SoakOptions;
  phases: readonly ChaosConfig[];
  durationMs: number;
  logicalCalls: number;
  gets: number;
  creates: number;
  ok: number;
  /**
   * Resolved as data although the body did not parse (axios hands such a body over as a
   * string by default). Counted in `ok`; Keel fails these calls as `parse`.
   */
  unreadableData: number;
  typedErrors: number;
  /** Rejections that were not an AppError (for peers: every rejection). */
  untypedErrors: number;
  unsettled: number;
  settledShare: number;
  settledAsDataOrAppErrorShare: number;
  kinds: Record<string, number>;
  unhandled: {
    windowErrors: number;
    unhandledRejections: number;
    errorHandler: number;
    samples: string[];
  };
  expiries: number;
  refreshes: number;
  refreshFailed: number;
  successfulCreates: number;
  ordersCreated: number;
  ordersFound: number;
  duplicateOrders: number;
  markersWithDuplicates: number;
  committedButFailed: number;
  idempotentReplays: number;
  serverRequests: number;
  amplification: number;
  byStatus: Record<string, number>;
  problems: string[];
}

interface Order {
  id: string;
  notes: string;
}

async function bearerLogin(): Promise<string> {
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(DEMO),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function plainGet<T>(url: string, token: string): Promise<T> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** Every order whose notes carry the run's marker, fetched with chaos off. */
async function ordersWithMarker(marker: string, token: string): Promise<Order[]> {
  const orders: Order[] = [];
  for (let page = 1; ; page++) {
    const { items } = await plainGet<{ items: Order[] }>(
      `/api/orders?q=${encodeURIComponent(marker)}&pageSize=100&page=${page}`,
      token,
    );
    orders.push(...items);
    if (items.length < 100) return orders;
  }
}

export async function soak(options: SoakOptions): Promise<SoakResult> {
  const phases = options.phases ?? SOAK_PHASES;
  const problems: string[] = [];
  await devApi.reset();
  const setupToken = await bearerLogin();
  const customers = (await plainGet<{ items: { id: string }[] }>('/api/customers', setupToken))
    .items;
  const products = (await plainGet<{ items: { id: string }[] }>('/api/products', setupToken)).items;
  const someOrder = (
    await plainGet<{ items: { id: string }[] }>('/api/orders?pageSize=1', setupToken)
  ).items[0];
  const stack = await signedIn(options.stack, {
    keel: { attemptTimeoutMs: options.attemptTimeoutMs },
    attemptTimeoutMs: options.attemptTimeoutMs,
  });
  const marker = `soak-${options.seed}-${Date.now().toString(36)}-`;
  const random = seededRandom(options.seed);
  const getUrls = [
    '/api/me',
    '/api/orders?pageSize=10',
    `/api/orders/${someOrder.id}`,
    '/api/customers',
    '/api/products',
    '/api/dashboard/summary',
  ];
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const plan = Array.from({ length: options.calls }, (_, i) => {
    if (random() < options.createShare) {
      const items = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
        productId: pick(products).id,
        quantity: 1 + Math.floor(random() * 5),
      }));
      return {
        kind: 'create' as const,
        body: { customerId: pick(customers).id, items, notes: `${marker}${i}` },
      };
    }
    return { kind: 'get' as const, url: pick(getUrls) };
  });

  const before = { ...counters, samples: [...counters.samples] };
  await devApi.reset();

  // Faults: a new phase every phaseMs (each PUT restarts the seeded draws with its own seed),
  // and every access token expired every expireEveryMs.
  let phase = 0;
  let expiries = 0;
  let stopped = false;
  const background: Promise<void>[] = [];
  const every = (ms: number, task: () => Promise<void>) =>
    background.push(
      (async () => {
        while (!stopped) {
          await delay(ms);
          if (stopped) return;
          try {
            await task();
          } catch (error) {
            problems.push(`dev control failed: ${describe(error)}`);
          }
        }
      })(),
    );
  await devApi.chaos({ ...phases[0], seed: options.seed });
  every(options.phaseMs, async () => {
    phase++;
    await devApi.chaos({ ...phases[phase % phases.length], seed: options.seed + phase });
  });
  every(options.expireEveryMs, async () => {
    await devApi.expireTokens();
    expiries++;
  });

  const outcomes: (Outcome | null)[] = new Array(plan.length).fill(null);
  const createdIds = new Map<string, string>();
  const pending = new Set<Promise<unknown>>();
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < plan.length) {
      const i = next++;
      const step = plan[i];
      const call = timed(async () => {
        if (step.kind === 'get') return stack.get(step.url);
        const order = await stack.createOrder<Order | string>(step.body);
        if (typeof order === 'object' && typeof order.id === 'string')
          createdIds.set(step.body.notes, order.id);
        return order;
      }).then((outcome) => {
        outcomes[i] = outcome;
      });
      pending.add(call);
      void call.then(() => pending.delete(call));
      // A call that never settles must not stall the soak: after the cap the worker moves on
      // and the call counts as unsettled unless it settles before the end.
      await Promise.race([call, delay(options.callCapMs)]);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  stopped = true;
  await Promise.all(background);
  await devApi.chaos({});
  if (pending.size) await Promise.race([Promise.all(pending), delay(options.callCapMs)]);
  const durationMs = performance.now() - started;
  // Let the last responses' promise callbacks and any late rejection events run.
  await delay(50);
  const stats: DevStats = await devApi.stats();

  const token = await bearerLogin();
  const found = await ordersWithMarker(marker, token);
  stack.dispose();
  const perMarker = countBy(found.map((o) => o.notes));
  const duplicates = Object.values(perMarker).reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const markersWithDuplicates = Object.values(perMarker).filter((n) => n > 1).length;
  for (const [notes, id] of createdIds) {
    if (!found.some((o) => o.id === id && o.notes === notes))
      problems.push(`created order ${id} (${notes}) not found by its marker`);
  }

  const settled = outcomes.filter((o): o is Outcome => o !== null);
  const ok = settled.filter((o) => o.ok).length;
  const typedErrors = settled.filter((o) => !o.ok && o.typed).length;
  const untypedErrors = settled.filter((o) => !o.ok && !o.typed).length;
  const unhandled = {
    windowErrors: counters.windowErrors - before.windowErrors,
    unhandledRejections: counters.unhandledRejections - before.unhandledRejections,
    errorHandler: counters.errorHandler - before.errorHandler,
    samples: counters.samples.slice(before.samples.length),
  };
  if (found.length !== stats.ordersCreated)
    problems.push(
      `the server counted ${stats.ordersCreated} new orders, ${found.length} carry this run's marker`,
    );
  const creates = plan.filter((s) => s.kind === 'create').length;
  const successfulCreates = createdIds.size;
  const ordersFound = Object.keys(perMarker).length;
  // Stats and chaos stay as they are (chaos is off): the caller may read the stats itself.
  return {
    options,
    phases,
    durationMs: round(durationMs, 0),
    logicalCalls: plan.length,
    gets: plan.length - creates,
    creates,
    ok,
    unreadableData: settled.filter((o) => o.ok && o.unreadable).length,
    typedErrors,
    untypedErrors,
    unsettled: plan.length - settled.length,
    settledShare: round(settled.length / plan.length, 4),
    settledAsDataOrAppErrorShare: round((ok + typedErrors) / plan.length, 4),
    kinds: countBy(settled.filter((o) => !o.ok).map((o) => o.kind)),
    unhandled,
    expiries,
    refreshes: refreshesOf(stats),
    refreshFailed: stats.refresh.failed,
    successfulCreates,
    ordersCreated: stats.ordersCreated,
    ordersFound,
    duplicateOrders: duplicates,
    markersWithDuplicates,
    committedButFailed: ordersFound - successfulCreates,
    idempotentReplays: stats.idempotentReplays,
    serverRequests: stats.requests,
    amplification: round(stats.requests / plan.length, 3),
    byStatus: stats.byStatus,
    problems,
  };
}

// ---------------------------------------------------------------------------------------------
// Where a sequential call's time goes (`npm run bench:profile` with BENCH_PROFILE_SEQUENTIAL)

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
