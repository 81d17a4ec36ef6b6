// Turns bench results into bench/RESULTS.md and the table `npm run bench` prints. Every figure
// stands beside its baseline and the goal of issue 10, and a missed goal is called MISSED.
import type { BundleResult } from './bundle';
import type { LighthousePage, LighthouseResult } from './lighthouse';
import type { BenchConfig } from './config';
import type {
  BurstsResult,
  OutageResult,
  OverheadResult,
  SoakResult,
  Spread,
  StormResult,
} from './harness/scenarios';
import { STACK_LABELS } from './harness/stack-names';

export interface BenchResults {
  date: string;
  machine: {
    cpu: string;
    cores: number;
    memoryGiB: number;
    kernel: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
    versions: Record<string, string | undefined>;
    chromium: string | null;
    commit: string;
    uncommittedFiles: number;
  };
  config: BenchConfig;
  durationMs: number;
  overhead?: OverheadResult;
  /** The concurrent bursts again, with the CPU throttled. */
  burstsThrottled?: BurstsResult & { throttle: number };
  storm?: StormResult[];
  outage?: OutageResult[];
  soak?: SoakResult[];
  bundle?: BundleResult;
  bundleError?: string;
  lighthouse?: LighthouseResult;
  lighthouseError?: string;
  pageErrors?: string[];
  pageCounters?: unknown;
}

type Verdict = 'met' | 'MISSED' | '—';

interface SummaryRow {
  figure: string;
  keel: string;
  baseline: string;
  goal: string;
  verdict: Verdict;
}

/** JSON turns NaN (a percentile of no calls) into null. */
const finite = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value: number) => (finite(value) ? `${Math.round(value)} ms` : 'n/a');
const x = (value: number, digits = 2) => (finite(value) ? `${value.toFixed(digits)}×` : 'n/a');
const pct = (share: number) => `${(share * 100).toFixed(share === 1 ? 0 : 2)} %`;
const n = (value: number) => value.toLocaleString('en-US');
const verdict = (ok: boolean): Verdict => (ok ? 'met' : 'MISSED');
const med = (values: number[]) => {
  const sorted = values.filter(finite).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : Number.NaN;
};

function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Per-section digests, shared by the summary and the detail sections.

const kinds = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([kind, count]) => `${kind} ×${n(count)}`)
    .join(', ');

function failedCalls(o: OverheadResult, stack: string, mode: 'sequential' | 'concurrent'): number {
  return Object.values(o.failures[stack]?.[mode] ?? {}).reduce((a, b) => a + b, 0);
}

function stormDigest(result: StormResult) {
  // Latency only where at least half the calls were served: one served call says nothing.
  const reps = result.reps;
  const timed = reps.filter((r) => r.served >= result.options.n / 2 && finite(r.added.p95));
  const longTasks = reps.flatMap((r) => r.longTasks ?? []);
  return {
    stack: result.options.stack,
    n: result.options.n,
    throttle: result.options.throttle ?? 1,
    refreshes: reps.map((r) => r.refreshes),
    failed: reps.map((r) => r.failed),
    addedP50: med(timed.map((r) => r.added.p50)),
    addedP95: med(timed.map((r) => r.added.p95)),
    validP50: med(reps.map((r) => r.valid.p50)),
    validP95: med(reps.map((r) => r.valid.p95)),
    singleRtt: med(reps.map((r) => r.singleRttMs)),
    /** Added p95 in round trips of the same N calls with a valid token (their p95). */
    addedInLoadedRoundTrips: med(timed.map((r) => r.added.p95 / r.valid.p95)),
    /** Added p95 in uncontended round trips (one call alone). */
    addedInSingleRoundTrips: med(timed.map((r) => r.added.p95 / r.singleRttMs)),
    failedKinds: reps.map((r) => r.failedKinds),
    longTasks: longTasks.length,
    longestTask: longTasks.length ? Math.max(...longTasks) : 0,
  };
}

const throttleLabel = (throttle: number) => (throttle > 1 ? `, CPU throttled ${throttle}×` : '');

