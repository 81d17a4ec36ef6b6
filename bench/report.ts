// Turns bench results into bench/RESULTS.md and the table `npm run bench` prints. Every figure
// stands beside its baseline and the goal of issue 7, and a missed goal is called MISSED.
import type { BundleResult } from './bundle';
import type { BenchConfig } from './config';
import type { OutageResult, OverheadResult, SoakResult, StormResult } from './harness/scenarios';
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
  storm?: StormResult[];
  outage?: OutageResult[];
  soak?: SoakResult[];
  bundle?: BundleResult;
  bundleError?: string;
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
  return {
    stack: result.options.stack,
    n: result.options.n,
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
  };
}

function summaryRows(r: BenchResults): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const o = r.overhead;
  if (o) {
    for (const mode of ['sequential', 'concurrent'] as const) {
      const keel = o.ratios['keel'][mode];
      const app = o.ratios['keel-app']?.[mode];
      const bare = med(o[`${mode}Ms`]['bare']);
      const keelPage = o.inPageUsPerCall['keel'];
      const barePage = o.inPageUsPerCall['bare'];
      const inPage =
        mode === 'sequential' && keelPage && barePage
          ? `; in-page cost ${keelPage.first} µs/call vs ${barePage.first} µs bare`
          : '';
      const failed = failedCalls(o, 'keel', mode);
      rows.push({
        figure: `(a) overhead, ${n(o.options[mode])} ${mode} GETs: time ÷ bare HttpClient`,
        keel: `${x(keel.median, 3)} (reps ${x(keel.min, 3)}–${x(keel.max, 3)})${app && finite(app.median) ? `; app wiring ${x(app.median, 3)}` : ''}${inPage}${failed ? `; ${n(failed)} calls FAILED (${kinds(o.failures['keel'][mode])}), so the ratio does not compare like with like` : ''}`,
        baseline: `bare HttpClient 1.000× = ${ms(bare)} per ${n(o.options[mode])}${failedCalls(o, 'bare', mode) ? ` (${failedCalls(o, 'bare', mode)} failed)` : ''}`,
        goal: '≤ 1.05×, every call served',
        verdict: verdict(keel.median <= 1.05 && failed === 0),
      });
    }
  }
  const storms = (r.storm ?? []).map(stormDigest);
  for (const size of [...new Set(storms.map((s) => s.n))]) {
    const keel = storms.find((s) => s.n === size && s.stack === 'keel');
    if (!keel) continue;
    const peers = storms.filter((s) => s.n === size && s.stack !== 'keel');
    const goalApplies = size === 500;
    rows.push({
      figure: `(b) refresh storm N=${size}: refreshes per expiry (per rep); calls failed`,
      keel: `${keel.refreshes.join(', ')}; ${keel.failed.join(', ')} failed`,
      baseline: peers
        .map((p) => `${p.stack}: ${p.refreshes.join(', ')}; ${p.failed.join(', ')} failed`)
        .join(' · '),
      goal: goalApplies ? 'exactly 1, every call served' : '(goal set at N=500)',
      verdict: goalApplies
        ? verdict(keel.refreshes.every((c) => c === 1) && keel.failed.every((c) => c === 0))
        : '—',
    });
    rows.push({
      figure: `(b) refresh storm N=${size}: p50 / p95 added latency`,
      keel: `${ms(keel.addedP50)} / ${ms(keel.addedP95)} (p95 = ${x(keel.addedInLoadedRoundTrips, 1)} loaded round trip, ${x(keel.addedInSingleRoundTrips, 0)} single RTT)`,
      baseline: peers.map((p) => `${p.stack}: ${ms(p.addedP50)} / ${ms(p.addedP95)}`).join(' · '),
      goal: goalApplies
        ? 'p95 ≤ 2 round trips (a round trip: p95 of the same N calls with a valid token)'
        : '(goal set at N=500)',
      verdict: goalApplies ? verdict(keel.addedInLoadedRoundTrips <= 2) : '—',
    });
  }
  const outages = r.outage ?? [];
  const keelOutage = outages.find((o) => o.options.stack === 'keel');
  if (keelOutage) {
    rows.push({
      figure: `(c) outage ${outages[0].options.durationMs / 1000} s of 503: server requests ÷ logical calls`,
      keel: `${x(keelOutage.amplification)} (${n(keelOutage.serverRequests)} / ${n(keelOutage.logicalCalls)})`,
      baseline: outages
        .filter((o) => o.options.stack !== 'keel')
        .map((o) => `${o.options.stack}: ${x(o.amplification)}`)
        .join(' · '),
      goal: '≤ 1.1×',
      verdict: verdict(keelOutage.amplification <= 1.1),
    });
  }
  const soaks = r.soak ?? [];
  const keelSoak = soaks.find((s) => s.options.stack === 'keel');
  if (keelSoak) {
    const peers = soaks.filter((s) => s.options.stack !== 'keel');
    const peerText = (f: (s: SoakResult) => string) =>
      peers.map((s) => `${s.options.stack} (${n(s.logicalCalls)} calls): ${f(s)}`).join(' · ');
    rows.push({
      figure: `(d) soak, ${n(keelSoak.logicalCalls)} calls: settled as data or AppError`,
      keel: `${pct(keelSoak.settledAsDataOrAppErrorShare)} (${n(keelSoak.ok)} data, ${n(keelSoak.typedErrors)} AppError, ${keelSoak.unsettled} unsettled)`,
      baseline: peerText(
        (s) => `${pct(s.settledShare)} settled, ${n(s.untypedErrors)} untyped errors`,
      ),
      goal: '100 %',
      verdict: verdict(keelSoak.settledAsDataOrAppErrorShare === 1),
    });
    const unhandled = (s: SoakResult) =>
      s.unhandled.windowErrors + s.unhandled.unhandledRejections + s.unhandled.errorHandler;
    rows.push({
      figure:
        '(d) soak: unhandled errors (window error, unhandledrejection, ErrorHandler, non-AppError)',
      keel: String(unhandled(keelSoak) + keelSoak.untypedErrors),
      baseline: peerText((s) => `${unhandled(s)} escaped`),
      goal: '0',
      verdict: verdict(unhandled(keelSoak) + keelSoak.untypedErrors === 0),
    });
    rows.push({
      figure: '(d) soak: duplicate orders',
      keel: `${keelSoak.duplicateOrders} (${n(keelSoak.successfulCreates)} acknowledged creates, ${n(keelSoak.ordersCreated)} committed)`,
      baseline: peerText((s) => `${s.duplicateOrders}`),
      goal: '0',
      verdict: verdict(keelSoak.duplicateOrders === 0 && keelSoak.problems.length === 0),
    });
    rows.push({
      figure: '(d) soak: refreshes vs token expiries',
      keel: `${keelSoak.refreshes} refreshes / ${keelSoak.expiries} expiries`,
      baseline: peerText((s) => `${n(s.refreshes)} / ${s.expiries}`),
      goal: '≤ expiries + 1',
      verdict: verdict(keelSoak.refreshes <= keelSoak.expiries + 1),
    });
  }
  const b = r.bundle;
  if (b) {
    rows.push({
      figure: '(e) initial JS, transfer (brotli, as ng build estimates it)',
      keel: `${(b.initialJs.brotli / 1000).toFixed(2)} kB (gzip -9 ${kB(b.initialJs.gzip)}, raw ${kB(b.initialJs.raw)})`,
      baseline: `core/http: ${kB(b.coreHttp.raw)} raw, ≈ ${kB(b.coreHttp.brotliEstimate)} brotli`,
      goal: '≤ 100 kB',
      verdict: verdict(b.initialJs.brotli <= 100_000),
    });
  } else if (r.bundleError) {
    rows.push({
      figure: '(e) bundle',
      keel: 'ng build failed',
      baseline: '',
      goal: '≤ 100 kB',
      verdict: 'MISSED',
    });
  }
  return rows;
}

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
    `Written by \`npm run bench\` (bench/run.ts) on ${r.date.slice(0, 10)} in ${Math.round(r.durationMs / 1000)} s; the raw figures are in [results.json](results.json). Issue 7 asks for each figure beside its baseline and its goal, measured in one run on one machine: this is that run.`,
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
      ['figure', 'Keel', 'baseline / peers', 'goal (issue 7)', 'verdict'],
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
  renderMisses(r, push);
  push(
    '## Running it',
    '',
    `\`npm run bench\` (this run: ${Math.round(r.durationMs / 60_000)} minutes, most of it the N=500 storms, the sequential overhead and the 5,000-call soak; the load of the machine sets the pace). ` +
      'Quick runs: `BENCH_ONLY=overhead,storm` (sections: overhead, storm, outage, soak, bundle), `BENCH_OVERHEAD_CALLS`, `BENCH_OVERHEAD_REPS`, `BENCH_STORM_N=50,500`, `BENCH_STORM_REPS`, `BENCH_OUTAGE_MS`, `BENCH_OUTAGE_INTERVAL_MS`, `BENCH_SOAK_CALLS`, `BENCH_SOAK_PEER_CALLS` (0 skips the peer soaks), `BENCH_SOAK_CONCURRENCY`, `BENCH_SOAK_PHASE_MS`, `BENCH_SOAK_EXPIRE_MS`, `BENCH_SOAK_ATTEMPT_TIMEOUT_MS`, `BENCH_SEED`, `BENCH_TOKEN_TTL_S`. A quick run overwrites this file too; `npm run bench -- --render` rewrites it from results.json without measuring.',
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
        : `${o.inPageUsPerCall[name].first} µs → ${o.inPageUsPerCall[name].last} µs`,
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
    `\`GET ${o.options.url}\` (the cheapest authenticated call, so the chain's cost is the largest possible share of it), through the bench server's proxy to the dev API. Sequential: ${n(o.options.sequential)} calls per stack and repetition, the stacks taking turns call by call (order rotating), so a busy moment of the machine hits each stack alike; the time is the sum of its calls. Concurrent: ${n(o.options.concurrent)} calls started at once, stacks one after another, order alternating between repetitions; Chromium runs 6 connections per origin, so this figure is mostly queueing. ${o.options.reps} repetitions after ${o.options.warmup} warm-up calls per stack; ratios are per repetition against the bare client (median, range in brackets). In-page cost: ${n(o.options.inPageCalls)} sequential calls per stack against a backend that answers on the next microtask (the network taken out), in blocks of 500 taking turns after 200 warm-up calls: what the chain itself costs the page, in µs per call, median of its first 4 blocks → its last 4 (the whole run takes seconds, so every call is inside the circuit breaker's 30 s window).`,
    '',
    table(
      [
        'stack',
        'sequential, median of reps',
        'added per call',
        'ratio (range)',
        'concurrent, median of reps',
        'ratio (range)',
        'in-page cost per call, first → last 2,000',
        'failed calls',
      ],
      rows,
    ),
    '',
  );
}

