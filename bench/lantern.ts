// `npm run bench:lantern -- <report.json> [optimistic|pessimistic]`: replays Lighthouse's own
// model (Lantern) on one run kept by BENCH_LIGHTHOUSE_REPORTS (the report, with its trace and
// DevTools log beside it) and prints, for FCP and LCP, the simulated timeline of the requests and
// tasks that model waits for, the last ones first to finish last. Lighthouse reports the
// figures; this shows which download or task sets them (README "Benchmarks").
import { readFileSync } from 'node:fs';
import { LanternFirstContentfulPaint } from 'lighthouse/core/computed/metrics/lantern-first-contentful-paint.js';
import { LanternLargestContentfulPaint } from 'lighthouse/core/computed/metrics/lantern-largest-contentful-paint.js';

interface SimNode {
  type: 'network' | 'cpu';
  request?: { url: string; transferSize: number; connectionId: number };
  duration?: number;
  childEvents?: { args?: { data?: { url?: string } } }[];
}
interface Estimate {
  timeInMs: number;
  nodeTimings: Map<SimNode, { startTime: number; endTime: number }>;
}
interface LanternResult {
  timing: number;
  optimisticEstimate: Estimate;
  pessimisticEstimate: Estimate;
}
type Metric = { request(data: unknown, context: unknown): Promise<LanternResult> };

const [reportPath, only] = process.argv.slice(2);
if (!reportPath) {
  console.error('usage: npm run bench:lantern -- <report.json> [optimistic|pessimistic]');
  process.exit(2);
}
const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const report = read(reportPath) as {
  configSettings: unknown;
  requestedUrl: string;
  finalUrl?: string;
  mainDocumentUrl?: string;
  finalDisplayedUrl: string;
};
const data = {
  trace: read(`${reportPath}.trace.json`),
  devtoolsLog: read(`${reportPath}.devtoolslog.json`),
  settings: report.configSettings,
  gatherContext: { gatherMode: 'navigation' },
  URL: {
    requestedUrl: report.requestedUrl,
    mainDocumentUrl: report.mainDocumentUrl ?? report.finalUrl,
    finalDisplayedUrl: report.finalDisplayedUrl,
  },
  simulator: null,
};
const context = { computedCache: new Map() };
const path = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');
const label = (node: SimNode) =>
  node.type === 'network' && node.request
    ? `${path(node.request.url)} (${node.request.transferSize} B, connection ${node.request.connectionId})`
    : `task of ${Math.round((node.duration ?? 0) / 1000)} ms unthrottled ` +
      path(node.childEvents?.find((e) => e.args?.data?.url)?.args?.data?.url ?? '');

async function main(): Promise<void> {
  const metrics: [string, Metric][] = [
    ['FCP', LanternFirstContentfulPaint as unknown as Metric],
    ['LCP', LanternLargestContentfulPaint as unknown as Metric],
  ];
  for (const [name, metric] of metrics) {
    const result = await metric.request(data, context);
    const { optimisticEstimate: optimistic, pessimisticEstimate: pessimistic } = result;
    console.log(
      `${name} ${Math.round(result.timing)} ms (optimistic ${Math.round(optimistic.timeInMs)}, pessimistic ${Math.round(pessimistic.timeInMs)})`,
    );
    for (const [kind, estimate] of [
      ['optimistic', optimistic],
      ['pessimistic', pessimistic],
    ] as const) {
      if (only && only !== kind) continue;
      const rows = [...estimate.nodeTimings].sort((a, b) => a[1].endTime - b[1].endTime);
      console.log(`  ${kind}: ${rows.length} requests and tasks; the last 25 to finish:`);
      for (const [node, { startTime, endTime }] of rows.slice(-25)) {
        const span = `${Math.round(startTime)}–${Math.round(endTime)} ms`.padStart(14);
        console.log(`    ${span} ${node.type === 'network' ? 'GET ' : ''}${label(node)}`);
      }
    }
  }
}

void main();
