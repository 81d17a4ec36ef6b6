// What every scenario shares: percentiles, rounding, seeded draws, a timed call's outcome, and a
// signed-in stack.
import { isAppError } from '@keel/network';
import { type Stack, type StackName, type StackOptions, createStack } from '../stacks';

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const median = (values: readonly number[]) => percentile(values, 50);

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** mulberry32, the dev API's own generator: the page's seeded draws (which call, which route, which body). */
export { seededRandom } from '../../../server/src/db/seeded-random';

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface Outcome {
  ok: boolean;
  /** Resolved, but with a string where JSON was expected (a body that did not parse). */
  unreadable?: boolean;
  ms: number;
  /** AppError kind, or the error's name for peers. */
  kind?: string;
  typed: boolean;
}

export async function timed(run: () => Promise<unknown>): Promise<Outcome> {
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

export function countBy(values: readonly (string | undefined)[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const value of values) if (value) result[value] = (result[value] ?? 0) + 1;
  return result;
}

export async function signedIn(name: StackName, options: StackOptions = {}): Promise<Stack> {
  const stack = await createStack(name, options);
  await stack.login();
  return stack;
}

/** Median and range of per-repetition ratios. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  return {
    median: round(median(values), 3),
    min: round(Math.min(...values), 3),
    max: round(Math.max(...values), 3),
  };
}