function renderStorm(storms: StormResult[], push: Push): void {
  push(
    '## (b) Refresh storm',
    '',
    `N calls to \`GET ${storms[0].options.url}\` at once, right after \`POST /api/_dev/expire-tokens\`, against the same N calls with a valid token just before. "Refreshes" is what the server counted (\`refresh.ok + refresh.failed\`). Added latency = percentile of the expired burst's served calls − the same percentile of the valid burst, shown only where at least half the calls were served (n/a otherwise). A "loaded round trip" is the valid burst's p95 (the time one call takes at that N, with Chromium queueing N requests on 6 connections); "single RTT" is the median of 20 calls made alone. Each row is one stack at one N over ${storms[0].options.reps} repetitions, each with a fresh sign-in. The goal's "round trip" is read as the loaded one: measured against a call made alone, no client can replay N calls within two round trips, since the N replays queue on the same 6 connections as the N first attempts did; both ratios are in the table.`,
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
      String(d.n),
      `\`${d.stack}\``,
      d.refreshes.join(', '),
      `${d.failed.join(', ')}${kinds.length ? ` (${[...new Set(kinds)].join('; ')})` : ''}`,
      `${ms(d.validP50)} / ${ms(d.validP95)}`,
      `${ms(d.addedP50)} / ${ms(d.addedP95)}`,
      x(d.addedInLoadedRoundTrips, 2),
      `${x(d.addedInSingleRoundTrips, 1)} (${ms(d.singleRtt)})`,
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
  if (row.figure.startsWith('(a)') && r.overhead) {
    const o = r.overhead;
    const mode = row.figure.includes('sequential') ? 'sequential' : 'concurrent';
    const bare = o[`${mode}Ms`]['bare'];
    const keel = o[`${mode}Ms`]['keel'];
    const perCall = ((med(keel) - med(bare)) / o.options[mode]) * 1000;
    const noise = (Math.max(...bare) - Math.min(...bare)) / med(bare);
    const keelPage = o.inPageUsPerCall['keel'];
    const barePage = o.inPageUsPerCall['bare'];
    const inPage =
      keelPage && barePage
        ? ` With the network taken out, the chain costs the page ${(keelPage.first - barePage.first).toFixed(0)} µs per call more than a bare client over its first 2,000 calls (${keelPage.first} against ${barePage.first} µs: eight interceptors, a call trace, a UUID, four more headers, about five URL parses, two timers, the origin's budget and breaker per call)${keelPage.last > keelPage.first * 1.5 ? `, and ${keelPage.last} µs over its last 2,000: the circuit breaker keeps every outcome of the last 30 s and filters that whole list twice per attempt (src/app/core/http/circuit-breaker.ts, record()), so its cost grows with the calls made in 30 s` : ''}.`
        : '';
    const failed = failedCalls(o, 'keel', mode);
    if (failed) {
      const seen = o.failures['keel'][mode];
      const diagnosis = mode === 'concurrent' ? o.concurrentDiagnosis : undefined;
      const attempts = diagnosis
        ? ` A diagnostic burst with every failed attempt logged saw calls fail as ${kinds(diagnosis.failedCalls) || 'nothing'} and attempts fail as ${kinds(diagnosis.failedAttempts) || 'nothing'}.`
        : '';
      const queueing =
        mode === 'concurrent' && (diagnosis?.failedAttempts['timeout'] ?? 0) > 0
          ? ` With ${n(o.options[mode])} requests started at once and Chromium sending 6 at a time, the last ones wait in the browser's own queue (the bare client needed ${ms(med(o[`${mode}Ms`]['bare']))} for its burst), so Keel's 10 s attempt timeout fires for requests the server has not even seen yet${(seen['budget-exhausted'] ?? 0) > 0 ? '; retrying those timeouts empties the retry budget (budget-exhausted)' : ''}${(seen['circuit-open'] ?? 0) > 0 ? '; the circuit breaker counts the timeouts as an unhealthy origin and opens, and the calls after that fail fast as circuit-open' : ''}. The server was answering each request in milliseconds: the timeout measures queueing in the browser (reported, not changed: src/ is not this issue's to edit).`
          : '';
      return `${n(failed)} of Keel's ${n(o.options[mode] * o.options.reps)} ${mode} calls failed (${kinds(seen)}) where the bare client served ${failedCalls(o, 'bare', mode) ? 'most' : 'all'} of them.${attempts}${queueing}`;
    }
    const withHeaders = o[`${mode}Ms`]['bare-headers'] ?? [];
    const headersUs = withHeaders.length
      ? ((med(withHeaders) - med(bare)) / o.options[mode]) * 1000
      : Number.NaN;
    const pageUs = keelPage && barePage ? keelPage.first - barePage.first : 0;
    const server = finite(headersUs)
      ? ` A bare client that sends Keel's four extra headers took ${headersUs.toFixed(0)} µs per call longer than the plain bare client (${x(o.ratios['bare-headers'][mode].median, 3)}), so sending and handling those headers is about ${Math.round((100 * Math.max(0, headersUs)) / perCall)} % of Keel's extra time here.`
      : '';
    const rest = perCall - Math.max(0, finite(headersUs) ? headersUs : 0) - pageUs;
    const unexplained =
      rest > perCall / 4
        ? ` The remaining ≈ ${rest.toFixed(0)} µs per call is not broken down by this bench (the machine's load average was ${r.machine.loadAverageAtStart[0]} on ${r.machine.cores} cores at the start).`
        : '';
    return `Here Keel's calls took about ${perCall.toFixed(0)} µs longer each than the bare client's, on a local call of ${(med(bare) / o.options[mode]).toFixed(2)} ms (the bare client's own repetitions varied by ${pct(noise)}).${inPage}${server}${unexplained} The cost is per call, not proportional, so this cheapest local call is the worst case for the ratio; it was not measured against a slower API.`;
  }
  if (row.figure.startsWith('(b)') && row.figure.includes('refreshes') && r.storm) {
    const keel = r.storm.filter((s) => s.options.stack === 'keel' && s.options.n === 500);
    const reps = keel.flatMap((s) => s.reps);
    const failedKinds = reps.map((rep) => kinds(rep.failedKinds)).filter(Boolean);
    const attempts = reps.map((rep) => kinds(rep.failedAttempts ?? {})).filter(Boolean);
    const expired = med(reps.map((rep) => rep.expired.p95 + 0));
    return `The refresh count is what the coordinator controls, and it held (${reps.map((rep) => rep.refreshes).join(', ')}). Calls failed as ${failedKinds.join('; ')}${attempts.length ? `, their attempts as ${attempts.join('; ')}` : ''}. ${reps.some((rep) => (rep.failedAttempts?.['timeout'] ?? 0) > 0) ? `Nothing was injected, so these are the 10 s attempt timeouts: the expired burst's p95 was ${ms(expired)}, since each replay waits in Chromium's queue (6 connections) behind the other calls' first attempts and replays, and a replay that waits there longer than the 10 s attempt timeout times out, is retried, and once the origin's retry budget is spent (5 retries) the next such call fails as budget-exhausted. The same queueing costs the bare client nothing because it has no timeout (see also (a), concurrent).` : ''}`;
  }
  if (row.figure.startsWith('(b)')) {
    return 'See the storm table: with N calls sharing 6 connections, every replay waits its turn behind the other replays, so the added latency grows with N whatever the refresh logic; the refresh count and the failed calls are what the coordinator controls.';
  }
  if (row.figure.startsWith('(c)')) {
    return 'The retry budget (10 tokens, retries only above 5) and the breaker should hold a full outage near 1×; a higher figure means retries or probes outran them, see the outage table.';
  }
  if (row.figure.startsWith('(d)') && r.soak) {
    const keel = r.soak.find((s) => s.options.stack === 'keel');
    return keel?.problems.length
      ? `Checks found: ${keel.problems.slice(0, 5).join('; ')}.`
      : 'See the soak table for the counts behind this figure.';
  }
  if (row.figure.startsWith('(e)') && r.bundle) {
    const b = r.bundle;
    const over = b.initialJs.brotli - 100_000;
    const top = b.contributors
      .slice(0, 4)
      .map((c) => `${c.name} ${kB(c.raw)}`)
      .join(', ');
    const rest = b.initialJs.brotli - b.coreHttp.brotliEstimate - b.coreAuth.brotliEstimate;
    return `Initial JS is ${kB(over)} over the goal. Most of it is framework and UI libraries loaded before the first screen (raw: ${top}). The network layer is a small part: core/http ≈ ${kB(b.coreHttp.brotliEstimate)} and core/auth ≈ ${kB(b.coreAuth.brotliEstimate)} of the transfer; without both, initial JS would still be ≈ ${kB(rest)}${rest > 100_000 ? ', over the goal, so the layer alone cannot meet it' : ''}. Closing the gap means loading less before the first screen (see the contributors above), which is outside this issue's network layer.`;
  }
  return '';
}
