// Concurrent bursts alone (bench/run.ts runs them with the CPU throttled).
import type { StackName } from '../stacks';
import { type Spread, round, signedIn, spread, timed } from './shared';

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
