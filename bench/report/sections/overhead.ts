import type { OverheadResult } from '../../harness/scenarios';
import { failedCalls } from '../digests';
import { fillSection } from '../fill-template';
import { kinds, med, ms, n, table, x } from '../format';

/** (a) Overhead: per stack, sequential and concurrent time, their ratios, the in-page cost. */
export function overheadSection(o: OverheadResult): string {
  const base = o.options.baseline;
  const rows = Object.keys(o.ratios).map((name) => {
    const ratio = o.ratios[name];
    const seq = med(o.sequentialMs[name]);
    return [
      `\`${name}\``,
      `${ms(seq)} (median call ${o.sequentialCallMedianMs[name].toFixed(2)} ms)`,
      `${(((seq - med(o.sequentialMs[base])) / o.options.sequential) * 1000).toFixed(0)} µs`,
      `${x(ratio.sequential.median, 3)} (${x(ratio.sequential.min, 3)}–${x(ratio.sequential.max, 3)}); median call ${x(ratio.sequentialCallMedian, 3)}`,
      ms(med(o.concurrentMs[name])),
      `${x(ratio.concurrent.median, 3)} (${x(ratio.concurrent.min, 3)}–${x(ratio.concurrent.max, 3)})`,
      o.inPageUsPerCall[name] === undefined
        ? ''
        : `${o.inPageUsPerCall[name].median ?? ''} µs (${o.inPageUsPerCall[name].first} → ${o.inPageUsPerCall[name].last})`,
      [
        failedCalls(o, name, 'sequential')
          ? `sequential: ${kinds(o.failures[name].sequential)}`
          : '',
        failedCalls(o, name, 'concurrent')
          ? `concurrent: ${kinds(o.failures[name].concurrent)}`
          : '',
      ]
        .filter(Boolean)
        .join('; ') || '0',
    ];
  });
  return fillSection('overhead', {
    url: o.options.url,
    sequential: n(o.options.sequential),
    concurrent: n(o.options.concurrent),
    reps: o.options.reps,
    warmup: o.options.warmup,
    inPageCalls: n(o.options.inPageCalls),
    table: table(
      [
        'stack',
        'sequential, median of reps',
        'added per call',
        'ratio (range)',
        'concurrent, median of reps',
        'ratio (range)',
        'in-page cost per call (first quarter → last)',
        'failed calls',
      ],
      rows,
    ),
  });
}
