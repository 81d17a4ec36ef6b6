import type { BenchResults } from '../bench-results';
import { fillSection } from '../fill-template';

/** How to run the bench again, and its quick variants. */
export function runningSection(r: BenchResults): string {
  return fillSection('running', { minutes: Math.round(r.durationMs / 60_000) });
}
