import type { BenchResults } from '../bench-results';
import { fillSection } from '../fill-template';

/** The title and when the run was made. */
export function introSection(r: BenchResults): string {
  return fillSection('intro', {
    date: r.date.slice(0, 10),
    seconds: Math.round(r.durationMs / 1000),
  });
}