/** Issue 10's goals, each beside its baseline measured in the same run. */
function summaryRows(r: BenchResults): SummaryRow[] {
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
      baseline: `core/http: ${kB(b.coreHttp.raw)} raw, ≈ ${kB(b.coreHttp.brotliEstimate)} brotli`,
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
    rows.push(
      {
        figure: `${where}: performance`,
        keel: m.performance.toFixed(2),
        baseline: empty ? `empty app ${empty.median.performance.toFixed(2)}` : '',
        goal: '≥ 0.98',
        verdict: verdict(m.performance >= 0.98),
      },
      {
        figure: `${where}: LCP`,
        keel: `${ms(m.lcpMs)}${empty ? ` (${x(m.lcpMs / empty.median.lcpMs)} the empty app)` : ''}`,
        baseline: empty ? `empty app ${ms(empty.median.lcpMs)}` : '',
        goal: '≤ 1.2× the empty app',
        verdict: empty ? verdict(m.lcpMs <= 1.2 * empty.median.lcpMs) : '—',
      },
      {
        figure: `${where}: TBT`,
        keel: ms(m.tbtMs),
        baseline: empty ? `empty app ${ms(empty.median.tbtMs)}` : '',
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

/** "Flat": the last quarter of the in-page blocks within this factor of the first quarter. */
const FLAT = 1.2;

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

export function renderMarkdown(r: BenchResults): string {
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  const m = r.machine;
  push(
    '# Keel benchmarks',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${r.date.slice(0, 10)} in ${Math.round(r.durationMs / 1000)} s; the raw figures are in [results.json](results.json). Issue 10 asks for each goal beside its baseline, measured in one run on one machine: this is that run.`,
    '',
    '## Machine',
    '',
    table(
      ['', ''],
      [
        ['CPU', `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB`],
        ['OS kernel', m.kernel],
        ['Chromium', m.chromium ?? 'not started'],
        ['Node (`node -p process.versions`)', `\`${JSON.stringify(m.versions)}\``],
        [
          'code',
          `commit ${m.commit}${m.uncommittedFiles ? ` with ${m.uncommittedFiles} uncommitted files in the work tree` : ''}`,
        ],
        [
          'load average (1, 5, 15 min)',
          `${m.loadAverageAtStart.join(', ')} at the start, ${m.loadAverageAtEnd.join(', ')} at the end`,
        ],
      ],
    ),
    '',
    `The load average is there because timings on a shared ${m.cores}-core machine move with whatever else runs on it; ratios are taken between stacks run back to back for that reason.`,
    '',
    '## Summary',
    '',
    table(
      ['figure', 'Keel', 'baseline / peers', 'goal (issues 10, 13)', 'verdict'],
      summaryRows(r).map((row) => [row.figure, row.keel, row.baseline, row.goal, row.verdict]),
    ),
    '',
  );

  push(
    '## Stacks',
    '',
    table(
      ['name', 'what'],
      Object.entries(STACK_LABELS).map(([k, v]) => [`\`${k}\``, v]),
    ),
    '',
  );
  push(
    'All run in the same page of headless Chromium, served with the dev API on one origin by bench/serve.ts (static files + a proxy for `/api`, as `ng serve` does for the app). The Angular stacks are real `HttpClient`s with the fetch backend in minimal `createApplication()` apps without UI, Angular in production mode and compiled JIT (bench/build-harness.ts). The peers are devDependencies bundled only into the harness; section (e) checks that none reached the app.',
    '',
  );

  if (r.overhead) renderOverhead(r.overhead, push);
  if (r.burstsThrottled) renderThrottledBursts(r.burstsThrottled, push);
  if (r.storm) renderStorm(r.storm, push);
  if (r.outage) renderOutage(r.outage, push);
  if (r.soak) renderSoak(r.soak, push);
  if (r.bundle) renderBundle(r.bundle, push);
  if (r.bundleError)
    push(
      '## (e) Bundle',
      '',
      'ng build failed:',
      '',
      '```',
      r.bundleError.slice(0, 2000),
      '```',
      '',
    );
  if (r.lighthouse) renderLighthouse(r.lighthouse, push);
  if (r.lighthouseError)
    push('## (f) First load (Lighthouse)', '', '```', r.lighthouseError.slice(0, 2000), '```', '');
  renderMisses(r, push);
  push(
    '## Running it',
    '',
    `\`npm run bench\` (this run: ${Math.round(r.durationMs / 60_000)} minutes, most of it the N=500 storms, the sequential overhead and the 5,000-call soak; the load of the machine sets the pace). ` +
      'Quick runs: `BENCH_ONLY=overhead,storm` (sections: overhead, storm, outage, soak, bundle, lighthouse), `BENCH_OVERHEAD_CALLS`, `BENCH_OVERHEAD_REPS`, `BENCH_OVERHEAD_IN_PAGE_CALLS`, `BENCH_THROTTLE` (4), `BENCH_STORM_N=50,500`, `BENCH_THROTTLED_STORM_N=500`, `BENCH_STORM_REPS`, `BENCH_OUTAGE_MS`, `BENCH_OUTAGE_INTERVAL_MS`, `BENCH_SOAK_CALLS`, `BENCH_SOAK_PEER_CALLS` (0 skips the peer soaks), `BENCH_SOAK_CONCURRENCY`, `BENCH_SOAK_PHASE_MS`, `BENCH_SOAK_EXPIRE_MS`, `BENCH_SOAK_ATTEMPT_TIMEOUT_MS`, `BENCH_SEED`, `BENCH_TOKEN_TTL_S`, `BENCH_LIGHTHOUSE_RUNS` (3). A quick run overwrites this file too; `npm run bench -- --render` rewrites it from results.json without measuring. `npm run bench:profile` runs one stack over the instant backend under the CPU profiler and prints where its time goes.',
    '',
    'The smaller soak (500 calls, same faults, invariants only) runs in `npm test` as e2e/soak.e2e.ts.',
    '',
  );
  return `${out.join('\n')}\n`;
}

