import type { BenchResults } from '../bench-results';
import { fillSection } from '../fill-template';
import { table } from '../format';
import { summaryRows } from '../summary-rows';

/** Every goal of issues 10 and 13 beside its baseline, with its verdict. */
export function summarySection(r: BenchResults): string {
  return fillSection('summary', {
    table: table(
      ['figure', 'Keel', 'baseline / peers', 'goal (issues 10, 13)', 'verdict'],
      summaryRows(r).map((row) => [row.figure, row.keel, row.baseline, row.goal, row.verdict]),
    ),
  });
}
