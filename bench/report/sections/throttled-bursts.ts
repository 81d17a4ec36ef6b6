import type { BurstsResult } from '../../harness/scenarios';
import { fillSection } from '../fill-template';
import { kinds, med, ms, table, x } from '../format';

/** The concurrent bursts again with the CPU throttled. */
export function throttledBurstsSection(b: BurstsResult & { throttle: number }): string {
  return fillSection('throttledBursts', {
    throttle: b.throttle,
    reps: b.ms[Object.keys(b.ms)[0]]?.length ?? 0,
    table: table(
      ['stack', 'burst, median of reps', 'ratio (range)', 'failed calls'],
      Object.keys(b.ms).map((name) => [
        `\`${name}\``,
        ms(med(b.ms[name])),
        `${x(b.ratios[name].median, 3)} (${x(b.ratios[name].min, 3)}–${x(b.ratios[name].max, 3)})`,
        kinds(b.failures[name]) || '0',
      ]),
    ),
  });
}