type Push = (...lines: string[]) => void;

function renderOverhead(o: OverheadResult, push: Push): void {
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
  push(
    '## (a) Overhead',
    '',
    `\`GET ${o.options.url}\` (the cheapest authenticated call, so the chain's cost is the largest possible share of it), through the bench server's proxy to the dev API. Sequential: ${n(o.options.sequential)} calls per stack and repetition, the stacks taking turns call by call (order rotating), so a busy moment of the machine hits each stack alike; the time is the sum of its calls. Concurrent: ${n(o.options.concurrent)} calls started at once, stacks one after another, order alternating between repetitions; Chromium runs 6 connections per origin, so this figure is mostly queueing. ${o.options.reps} repetitions after ${o.options.warmup} warm-up calls per stack; ratios are per repetition against the bare client (median, range in brackets). In-page cost: ${n(o.options.inPageCalls)} sequential calls per stack against a backend that answers on the next microtask (the network taken out), in blocks of 500 taking turns after 2,000 warm-up calls per stack (fewer measure V8 compiling the code, not the code): what the chain itself costs the page, in µs per call, the median block, and the medians of the first and of the last quarter of the blocks (the whole run takes seconds, so every call is inside the circuit breaker's 30 s window: a cost that grows with the calls made shows as last > first).`,
    '',
    table(
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
    '',
  );
}

function renderThrottledBursts(b: BurstsResult & { throttle: number }, push: Push): void {
  push(
    `### Concurrent bursts, CPU throttled ${b.throttle}×`,
    '',
    `The same bursts with the page's CPU slowed ${b.throttle}× through the Chrome DevTools Protocol (\`Emulation.setCPUThrottlingRate\`, what DevTools calls a low-end mobile device), the network as it was.`,
    '',
    table(
      ['stack', 'burst, median of reps', 'ratio (range)', 'failed calls'],
      Object.keys(b.ms).map((name) => [
        `\`${name}\``,
        ms(med(b.ms[name])),
        `${x(b.ratios[name].median, 3)} (${x(b.ratios[name].min, 3)}–${x(b.ratios[name].max, 3)})`,
        kinds(b.failures[name]) || '0',
      ]),
    ),
    '',
  );
}

function renderStorm(storms: StormResult[], push: Push): void {
  push(
    '## (b) Refresh storm',
    '',
    `N calls to \`GET ${storms[0].options.url}\` at once, right after \`POST /api/_dev/expire-tokens\`, against the same N calls with a valid token just before. "Refreshes" is what the server counted (\`refresh.ok + refresh.failed\`). Added latency = percentile of the expired burst's served calls − the same percentile of the valid burst, shown only where at least half the calls were served (n/a otherwise). A "loaded round trip" is the valid burst's p95 (the time one call takes at that N, with Chromium queueing N requests on 6 connections); "single RTT" is the median of 20 calls made alone. Each row is one stack at one N over ${storms[0].options.reps} repetitions, each with a fresh sign-in; the rows marked "CPU 4×" ran with the page's CPU throttled. The goal's "round trip" is the loaded one (a call made alone is in the last column but one). Long tasks are the \`longtask\` entries (tasks over 50 ms) a PerformanceObserver saw during the expired burst.`,
    '',
  );
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
    ];
  });
  push(
    table(
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
      ],
      rows,
    ),
    '',
  );
}

