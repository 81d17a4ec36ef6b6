import type { OutageResult } from '../../harness/scenarios';
import { fillSection } from '../fill-template';
import { ms, n, table, x } from '../format';

/** (c) Outage amplification: server requests per logical call during a full outage. */
export function outageSection(outages: OutageResult[]): string {
  const o = outages[0].options;
  return fillSection('outage', {
    seconds: o.durationMs / 1000,
    url: o.url,
    intervalMs: o.intervalMs,
    table: table(
      [
        'stack',
        'logical calls',
        'server requests',
        'amplification',
        'served after the outage',
        'failed as',
        'settled after the outage in',
      ],
      outages.map((r) => [
        `\`${r.options.stack}\``,
        n(r.logicalCalls),
        n(r.serverRequests),
        x(r.amplification, 2),
        n(r.ok),
        Object.entries(r.failedKinds)
          .map(([k, c]) => `${k} ×${c}`)
          .join(', '),
        r.unsettled ? `${r.unsettled} never settled` : ms(r.settleMs),
      ]),
    ),
  });
}
