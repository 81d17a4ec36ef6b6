// The in-page cost alone, for bench/profile.ts: stacks over a backend that answers at once.
import type { StackName } from '../stacks';
import { round, signedIn } from './shared';

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
