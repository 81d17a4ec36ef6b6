import type { LighthousePage, LighthouseResult } from '../../lighthouse';
import { fillSection } from '../fill-template';
import { ms, table } from '../format';

const LABELS: Record<LighthousePage['app'], string> = {
  keel: 'Keel',
  empty: 'empty app',
  floor: 'floor: Keel with its pages reduced to an h1,',
};

/** A page as the tables name it: which build, then its path. */
const pageName = (p: LighthousePage) => `${LABELS[p.app]} ${p.page}`;

/** (f) First load: the medians per page, every run, and what Lighthouse flags. */
export function lighthouseSection(lh: LighthouseResult): string {
  const row = (p: LighthousePage) => [
    pageName(p),
    p.median.performance.toFixed(2),
    ms(p.median.fcpMs),
    ms(p.median.lcpMs),
    ms(p.median.tbtMs),
    p.median.cls.toFixed(3),
    ms(p.median.speedIndexMs),
    p.median.accessibility.toFixed(2),
  ];
  return fillSection('lighthouse', {
    version: lh.lighthouse,
    runsPerPage: lh.runsPerPage,
    table: table(
      ['page', 'performance', 'FCP', 'LCP', 'TBT', 'CLS', 'Speed Index', 'accessibility'],
      lh.pages.map(row),
    ),
    runs: lh.pages.map(
      (p) =>
        `- ${pageName(p)}: ${p.runs.map((r) => `${r.performance.toFixed(2)} · ${ms(r.fcpMs)} · ${ms(r.lcpMs)} · ${ms(r.tbtMs)}`).join('; ')}`,
    ),
    diagnostics: lh.pages.map((p) => `- ${pageName(p)}: ${p.diagnostics.join('; ') || 'nothing'}`),
  });
}

/** (f) First load, when Lighthouse failed: the start of its error. */
export function lighthouseErrorSection(error: string): string {
  return fillSection('lighthouseError', { error: error.slice(0, 2000) });
}
