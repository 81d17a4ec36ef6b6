// Turns bench results into bench/RESULTS.md and the table `npm run bench` prints. Every figure
// stands beside its baseline and the goal of issue 10, and a missed goal is called MISSED. The
// prose of RESULTS.md is in report/RESULTS.template.md; report/sections/ fills one section each.
import type { BenchResults } from './report/bench-results';
import { bundleErrorSection, bundleSection } from './report/sections/bundle';
import { introSection } from './report/sections/intro';
import { lighthouseErrorSection, lighthouseSection } from './report/sections/lighthouse';
import { machineSection } from './report/sections/machine';
import { missesSection } from './report/sections/misses';
import { outageSection } from './report/sections/outage';
import { overheadSection } from './report/sections/overhead';
import { runningSection } from './report/sections/running';
import { soakSection } from './report/sections/soak';
import { stacksSection } from './report/sections/stacks';
import { stormSection } from './report/sections/storm';
import { summarySection } from './report/sections/summary';
import { throttledBurstsSection } from './report/sections/throttled-bursts';
import { summaryRows } from './report/summary-rows';

export type { BenchResults } from './report/bench-results';

// ---------------------------------------------------------------------------------------------
// The printed table

export function renderTable(r: BenchResults): string {
  const rows = summaryRows(r);
  const width = (i: number, cells: string[][]) => Math.max(...cells.map((c) => c[i].length));
  const cells = [
    ['figure', 'Keel', 'goal', 'verdict', 'baseline / peers'],
    ...rows.map((row) => [row.figure, row.keel, row.goal, row.verdict, row.baseline]),
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.min(width(i, cells), 70));
  return cells
    .map((c) =>
      [...c.slice(0, 4).map((cell, i) => cell.padEnd(widths[i])), c[4]].join('  ').trimEnd(),
    )
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// RESULTS.md

/** The sections that have figures in `r`, in the template's order, one blank line apart. */
export function renderMarkdown(r: BenchResults): string {
  const sections = [
    introSection(r),
    machineSection(r.machine),
    summarySection(r),
    stacksSection(),
    r.overhead && overheadSection(r.overhead),
    r.burstsThrottled && throttledBurstsSection(r.burstsThrottled),
    r.storm && stormSection(r.storm),
    r.outage && outageSection(r.outage),
    r.soak && soakSection(r.soak),
    r.bundle && bundleSection(r.bundle),
    r.bundleError && bundleErrorSection(r.bundleError),
    r.lighthouse && lighthouseSection(r.lighthouse),
    r.lighthouseError && lighthouseErrorSection(r.lighthouseError),
    missesSection(r),
    runningSection(r),
  ];
  return sections
    .filter((section): section is string => Boolean(section))
    .map((section) => `${section}\n\n`)
    .join('');
}
