import type { SoakResult } from '../../harness/scenarios';
import { fillSection } from '../fill-template';
import { ms, n, pct, table, x } from '../format';

/** (d) Chaos soak: the faults, then one column per stack. */
export function soakSection(soaks: SoakResult[]): string {
  const s = soaks[0];
  const phase = (p: SoakResult['phases'][number]) =>
    `failRate ${p.failRate} × ${p.failStatus}${p.retryAfterS ? ` (Retry-After: ${p.retryAfterS})` : ''}`;
  const base = s.phases[0];
  const row = (label: string, f: (r: SoakResult) => string) => [label, ...soaks.map(f)];
  const unhandled = (r: SoakResult) =>
    `${r.unhandled.windowErrors} / ${r.unhandled.unhandledRejections} / ${r.unhandled.errorHandler}`;
  return fillSection('soak', {
    concurrency: s.options.concurrency,
    getShare: pct(1 - s.options.createShare),
    createShare: pct(s.options.createShare),
    latencyMs: String(base.latencyMs),
    jitterMs: String(base.jitterMs),
    dropRate: String(base.dropRate),
    hangRate: String(base.hangRate),
    attemptTimeoutMs: s.options.attemptTimeoutMs,
    malformedRate: String(base.malformedRate),
    dropAfterCommitRate: String(base.dropAfterCommitRate),
    phaseSeconds: s.options.phaseMs / 1000,
    phases: s.phases.map(phase).join(' → '),
    seed: s.options.seed,
    expireSeconds: s.options.expireEveryMs / 1000,
    table: table(
      ['', ...soaks.map((r) => `\`${r.options.stack}\``)],
      [
        row(
          'logical calls (GET / create)',
          (r) => `${n(r.logicalCalls)} (${n(r.gets)} / ${n(r.creates)})`,
        ),
        row('duration', (r) => ms(r.durationMs)),
        row('settled', (r) => `${pct(r.settledShare)} (${r.unsettled} unsettled)`),
        row('settled as data or typed AppError', (r) => pct(r.settledAsDataOrAppErrorShare)),
        row(
          'data',
          (r) =>
            `${n(r.ok)}${r.unreadableData ? ` (${r.unreadableData} of them an unparsed string)` : ''}`,
        ),
        row('typed AppError / other errors', (r) => `${n(r.typedErrors)} / ${n(r.untypedErrors)}`),
        row('failures by kind', (r) =>
          Object.entries(r.kinds)
            .map(([k, c]) => `${k} ×${c}`)
            .join(', '),
        ),
        row('window error / unhandledrejection / ErrorHandler', unhandled),
        row(
          'token expiries / refreshes (failed)',
          (r) => `${r.expiries} / ${n(r.refreshes)} (${n(r.refreshFailed)})`,
        ),
        row(
          'acknowledged creates / orders committed',
          (r) => `${n(r.successfulCreates)} / ${n(r.ordersCreated)}`,
        ),
        row(
          'duplicate orders (markers affected)',
          (r) => `${r.duplicateOrders} (${r.markersWithDuplicates})`,
        ),
        row('committed but the caller got an error', (r) => n(r.committedButFailed)),
        row('idempotent replays', (r) => n(r.idempotentReplays)),
        row(
          'server requests ÷ logical calls',
          (r) => `${n(r.serverRequests)} ÷ ${n(r.logicalCalls)} = ${x(r.amplification)}`,
        ),
        row('answers by status', (r) =>
          Object.entries(r.byStatus)
            .map(([k, c]) => `${k}: ${c}`)
            .join(', '),
        ),
        row('problems found by the checks', (r) =>
          r.problems.length ? r.problems.slice(0, 5).join('; ') : 'none',
        ),
      ],
    ),
  });
}
