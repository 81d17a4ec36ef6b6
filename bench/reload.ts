// `npm run bench:reload`: a reload of the signed-in dashboard on a phone-like connection, with
// real throttling instead of Lighthouse's simulation. Chromium throttles through the DevTools
// Protocol: 150 ms of latency, 1.6 Mbps down and 750 kbps up (Lighthouse's slow 4G) and the CPU
// 4x slower. Lighthouse's figures (`npm run bench`, section (f)) come from a model that replays
// an unthrottled load; this measures what a browser does, so a change to what waits for what
// (the session restore's calls, the chunks a page needs) shows up here even when the model
// misses it.
//
// Serves the production build (`npm run build` first: dist/keel/browser) as the bench does,
// signs in through the page in a fresh browser context, then reloads /dashboard and prints, per
// cache state, the median time from navigation to the page's data painted (all four panels
// filled) and to the last largest-contentful-paint entry, and the blocking time of the long
// tasks the browser reported (each one's part over 50 ms, summed). Cold: the browser's cache disabled (a
// first visit). Warm: the hashed files from the HTTP cache (a returning visitor; the service
// worker, blocked here, does the same). BENCH_RELOAD_RUNS (default 5), BENCH_RELOAD_CACHE
// (cold, warm or both: the default), BENCH_RELOAD_TIMELINE=1 prints one run's Resource Timing.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startDevApi } from './dev-api-process';
import { DEMO } from './harness/demo-user';
import { distFiles, startOriginServer } from './serve';
import { APP_SECURITY_HEADERS } from '../scripts/content-security-policy';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { requireChrome, CHROME_FLAGS } = require('../scripts/find-chrome.cjs') as {
  requireChrome: () => string;
  CHROME_FLAGS: string[];
};

const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: 1.6e6 / 8,
  uploadThroughput: 750e3 / 8,
};
const CPU_SLOWDOWN = 4;

type Cache = 'cold' | 'warm';
/** One reload: ms from navigation to the data painted and to LCP, and its long tasks (ms). */
interface Figures {
  data: number;
  lcp: number;
  tasks: number[];
}

async function main(): Promise<void> {
  const build = join(__dirname, '..', 'dist', 'keel', 'browser');
  if (!existsSync(join(build, 'index.html'))) {
    throw new Error(`No production build in ${build}: run \`npm run build\` first.`);
  }
  const runs = Number(process.env['BENCH_RELOAD_RUNS'] ?? 5);
  const wanted = process.env['BENCH_RELOAD_CACHE'] ?? 'both';
  const caches: Cache[] = wanted === 'both' ? ['cold', 'warm'] : [wanted as Cache];
  const api = await startDevApi();
  const browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_FLAGS });
  try {
    for (const cache of caches) {
      // Hashed files may be cached for good, as a host serves them; index.html and the API
      // answers are not (the server sends their own headers).
      const server = await startOriginServer({
        apiPort: api.port,
        file: distFiles(build),
        compress: true,
        headers: APP_SECURITY_HEADERS,
        cacheControl: cache === 'warm' ? 'max-age=31536000' : 'no-store',
      });
      const origin = server.origin.replace('127.0.0.1', 'localhost');
      const figures: Figures[] = [];
      for (let run = 0; run < runs; run++) {
        const timeline = run === 0 && process.env['BENCH_RELOAD_TIMELINE'] === '1';
        figures.push(await reload(browser, origin, cache, timeline));
      }
      figures.sort((a, b) => a.data - b.data);
      const median = (pick: (f: Figures) => number) =>
        [...figures.map(pick)].sort((a, b) => a - b)[figures.length >> 1];
      // Blocking time as Lighthouse sums it (each long task's part over 50 ms), here over the
      // whole reload up to the data painted + 0.5 s, from the browser's own long tasks.
      const blocking = (f: Figures) => f.tasks.reduce((sum, ms) => sum + Math.max(0, ms - 50), 0);
      console.log(
        `${cache}: data painted ${median((f) => f.data)} ms, LCP ${median((f) => f.lcp)} ms, ` +
          `blocking ${median(blocking)} ms (medians of ${runs}; each run data/LCP/long tasks: ` +
          `${figures.map((f) => `${f.data}/${f.lcp}/[${f.tasks.join(' ')}]`).join(', ')})`,
      );
      await server.close();
    }
  } finally {
    await browser.close();
    await api.stop();
  }
}

async function reload(
  browser: import('@playwright/test').Browser,
  origin: string,
  cache: Cache,
  timeline: boolean,
): Promise<Figures> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/sign-in`);
    await page.getByLabel('Email').fill(DEMO.email);
    await page.getByLabel('Password').fill(DEMO.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/dashboard');
    await page.addInitScript(() => {
      const seen = window as unknown as {
        benchLcp: number;
        benchData: number;
        benchTasks: number[];
      };
      seen.benchLcp = 0;
      seen.benchData = 0;
      seen.benchTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) seen.benchTasks.push(Math.round(entry.duration));
      }).observe({ type: 'longtask', buffered: true });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) seen.benchLcp = entry.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
      // The four panels filled: the summary's figures, the revenue bars, and two lists.
      new MutationObserver(() => {
        if (
          !seen.benchData &&
          document.querySelector('.figures') &&
          document.querySelector('.bars li') &&
          document.querySelectorAll('.list').length >= 2
        ) {
          seen.benchData = performance.now();
        }
      }).observe(document, { subtree: true, childList: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: cache === 'cold' });
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(`${origin}/dashboard`);
    await page.waitForFunction(() => (window as unknown as { benchData: number }).benchData > 0);
    // The LCP entry of the data's paint is reported after that paint, in a later frame.
    await page.waitForFunction(() => {
      const seen = window as unknown as { benchLcp: number; benchData: number };
      return seen.benchLcp > 0 && performance.now() > seen.benchData + 500;
    });
    if (timeline) {
      const entries = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map(
            (e) =>
              `${Math.round(e.startTime)}–${Math.round((e as PerformanceResourceTiming).responseEnd)} ms ${new URL(e.name).pathname}`,
          ),
      );
      console.log(`${cache}, one run's requests:\n  ${entries.join('\n  ')}`);
    }
    return await page.evaluate(() => {
      const seen = window as unknown as {
        benchLcp: number;
        benchData: number;
        benchTasks: number[];
      };
      return {
        data: Math.round(seen.benchData),
        lcp: Math.round(seen.benchLcp),
        tasks: seen.benchTasks,
      };
    });
  } finally {
    await context.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