function renderOutage(outages: OutageResult[], push: Push): void {
  const o = outages[0].options;
  push(
    '## (c) Outage amplification',
    '',
    `Every route answers 503 (\`PUT /api/_dev/chaos {failRate: 1}\`) for ${o.durationMs / 1000} s while the page starts one \`GET ${o.url}\` every ${o.intervalMs} ms; then chaos is switched off and every call is awaited (retries still pending reach the healthy server and count). Amplification = requests the server saw ÷ logical calls. Each stack starts fresh (full retry budget, closed breaker).`,
    '',
    table(
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
    '',
  );
}

function renderSoak(soaks: SoakResult[], push: Push): void {
  const s = soaks[0];
  const phase = (p: SoakResult['phases'][number]) =>
    `failRate ${p.failRate} × ${p.failStatus}${p.retryAfterS ? ` (Retry-After: ${p.retryAfterS})` : ''}`;
  const base = s.phases[0];
  push(
    '## (d) Chaos soak',
    '',
    `Logical calls from ${s.options.concurrency} concurrent workers: ${pct(1 - s.options.createShare)} GETs over ${'`/api/me`, `/api/orders`, `/api/orders/:id`, `/api/customers`, `/api/products`, `/api/dashboard/summary`'} and ${pct(s.options.createShare)} \`POST /api/orders\` (Keel sends them with \`IDEMPOTENCY_KEY: 'auto'\`; each carries a unique marker in \`notes\`). Faults on those routes (auth routes stay clean, so a refresh can succeed): latency ${base.latencyMs} ms + jitter 0–${base.jitterMs} ms, drop ${base.dropRate}, hang ${base.hangRate} (attempt timeout ${s.options.attemptTimeoutMs} ms), malformed body ${base.malformedRate}, drop after commit ${base.dropAfterCommitRate}, and a fail phase that changes every ${s.options.phaseMs / 1000} s: ${s.phases.map(phase).join(' → ')}. Chaos \`seed\` ${s.options.seed} (+1 per phase). Every access token is expired every ${s.options.expireEveryMs / 1000} s. Duplicates are counted by marker: orders with the same marker beyond the first.`,
    '',
  );
  const row = (label: string, f: (r: SoakResult) => string) => [label, ...soaks.map(f)];
  const unhandled = (r: SoakResult) =>
    `${r.unhandled.windowErrors} / ${r.unhandled.unhandledRejections} / ${r.unhandled.errorHandler}`;
  push(
    table(
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
    '',
    '"Committed but the caller got an error" are orders whose answer was lost or unreadable on the last attempt the stack made (drop after commit, a malformed 201, or a retry the budget refused): they are not duplicates, and a resubmission with the same Idempotency-Key would get the stored answer. With `IDEMPOTENCY_KEY: \'auto\'` a new logical call gets a new key, so a form should keep one key per submission (README, "Per-request options") for a user\'s retry to be safe too.',
    '',
  );
}

function renderBundle(b: BundleResult, push: Push): void {
  push(
    '## (e) Bundle',
    '',
    `\`${b.command}\`, the production build as \`npm run build\` makes it (${Math.round(b.buildMs / 1000)} s). The CLI's own line: Initial total ${b.cliInitialTotal ?? '(not found in its output)'}. Initial = \`main\`, polyfills and global styles and every chunk they import statically. Transfer sizes: brotli quality 11 per file (what the CLI calls "estimated transfer size"; files under 1 kB uncompressed, as the CLI does) and gzip -9 for comparison.`,
    '',
    table(
      ['', 'raw', 'brotli', 'gzip -9'],
      [
        ['initial JS', kB(b.initialJs.raw), kB(b.initialJs.brotli), kB(b.initialJs.gzip)],
        ['initial CSS', kB(b.initialCss.raw), kB(b.initialCss.brotli), kB(b.initialCss.gzip)],
        [
          `src/app/core/http (${b.coreHttp.files} files, in ${b.coreHttp.chunks.join(', ')})`,
          kB(b.coreHttp.raw),
          `≈ ${kB(b.coreHttp.brotliEstimate)}`,
          `≈ ${kB(b.coreHttp.gzipEstimate)}`,
        ],
        ['src/app/core/auth', kB(b.coreAuth.raw), `≈ ${kB(b.coreAuth.brotliEstimate)}`, ''],
      ],
    ),
    '',
    `core/http's figures are its share of the metafile's input bytes in each initial chunk × that chunk's raw, brotli and gzip size. Compressed bytes of part of a file cannot be measured, so its compressed figures are estimates${b.inputBytesToFile > 1.02 || b.inputBytesToFile < 0.98 ? `, and so is its raw figure: after the chunk optimizer the metafile counts ${x(b.inputBytesToFile)} the bytes that are on disk (sizes before the last minification), so only the shares are used` : '; its raw figure is exact (the metafile accounts for the bytes on disk)'}.`,
    '',
    'Biggest contributors to the initial JS (raw bytes in the output, by the same shares):',
    '',
    table(
      ['input', 'raw'],
      b.contributors.map((c) => [c.name, kB(c.raw)]),
    ),
    '',
    b.peerInputs.length
      ? `**Peers found in the app's output: ${b.peerInputs.join(', ')}.**`
      : 'No file of axios, axios-retry, axios-auth-refresh, ky, esbuild or bench/ is in any output file of the app (initial or lazy).',
    '',
  );
}

function renderLighthouse(lh: LighthouseResult, push: Push): void {
  const row = (p: LighthousePage) => [
    p.app === 'keel' ? `Keel ${p.page}` : `empty app ${p.page}`,
    p.median.performance.toFixed(2),
    ms(p.median.fcpMs),
    ms(p.median.lcpMs),
    ms(p.median.tbtMs),
    p.median.cls.toFixed(3),
    ms(p.median.speedIndexMs),
    p.median.accessibility.toFixed(2),
  ];
  push(
    '## (f) First load (Lighthouse)',
    '',
    `Lighthouse ${lh.lighthouse}, mobile preset (simulated slow 4G, CPU slowed 4×), ${lh.runsPerPage} runs per page, medians (bench/lighthouse.ts). Keel's production build and an empty Angular app (bench/empty-app: \`ng generate application\` with this workspace's CLI, unchanged) are built the same way and served the same way (brotli, \`/api\` proxied to the dev API). Every run starts from an empty HTTP cache, no service worker and no Cache Storage; the dashboard keeps the session cookie of a sign-in made through the page beforehand.`,
    '',
    table(
      ['page', 'performance', 'FCP', 'LCP', 'TBT', 'CLS', 'Speed Index', 'accessibility'],
      lh.pages.map(row),
    ),
    '',
    'Each run (performance · FCP · LCP · TBT):',
    '',
    ...lh.pages.map(
      (p) =>
        `- ${p.app === 'keel' ? 'Keel' : 'empty app'} ${p.page}: ${p.runs.map((r) => `${r.performance.toFixed(2)} · ${ms(r.fcpMs)} · ${ms(r.lcpMs)} · ${ms(r.tbtMs)}`).join('; ')}`,
    ),
    '',
    'What Lighthouse flags on the median run of each page:',
    '',
    ...lh.pages.map(
      (p) =>
        `- ${p.app === 'keel' ? 'Keel' : 'empty app'} ${p.page}: ${p.diagnostics.join('; ') || 'nothing'}`,
    ),
    '',
  );
}

function renderMisses(r: BenchResults, push: Push): void {
  const rows = summaryRows(r).filter((row) => row.verdict === 'MISSED');
  push('## Goals missed, and why', '');
  if (!rows.length) {
    push('None in this run.', '');
    return;
  }
  for (const row of rows) {
    push(`- **${row.figure}**: ${row.keel} against ${row.goal}. ${why(row, r)}`);
  }
  push('');
}

function why(row: SummaryRow, r: BenchResults): string {
  const o = r.overhead;
  if (row.figure.startsWith('in-page') && o) {
    const keel = o.inPageUsPerCall['keel'];
    const bare = o.inPageUsPerCall['bare'];
    const level = keel.median ?? keel.first;
    return `${level > 15 ? `${(level - 15).toFixed(1)} µs over the goal, with the bare client at ${bare.median ?? bare.first} µs in the same blocks. ` : ''}${keel.last > keel.first * FLAT ? `The cost grows over the run (${keel.first} → ${keel.last} µs): something per call is not constant. ` : ''}\`npm run bench:profile\` shows where the time goes.`;
  }
  if (row.figure.includes('sequential') && o) {
    const perCall =
      ((med(o.sequentialMs['keel']) - med(o.sequentialMs['bare'])) / o.options.sequential) * 1000;
    const headers = o.sequentialMs['bare-headers'];
    const headersUs = headers
      ? ((med(headers) - med(o.sequentialMs['bare'])) / o.options.sequential) * 1000
      : Number.NaN;
    const noise =
      (Math.max(...o.sequentialMs['bare']) - Math.min(...o.sequentialMs['bare'])) /
      med(o.sequentialMs['bare']);
    return `Keel's calls took ${perCall.toFixed(0)} µs longer each than the bare client's on a local call of ${(med(o.sequentialMs['bare']) / o.options.sequential).toFixed(2)} ms${finite(headersUs) ? `; a bare client sending the same headers took ${headersUs.toFixed(0)} µs longer (the server's share)` : ''}; the bare client's own repetitions varied by ${pct(noise)}, the machine's load average was ${r.machine.loadAverageAtStart[0]} at the start.`;
  }
  if (row.figure.includes('concurrent') && o) {
    const throttled = row.figure.includes('throttled');
    const failures = throttled
      ? r.burstsThrottled?.failures['keel']
      : o.failures['keel'].concurrent;
    const failed = Object.values(failures ?? {}).reduce((a, b) => a + b, 0);
    return failed
      ? `${n(failed)} calls failed (${kinds(failures ?? {})}).${o.concurrentDiagnosis && !throttled ? ` A diagnostic burst saw attempts fail as ${kinds(o.concurrentDiagnosis.failedAttempts) || 'nothing'}.` : ''}`
      : 'Every call was served; the ratio is the dispatcher handing each freed connection the next attempt from script, where the browser would reuse it from its own queue.';
  }
  if (row.figure.startsWith('refresh storm') && r.storm) {
    const throttle = row.figure.includes('throttled')
      ? (r.storm.find((s) => (s.options.throttle ?? 1) > 1)?.options.throttle ?? 1)
      : 1;
    const reps = r.storm
      .filter(
        (s) =>
          s.options.stack === 'keel' &&
          s.options.n === 500 &&
          (s.options.throttle ?? 1) === throttle,
      )
      .flatMap((s) => s.reps);
    const failedKinds = reps.map((rep) => kinds(rep.failedKinds)).filter(Boolean);
    const attempts = reps.map((rep) => kinds(rep.failedAttempts ?? {})).filter(Boolean);
    return `Refreshes per rep ${reps.map((rep) => rep.refreshes).join(', ')}; added p95 per rep ${reps.map((rep) => ms(rep.added.p95)).join(', ')} against loaded round trips of ${reps.map((rep) => ms(rep.valid.p95)).join(', ')}${failedKinds.length ? `; calls failed as ${failedKinds.join('; ')}` : ''}${attempts.length ? `; attempts failed as ${attempts.join('; ')}` : ''}.`;
  }
  if (row.figure.startsWith('long tasks') && r.storm) {
    const reps = r.storm
      .filter((s) => s.options.stack === 'keel' && (s.options.throttle ?? 1) > 1)
      .flatMap((s) => s.reps);
    return `Long tasks per rep: ${reps.map((rep) => (rep.longTasks?.length ? rep.longTasks.join(', ') + ' ms' : 'none')).join('; ')}. With the CPU slowed 4×, one task that settles many calls at once (a refresh releasing the held calls, a burst of answers) can pass 50 ms.`;
  }
  if (row.figure.startsWith('chaos soak') && r.soak) {
    const keel = r.soak.find((s) => s.options.stack === 'keel');
    if (!keel) return '';
    const misses: string[] = [];
    if (keel.settledShare !== 1) misses.push(`${keel.unsettled} calls never settled`);
    if (keel.ok / keel.logicalCalls < 0.99)
      misses.push(`${pct(keel.ok / keel.logicalCalls)} data: failures ${kinds(keel.kinds)}`);
    if (keel.amplification > 1.3) misses.push(`requests ÷ calls ${x(keel.amplification)}`);
    if (keel.refreshes !== keel.expiries)
      misses.push(`${keel.refreshes} refreshes for ${keel.expiries} expiries`);
    if (keel.duplicateOrders) misses.push(`${keel.duplicateOrders} duplicate orders`);
    if (keel.problems.length) misses.push(`checks found: ${keel.problems.slice(0, 5).join('; ')}`);
    return `${misses.join('; ')}.`;
  }
  if (row.figure.startsWith('outage')) {
    return 'The retry budget and the breaker should hold a full outage near 1×; a higher figure means retries or probes outran them, see the outage table.';
  }
  return '';
}
