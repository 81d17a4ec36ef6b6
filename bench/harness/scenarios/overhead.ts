// (a) Overhead: sequential calls taking turns, concurrent bursts, and the in-page cost of each
// stack's chain over a backend that answers at once.
import { attemptFailures } from '../counters';
import type { StackName } from '../stacks';
import { type Spread, countBy, median, round, signedIn, spread, timed } from './shared';

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
