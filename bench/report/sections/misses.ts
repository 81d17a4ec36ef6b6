import type { BenchResults } from '../bench-results';
import { fillSection } from '../fill-template';
import { finite, kinds, med, ms, n, pct, x } from '../format';
import { FLAT, type SummaryRow, summaryRows } from '../summary-rows';

/** Every missed goal of the summary, with what the run's figures say about why. */
export function missesSection(r: BenchResults): string {
  const rows = summaryRows(r).filter((row) => row.verdict === 'MISSED');
  return fillSection('misses', {
    misses: rows.length
      ? rows.map((row) => `- **${row.figure}**: ${row.keel} against ${row.goal}. ${why(row, r)}`)
      : ['None in this run.'],
  });
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
    const inPage = o.inPageUsPerCall['keel'];
    const ownUs = perCall - headersUs;
    const limit = o.ratios['bare-headers']?.sequential.median;
    return `Keel's calls took ${perCall.toFixed(0)} µs longer each than the bare client's on a local call of ${(med(o.sequentialMs['bare']) / o.options.sequential).toFixed(2)} ms${finite(headersUs) ? `; a bare client sending the same headers took ${headersUs.toFixed(0)} µs longer (the server's share, and the browser's for the headers), which leaves ${ownUs.toFixed(0)} µs a call to Keel's own work${limit !== undefined && limit > 1.03 ? `, and the limit itself (${x(limit, 3)}, as in the summary) is above the goal` : ''}` : ''}; the bare client's own repetitions varied by ${pct(noise)}, the machine's load average was ${r.machine.loadAverageAtStart[0]} at the start. The chain costs ${inPage?.median ?? inPage?.first} µs a call when hot (the in-page figure); once per round trip it runs cold.`;
  }
  if (row.figure.includes('concurrent') && o) {
    const throttled = row.figure.includes('throttled');
    const failures = throttled
      ? r.burstsThrottled?.failures['keel']
      : o.failures['keel'].concurrent;
    const failed = Object.values(failures ?? {}).reduce((a, b) => a + b, 0);
    return failed
      ? `${n(failed)} calls failed (${kinds(failures ?? {})}).${o.concurrentDiagnosis && !throttled ? ` A diagnostic burst saw attempts fail as ${kinds(o.concurrentDiagnosis.failedAttempts) || 'nothing'}.` : ''}`
      : `Every call was served${throttled && r.burstsThrottled ? ` (the reps: ${r.burstsThrottled.ms['keel'].map((keelMs, i) => x(keelMs / r.burstsThrottled!.ms['bare'][i], 3)).join(', ')})` : ''}. The dispatcher hands each freed connection the next attempt from script, where the browser would reuse it from its own queue${throttled ? `; with the CPU slowed that hand-over waits for a busy main thread.${o.concurrentMs['keel']?.length && r.burstsThrottled ? ` Throttling took Keel's burst from ${ms(med(o.concurrentMs['keel']))} to ${ms(med(r.burstsThrottled.ms['keel']))} and the bare client's from ${ms(med(o.concurrentMs['bare']))} to ${ms(med(r.burstsThrottled.ms['bare']))}: the bare client's queue lives in the browser's network process, which \`setCPUThrottlingRate\` does not slow, Keel's in the page's main thread, which it does.` : ''} CPU profiles of single throttled bursts of 1,000 (\`BENCH_PROFILE_BURST=1000 BENCH_PROFILE_THROTTLE=4 npm run bench:profile\`) put the native \`fetch()\` call at 1.28–1.65 ms a call in either page and Keel's own script at a few per cent of the main thread's time` : ''}.`;
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
    const loops = reps.filter((rep) => rep.loopMs !== undefined).map((rep) => ms(rep.loopMs!));
    return `Long tasks per rep: ${reps.map((rep) => (rep.longTasks?.length ? rep.longTasks.join(', ') + ' ms' : 'none')).join('; ')}${loops.length ? `; the caller's loop starting the 500 calls took ${loops.join(', ')}` : ''}. A CPU profile of the throttled N = 500 storm puts the longest task in the caller's own loop that starts the 500 calls at once: each call runs HttpClient, Angular's handler and Keel's outer stages down to the dispatcher's queue inside that one task, about 0.3–0.5 ms per call at 4× (the dispatcher keeps all but 6 of the 500 \`fetch()\` calls out of it); the refresh releasing the held calls and the answers come in shorter tasks.`;
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
  if (row.figure.startsWith('Lighthouse mobile') && r.lighthouse) {
    const pages = r.lighthouse.pages;
    const page = pages.find((p) => p.app === 'keel' && row.figure.includes(`Keel ${p.page}:`));
    const empty = pages.find((p) => p.app === 'empty');
    if (!page) return '';
    const metric = row.figure.endsWith('LCP')
      ? 'lcpMs'
      : row.figure.endsWith('TBT')
        ? 'tbtMs'
        : row.figure.endsWith('performance')
          ? 'performance'
          : null;
    if (!metric) return '';
    const show = (v: number) => (metric === 'performance' ? v.toFixed(2) : ms(v));
    const runs = (p: typeof page) => p.runs.map((run) => show(run[metric])).join(', ');
    const tasks = page.longTasks?.length
      ? ` Long tasks of its median run (simulated, 4× CPU): ${page.longTasks.map((t) => `${t.script} ${t.durationMs} ms`).join(', ')}.`
      : '';
    return `Its runs: ${runs(page)}${empty ? `; the empty app's: ${runs(empty)}` : ''}.${metric === 'lcpMs' || metric === 'tbtMs' ? tasks : ''} README "Benchmarks" says what moved these figures and what is left.`;
  }
  if (row.figure.startsWith('initial JS')) {
    return 'Section (e) lists the biggest contributors; README "Benchmarks" says what is in `main` and why.';
  }
  if (row.figure.startsWith('outage')) {
    return 'The retry budget and the breaker should hold a full outage near 1×; a higher figure means retries or probes outran them, see the outage table.';
  }
  return '';
}
