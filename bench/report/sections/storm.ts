import type { StormResult } from '../../harness/scenarios';
import { stormDigest } from '../digests';
import { fillSection } from '../fill-template';
import { ms, table, x } from '../format';

/** (b) Refresh storm: one row per stack, N and throttle. */
export function stormSection(storms: StormResult[]): string {
  const rows = storms.map((s) => {
    const d = stormDigest(s);
    const kinds = d.failedKinds
      .map((k) =>
        Object.entries(k)
          .map(([kind, c]) => `${kind} ×${c}`)
          .join(', '),
      )
      .filter(Boolean);
    return [
      `${d.n}${d.throttle > 1 ? `, CPU ${d.throttle}×` : ''}`,
      `\`${d.stack}\``,
      d.refreshes.join(', '),
      `${d.failed.join(', ')}${kinds.length ? ` (${[...new Set(kinds)].join('; ')})` : ''}`,
      `${ms(d.validP50)} / ${ms(d.validP95)}`,
      `${ms(d.addedP50)} / ${ms(d.addedP95)}`,
      x(d.addedInLoadedRoundTrips, 2),
      `${x(d.addedInSingleRoundTrips, 1)} (${ms(d.singleRtt)})`,
      d.longTasks ? `${d.longTasks} (longest ${d.longestTask} ms)` : '0',
      ms(d.loopMs),
    ];
  });
  return fillSection('storm', {
    url: storms[0].options.url,
    reps: storms[0].options.reps,
    table: table(
      [
        'N',
        'stack',
        'refreshes per rep',
        'failed calls per rep',
        'valid p50 / p95',
        'added p50 / p95',
        'added p95 ÷ loaded round trip',
        'added p95 ÷ single RTT',
        'long tasks in the expired burst',
        "the caller's loop starting it",
      ],
      rows,
    ),
  });
}
