// `npm run bench:profile`: where the in-page cost of a call goes. Runs one stack over the
// instant backend (the network taken out, as the in-page figure of `npm run bench`) under the
// Chrome DevTools Protocol profiler, unminified, and prints the functions with the most self
// time, and the µs per call with and without the profiler. BENCH_PROFILE_STACK (default keel),
// BENCH_PROFILE_CALLS (default 20000), BENCH_PROFILE_TOP (default 40). BENCH_PROFILE_BURST=N
// profiles a burst of N concurrent calls against the dev API instead, BENCH_PROFILE_THROTTLE=4
// with the CPU slowed (Emulation.setCPUThrottlingRate). BENCH_PROFILE_SEQUENTIAL=N does no
// profiling: N sequential GETs per stack (keel, bare, bare-headers, taking turns) against the
// dev API, each split by its Resource Timing entry into the time before the fetch starts, the
// fetch, and the time from the last byte to the caller (medians, µs). BENCH_PROFILE_FETCH_DEPTH=1
// measures the synchronous cost of one `fetch()` called from stacks of growing depth, in a page
// driven by Playwright and in one driven by bench/cdp.ts (why the bench uses the latter).
// Everything else runs in a bench/cdp.ts page, as `npm run bench` does.
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HARNESS_BASE, buildHarness } from './build-harness';
import { CdpBrowser } from './cdp';
import { startDevApi } from './dev-api-process';
import { startBenchServer } from './serve';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { requireChrome, CHROME_FLAGS } = require('../scripts/find-chrome.cjs') as {
  requireChrome: () => string;
  CHROME_FLAGS: string[];
};

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function main(): Promise<void> {
  const stack = process.env['BENCH_PROFILE_STACK'] ?? 'keel';
  const calls = Number(process.env['BENCH_PROFILE_CALLS'] ?? 20_000);
  const top = Number(process.env['BENCH_PROFILE_TOP'] ?? 40);
  const api = await startDevApi({ ACCESS_TOKEN_TTL_S: '3600' });
  const server = await startBenchServer(api.port, await buildHarness({ minify: false }));
  const browser = await CdpBrowser.launch();
  try {
    const page = await browser.newPage(`${server.origin}${HARNESS_BASE}index.html`);
    await page.waitFor(`'keelBench' in window`);
    if (process.env['BENCH_PROFILE_FETCH_DEPTH']) {
      const options = { url: `${HARNESS_BASE}index.html`, depths: [1, 50, 200, 1000], calls: 300 };
      const plain = await page.bench<Record<string, number>>('fetchDepth', options);
      const playwright = await chromium.launch({
        executablePath: requireChrome(),
        args: CHROME_FLAGS.filter((flag) => flag !== '--headless' && flag !== '--no-sandbox'),
      });
      try {
        const driven = await playwright.newPage();
        await driven.goto(`${server.origin}${HARNESS_BASE}index.html`);
        await driven.waitForFunction(() => 'keelBench' in window);
        const viaPlaywright = await driven.evaluate(
          (o) =>
            (
              window as unknown as {
                keelBench: { fetchDepth(x: typeof o): Promise<Record<string, number>> };
              }
            ).keelBench.fetchDepth(o),
          options,
        );
        console.log('synchronous cost of one fetch() by stack depth, median µs:');
        console.table({ 'bench/cdp.ts page': plain, 'Playwright page': viaPlaywright });
      } finally {
        await playwright.close();
      }
      return;
    }
    const run = (n: number) => page.bench<number>('inPage', { stack, calls: n });
    const burstSize = Number(process.env['BENCH_PROFILE_BURST'] ?? 0);
    const throttle = Number(process.env['BENCH_PROFILE_THROTTLE'] ?? 1);
    const burst = () =>
      page
        .bench<{
          ms: Record<string, number[]>;
        }>('bursts', { stacks: [stack], url: '/api/me', n: burstSize, reps: 1 })
        .then((r) => r.ms[stack][0]);
    const sequential = Number(process.env['BENCH_PROFILE_SEQUENTIAL'] ?? 0);
    if (sequential) {
      const parts = await page.bench('timeline', {
        stacks: ['bare', 'bare-headers', 'keel'],
        url: '/api/me',
        calls: sequential,
      });
      console.log(`${sequential} sequential GET /api/me per stack, medians in µs:`);
      console.table(parts);
      return;
    }
    const cdp = page;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    const plain = burstSize ? await burst() : await run(calls);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    const profiled = burstSize ? await burst() : await run(calls);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    mkdirSync(join(__dirname, '.scratch'), { recursive: true });
    writeFileSync(join(__dirname, '.scratch', 'profile.cpuprofile'), JSON.stringify(profile));

    const perCall = burstSize || calls;
    const self = new Map<number, number>();
    for (let i = 0; i < profile.samples.length; i++)
      self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + profile.timeDeltas[i]);
    const byName = new Map<string, number>();
    let total = 0;
    for (const node of profile.nodes) {
      const us = self.get(node.id) ?? 0;
      total += us;
      const { functionName, url, lineNumber } = node.callFrame;
      const file = url.split('/').pop() ?? '';
      const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
      byName.set(key, (byName.get(key) ?? 0) + us);
    }
    const rows = [...byName].sort((a, b) => b[1] - a[1]).slice(0, top);
    console.log(
      burstSize
        ? `${stack}: burst of ${burstSize} in ${plain.toFixed(0)} ms, ${profiled.toFixed(0)} ms profiled (figures below per call of the burst)`
        : `${stack}: ${plain.toFixed(1)} µs/call, ${profiled.toFixed(1)} µs/call profiled`,
    );
    console.log(`self time per call (µs), of ${(total / perCall).toFixed(1)} µs sampled per call:`);
    for (const [name, us] of rows) console.log(`${(us / perCall).toFixed(2).padStart(7)}  ${name}`);

    // Inclusive time of each function (itself and what it calls), counted once per stack.
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes)
      for (const child of node.children ?? []) parent.set(child, node.id);
    const inclusive = new Map<string, number>();
    const keyOf = (node: ProfileNode) =>
      `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop() ?? ''}:${node.callFrame.lineNumber + 1}`;
    for (const [id, us] of self) {
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const node = byId.get(at);
        if (!node) break;
        const key = keyOf(node);
        if (seen.has(key)) continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + us);
      }
    }
    console.log('inclusive time per call (µs), named functions:');
    for (const [name, us] of [...inclusive]
      .filter(([name, us]) => !name.startsWith('(') && us / calls > 0.5)
      .sort((a, b) => b[1] - a[1])
      .slice(0, top))
      console.log(`${(us / perCall).toFixed(2).padStart(7)}  ${name}`);
  } finally {
    await browser.close();
    await server.close();
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
