// Issues 10 and 13's goals as rows: each figure beside its baseline measured in the same run, and
// a missed goal called MISSED. RESULTS.md's summary and the table `npm run bench` prints.
import type { BenchResults } from './bench-results';
import type { Spread, SoakResult } from '../harness/scenarios';
import type { LighthouseResult } from '../lighthouse';
import { failedCalls, stormDigest } from './digests';
import { kB, kinds, med, ms, n, pct, x } from './format';

export type Verdict = 'met' | 'MISSED' | '—';

export interface SummaryRow {
  figure: string;
  keel: string;
  baseline: string;
  goal: string;
  verdict: Verdict;
}

/** "Flat": the last quarter of the in-page blocks within this factor of the first quarter. */
export const FLAT = 1.2;

const verdict = (ok: boolean): Verdict => (ok ? 'met' : 'MISSED');

const throttleLabel = (throttle: number) => (throttle > 1 ? `, CPU throttled ${throttle}×` : '');

/** Issue 10's goals, each beside its baseline measured in the same run. */
export function summaryRows(r: BenchResults): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const o = r.overhead;
  if (o) {
    const keelPage = o.inPageUsPerCall['keel'];
    const barePage = o.inPageUsPerCall['bare'];
    if (keelPage && barePage) {
      const level = keelPage.median ?? keelPage.first;
      const flat = keelPage.last <= keelPage.first * FLAT;
      rows.push({
        figure: 'in-page cost of the chain (network taken out), µs per call',
        keel: `${level} µs (first quarter ${keelPage.first} → last quarter ${keelPage.last})${o.inPageUsPerCall['keel-app'] ? `; app wiring ${o.inPageUsPerCall['keel-app'].median ?? o.inPageUsPerCall['keel-app'].first} µs` : ''}`,
        baseline: `bare HttpClient ${barePage.median ?? barePage.first} µs (${barePage.first} → ${barePage.last})`,
        goal: `≤ 15 µs, flat (last quarter ≤ ${FLAT}× the first)`,
        verdict: verdict(level <= 15 && flat),
      });
    }
    const keelSeq = o.ratios['keel'].sequential;
    const headers = o.ratios['bare-headers']?.sequential;
    const seqFailed = failedCalls(o, 'keel', 'sequential');
    rows.push({
      figure: `${n(o.options.sequential)} sequential GETs: time ÷ bare HttpClient`,
      keel: `${x(keelSeq.median, 3)} (reps ${x(keelSeq.min, 3)}–${x(keelSeq.max, 3)})${seqFailed ? `; ${n(seqFailed)} calls FAILED (${kinds(o.failures['keel'].sequential)})` : ''}`,
      baseline: `bare 1.000× = ${ms(med(o.sequentialMs['bare']))}${headers ? `; bare sending Keel's headers ${x(headers.median, 3)} (the limit)` : ''}`,
      goal: '≤ 1.03×, every call served',
      verdict: verdict(keelSeq.median <= 1.03 && seqFailed === 0),
    });
    const bursts: [string, Spread, number, Record<string, number>, number][] = [
      [
        '',
        o.ratios['keel'].concurrent,
        med(o.concurrentMs['bare']),
        o.failures['keel'].concurrent,
        1,
      ],
    ];
    const t = r.burstsThrottled;
    if (t?.ratios['keel'])
      bursts.push([
        throttleLabel(t.throttle),
        t.ratios['keel'],
        med(t.ms['bare']),
        t.failures['keel'],
        t.throttle,
      ]);
    for (const [label, ratio, bareMs, failures, throttle] of bursts) {
      const failed = Object.values(failures).reduce((a, b) => a + b, 0);
      const bareFailed =
        throttle > 1
          ? Object.values(t?.failures['bare'] ?? {}).reduce((a, b) => a + b, 0)
          : failedCalls(o, 'bare', 'concurrent');
      rows.push({
        figure: `${n(o.options.concurrent)} concurrent GETs${label}: time ÷ bare HttpClient`,
        keel: `${x(ratio.median, 3)} (reps ${x(ratio.min, 3)}–${x(ratio.max, 3)}); ${failed ? `${n(failed)} calls FAILED (${kinds(failures)})` : 'every call served'}`,
        baseline: `bare 1.000× = ${ms(bareMs)}${bareFailed ? ` (${n(bareFailed)} failed)` : ', every call served'}`,
        goal: '≤ 1.05×, every call served',
        verdict: verdict(ratio.median <= 1.05 && failed === 0),
      });
    }
  }
  const storms = (r.storm ?? []).map(stormDigest);
  const runs = [...new Set(storms.map((s) => `${s.n}/${s.throttle}`))];
  for (const run of runs) {
    const [size, throttle] = run.split('/').map(Number);
    const keel = storms.find((s) => s.n === size && s.throttle === throttle && s.stack === 'keel');
    if (!keel) continue;
    const peers = storms.filter(
      (s) => s.n === size && s.throttle === throttle && s.stack !== 'keel',
    );
    const goalApplies = size === 500;
    const served = keel.failed.every((c) => c === 0);
    rows.push({
      figure: `refresh storm N=${size}${throttleLabel(throttle)}: refreshes per expiry, failed calls, added p95`,
      keel: `${keel.refreshes.join(', ')} refreshes; ${keel.failed.join(', ')} failed; added p95 ${ms(keel.addedP95)} = ${x(keel.addedInLoadedRoundTrips, 2)} loaded round trip (${ms(keel.validP95)})`,
      baseline: peers
        .map(
          (p) => `${p.stack}: ${p.refreshes.join(', ')} refreshes, ${p.failed.join(', ')} failed`,
        )
        .join(' · '),
      goal: goalApplies
        ? 'exactly 1 refresh, every call served, added p95 ≤ 0.5 loaded round trip'
        : '(goals set at N=500)',
      verdict: goalApplies
        ? verdict(
            keel.refreshes.every((c) => c === 1) && served && keel.addedInLoadedRoundTrips <= 0.5,
          )
        : '—',
    });
    if (throttle > 1)
      rows.push({
        figure: `long tasks during the N=${size} storm${throttleLabel(throttle)}`,
        keel: `${keel.longTasks} over 50 ms${keel.longTasks ? `, the longest ${keel.longestTask} ms` : ''}`,
        baseline: peers
          .map(
            (p) =>
              `${p.stack}: ${p.longTasks}${p.longTasks ? ` (longest ${p.longestTask} ms)` : ''}`,
          )
          .join(' · '),
        goal: 'no long task over 50 ms',
        verdict: goalApplies ? verdict(keel.longTasks === 0) : '—',
      });
  }
  const soaks = r.soak ?? [];
  const keelSoak = soaks.find((s) => s.options.stack === 'keel');
  if (keelSoak) {
    const peers = soaks.filter((s) => s.options.stack !== 'keel');
    const unhandled = (s: SoakResult) =>
      s.unhandled.windowErrors +
      s.unhandled.unhandledRejections +
      s.unhandled.errorHandler +
      s.untypedErrors;
    const data = keelSoak.ok / keelSoak.logicalCalls;
    const ok =
      keelSoak.settledShare === 1 &&
      unhandled(keelSoak) === 0 &&
      keelSoak.duplicateOrders === 0 &&
      keelSoak.problems.length === 0 &&
      keelSoak.refreshes === keelSoak.expiries &&
      data >= 0.99 &&
      keelSoak.amplification <= 1.3;
    rows.push({
      figure: `chaos soak, ${n(keelSoak.logicalCalls)} calls: settled, unhandled, duplicates, refreshes, data, requests ÷ calls`,
      keel: `${pct(keelSoak.settledShare)} settled, ${unhandled(keelSoak)} unhandled, ${keelSoak.duplicateOrders} duplicates, ${keelSoak.refreshes} refreshes / ${keelSoak.expiries} expiries, ${pct(data)} data, ${x(keelSoak.amplification)}`,
      baseline: peers
        .map(
          (p) =>
            `${p.options.stack} (${n(p.logicalCalls)} calls): ${pct(p.ok / p.logicalCalls)} data, ${unhandled(p)} untyped or unhandled, ${p.duplicateOrders} duplicates, ${x(p.amplification)}`,
        )
        .join(' · '),
      goal: '100 %, 0, 0, refreshes = expiries, ≥ 99 % data, ≤ 1.3×',
      verdict: verdict(ok),
    });
  }
  const outages = r.outage ?? [];
  const keelOutage = outages.find((o) => o.options.stack === 'keel');
  if (keelOutage) {
    rows.push({
      figure: `outage, ${outages[0].options.durationMs / 1000} s of 503: server requests ÷ logical calls`,
      keel: `${x(keelOutage.amplification)} (${n(keelOutage.serverRequests)} / ${n(keelOutage.logicalCalls)})`,
      baseline: outages
        .filter((o) => o.options.stack !== 'keel')
        .map((o) => `${o.options.stack}: ${x(o.amplification)}`)
        .join(' · '),
      goal: '≤ 1.1×',
      verdict: verdict(keelOutage.amplification <= 1.1),
    });
  }
  const b = r.bundle;
  if (b) {
    const transfer = b.initialJs.brotli + b.initialCss.brotli;
    rows.push({
      figure: 'initial JS + CSS, transfer (brotli, as ng build estimates it)',
      keel: `${(transfer / 1000).toFixed(2)} kB (CLI: ${b.cliInitialTotal ?? 'n/a'}; JS gzip -9 ${kB(b.initialJs.gzip)}, raw ${kB(b.initialJs.raw)})`,
      baseline: [
        b.floor &&
          `the floor, the same build with no pages at all: ${(b.floor.brotli / 1000).toFixed(2)} kB`,
        `@keel/network (the network layer): ${kB(b.coreHttp.raw)} raw, ≈ ${kB(b.coreHttp.brotliEstimate)} brotli`,
      ]
        .filter(Boolean)
        .join('; '),
      goal: '≤ 85 kB (issue 13)',
      verdict: verdict(transfer <= 85_000),
    });
  } else if (r.bundleError) {
    rows.push({
      figure: 'bundle',
      keel: 'ng build failed',
      baseline: '',
      goal: '',
      verdict: 'MISSED',
    });
  }
  const lh = r.lighthouse;
  if (lh) rows.push(...lighthouseRows(lh));
  else if (r.lighthouseError)
    rows.push({ figure: 'Lighthouse', keel: 'failed', baseline: '', goal: '', verdict: 'MISSED' });
  return rows;
}

/** Issue 13's goals, on the medians: each Keel page against the empty app of the same run. */
function lighthouseRows(lh: LighthouseResult): SummaryRow[] {
  const empty = lh.pages.find((p) => p.app === 'empty');
  const rows: SummaryRow[] = [];
  for (const page of lh.pages.filter((p) => p.app === 'keel')) {
    const m = page.median;
    const where = `Lighthouse mobile, Keel ${page.page}`;
    // The same page with Keel's pages reduced to an h1 (bench/floor), where the run has it.
    const floor = lh.pages.find((p) => p.app === 'floor' && p.page === page.page)?.median;
    const besideFloor = (text: string, figure: string) =>
      floor ? `${text}; the floor (pages reduced to an h1) ${figure}` : text;
    rows.push(
      {
        figure: `${where}: performance`,
        keel: m.performance.toFixed(2),
        baseline: besideFloor(
          empty ? `empty app ${empty.median.performance.toFixed(2)}` : '',
          floor?.performance.toFixed(2) ?? '',
        ),
        goal: '≥ 0.98',
        verdict: verdict(m.performance >= 0.98),
      },
      {
        figure: `${where}: LCP`,
        keel: `${ms(m.lcpMs)}${empty ? ` (${x(m.lcpMs / empty.median.lcpMs)} the empty app)` : ''}`,
        baseline: besideFloor(
          empty ? `empty app ${ms(empty.median.lcpMs)}` : '',
          floor
            ? `${ms(floor.lcpMs)}${empty ? ` (${x(floor.lcpMs / empty.median.lcpMs)})` : ''}`
            : '',
        ),
        goal: '≤ 1.2× the empty app',
        verdict: empty ? verdict(m.lcpMs <= 1.2 * empty.median.lcpMs) : '—',
      },
      {
        figure: `${where}: TBT`,
        keel: ms(m.tbtMs),
        baseline: besideFloor(
          empty ? `empty app ${ms(empty.median.tbtMs)}` : '',
          floor ? ms(floor.tbtMs) : '',
        ),
        goal: '≤ 100 ms',
        verdict: verdict(m.tbtMs <= 100),
      },
      {
        figure: `${where}: CLS`,
        keel: m.cls.toFixed(3),
        baseline: empty ? `empty app ${empty.median.cls.toFixed(3)}` : '',
        goal: '≤ 0.02',
        verdict: verdict(m.cls <= 0.02),
      },
      {
        figure: `${where}: accessibility`,
        keel: m.accessibility.toFixed(2),
        baseline: '',
        goal: '1.0',
        verdict: verdict(m.accessibility >= 1),
      },
    );
  }
  if (lh.errors.length)
    rows.push({
      figure: 'Lighthouse runs',
      keel: lh.errors.join('; '),
      baseline: '',
      goal: 'no errors',
      verdict: 'MISSED',
    });
  return rows;
}
