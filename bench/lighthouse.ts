// (f) First load: Lighthouse 12 (mobile preset: simulated slow 4G, CPU slowed 4×) against the
// production builds of Keel, of an empty Angular app (bench/empty-app, generated with this
// workspace's CLI by `ng generate application`, nothing changed) and of Keel's floor (its
// dashboard and shell reduced to an `h1`, bench/floor/README.md), all served the same way
// (bench/serve.ts: brotli, `/api` proxied to the dev API). Each page runs `runs` times in one
// Chromium; the medians are compared. Before every run the page's origin is emptied of its
// HTTP cache, service worker and Cache Storage (and, but for the signed-in dashboard, of its
// cookies and storage), so each run is a first visit; the dashboard keeps the session cookie
// of a sign-in made through the page beforehand.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from './bundle';
import { startDevApi } from './dev-api-process';
import { DEMO } from './harness/demo-user';
import { APP_SECURITY_HEADERS } from '../scripts/content-security-policy';
import { distFiles, startOriginServer } from './serve';

export interface LighthouseRun {
  performance: number;
  accessibility: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** The URL Lighthouse ended on (the dashboard must not have gone to sign-in). */
  finalUrl: string;
}

/**
 * `floor`: Keel built with `floor-h1-pages` (bench/floor/README.md): its sign-in page, session
 * restore and dashboard route, the shell and the dashboard reduced to an `h1` in `main`.
 */
export type LighthouseApp = 'keel' | 'empty' | 'floor';

export interface LighthousePage {
  app: LighthouseApp;
  page: string;
  runs: LighthouseRun[];
  /** Each figure's median over the runs. */
  median: Omit<LighthouseRun, 'finalUrl'>;
  /** The biggest diagnostics of the median-performance run, as Lighthouse words them. */
  diagnostics: string[];
  /**
   * The long tasks (over 50 ms) of the median-performance run, in simulated time at 4× CPU, each
   * with the script Lighthouse charges it to (`/` paths; "Unattributable" as it says). Absent in
   * runs recorded before it was kept.
   */
  longTasks?: { script: string; startMs: number; durationMs: number }[];
}

export interface LighthouseResult {
  lighthouse: string;
  runsPerPage: number;
  pages: LighthousePage[];
  errors: string[];
}

// The flags this machine's Chromium needs, shared with Playwright's config and bench/run.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CHROME_FLAGS } = require('../scripts/find-chrome.cjs') as { CHROME_FLAGS: string[] };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

interface Lhr {
  lighthouseVersion: string;
  finalDisplayedUrl: string;
  categories: Record<string, { score: number | null }>;
  audits: Record<
    string,
    {
      numericValue?: number;
      score: number | null;
      displayValue?: string;
      title: string;
      details?: { type?: string };
    }
  >;
}

/** `keelBuild`: a folder `buildApp` already built Keel into (the bundle section's), if any. */
export async function measureLighthouse(options: {
  runs: number;
  chromePath: string;
  keelBuild?: string;
  reportsDir?: string;
  log: (line: string) => void;
}): Promise<LighthouseResult> {
  const { runs, chromePath, log } = options;
  const temp = mkdtempSync(join(tmpdir(), 'keel-bench-lighthouse-'));
  const errors: string[] = [];
  const api = await startDevApi();
  const servers: { close(): Promise<void> }[] = [];
  // Lighthouse and chrome-launcher are ES modules; this file runs as CommonJS.
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const puppeteer = await import('puppeteer-core');
  let chrome: Awaited<ReturnType<typeof chromeLauncher.launch>> | undefined;
  try {
    const keelDir = options.keelBuild ?? join(temp, 'keel');
    if (!options.keelBuild) {
      log('(f) building Keel for production');
      await buildApp(keelDir);
    }
    log('(f) building the empty Angular app (bench/empty-app)');
    await buildApp(join(temp, 'empty'), 'empty');
    log('(f) building the floor: Keel with its pages reduced to an h1 (bench/floor)');
    await buildApp(join(temp, 'floor'), 'keel', ['--configuration=production,floor-h1-pages']);
    // Keel with the headers a deployment sends (README "Security"), the empty app without.
    const serve = async (dir: string, headers?: Readonly<Record<string, string>>) => {
      const server = await startOriginServer({
        apiPort: api.port,
        file: distFiles(join(dir, 'browser')),
        cacheControl: 'no-cache',
        compress: true,
        ...(headers && { headers }),
      });
      servers.push(server);
      // Every file compressed before the first run, as a host that serves precompressed files
      // does: otherwise the first run of each page would time brotli at quality 11.
      const files = readdirSync(join(dir, 'browser'), { recursive: true, withFileTypes: true });
      for (const file of files.filter((entry) => entry.isFile())) {
        const path = join(file.parentPath, file.name).slice(join(dir, 'browser').length);
        for (const encoding of ['br', 'gzip']) {
          const answer = await fetch(server.origin + path, {
            headers: { 'accept-encoding': encoding },
          });
          await answer.arrayBuffer();
        }
      }
      // localhost, as a person types it: a secure context, so the service worker registers.
      return server.origin.replace('127.0.0.1', 'localhost');
    };
    const keel = await serve(keelDir, APP_SECURITY_HEADERS);
    const empty = await serve(join(temp, 'empty'));
    const floor = await serve(join(temp, 'floor'), APP_SECURITY_HEADERS);

    mkdirSync(join(temp, 'profile'));
    chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: CHROME_FLAGS,
      userDataDir: join(temp, 'profile'),
    });
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
    const page = await browser.newPage();
    const cdp = await page.createCDPSession();
    const emptyOrigin = async (origin: string, keepSession: boolean) => {
      await cdp.send('Network.clearBrowserCache');
      await cdp.send('Storage.clearDataForOrigin', {
        origin,
        storageTypes: keepSession ? 'service_workers,cache_storage' : 'all',
      });
    };
    const signIn = async (origin: string) => {
      await emptyOrigin(origin, false);
      await page.goto(`${origin}/sign-in`);
      await page.waitForSelector('input[type="email"]');
      await page.type('input[type="email"]', DEMO.email);
      await page.type('input[type="password"]', DEMO.password);
      await page.click('button[type="submit"]');
      await page.waitForFunction(() => location.pathname === '/dashboard', { timeout: 30_000 });
      await page.goto('about:blank');
    };

    const pages: { app: LighthouseApp; page: string; url: string; signedIn: boolean }[] = [
      { app: 'empty', page: '/', url: `${empty}/`, signedIn: false },
      { app: 'keel', page: '/sign-in', url: `${keel}/sign-in`, signedIn: false },
      { app: 'keel', page: '/dashboard (signed in)', url: `${keel}/dashboard`, signedIn: true },
      { app: 'floor', page: '/dashboard (signed in)', url: `${floor}/dashboard`, signedIn: true },
    ];
    const result: LighthousePage[] = [];
    let version = '';
    for (const target of pages) {
      const origin = new URL(target.url).origin;
      if (target.signedIn) await signIn(origin);
      const measured: { run: LighthouseRun; lhr: Lhr }[] = [];
      for (let i = 0; i < runs; i++) {
        log(`(f) Lighthouse ${target.app} ${target.page}, run ${i + 1} of ${runs}`);
        await emptyOrigin(origin, target.signedIn);
        const answer = await lighthouse(target.url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
          // This file empties the origin itself (the session cookie must stay for the dashboard).
          disableStorageReset: true,
        });
        const lhr = answer?.lhr as unknown as Lhr | undefined;
        if (!lhr) {
          errors.push(`${target.app} ${target.page}: Lighthouse returned nothing`);
          continue;
        }
        version = lhr.lighthouseVersion;
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
        const run: LighthouseRun = {
          performance: lhr.categories['performance']?.score ?? Number.NaN,
          accessibility: lhr.categories['accessibility']?.score ?? Number.NaN,
          fcpMs: audit('first-contentful-paint'),
          lcpMs: audit('largest-contentful-paint'),
          tbtMs: audit('total-blocking-time'),
          cls: audit('cumulative-layout-shift'),
          speedIndexMs: audit('speed-index'),
          finalUrl: lhr.finalDisplayedUrl.replace(origin, ''),
        };
        if (target.signedIn && !run.finalUrl.startsWith('/dashboard')) {
          errors.push(`${target.page}: run ${i + 1} ended on ${run.finalUrl}, not signed in`);
        }
        measured.push({ run, lhr });
        if (options.reportsDir) {
          mkdirSync(options.reportsDir, { recursive: true });
          const name = `${target.app}${target.page.replace(/\W+/g, '-')}${i + 1}.json`;
          writeFileSync(join(options.reportsDir, name), JSON.stringify(lhr));
          // The unthrottled trace Lighthouse's model replays: where a long task's time went.
          // With its DevTools log, Lighthouse's own model can be rerun on it (lantern).
          const artifacts = answer?.artifacts as { Trace?: unknown; DevtoolsLog?: unknown };
          for (const [kind, data] of [
            ['trace', artifacts.Trace],
            ['devtoolslog', artifacts.DevtoolsLog],
          ] as const) {
            if (data)
              writeFileSync(join(options.reportsDir, `${name}.${kind}.json`), JSON.stringify(data));
          }
        }
      }
      if (!measured.length) continue;
      const keys = [
        'performance',
        'accessibility',
        'fcpMs',
        'lcpMs',
        'tbtMs',
        'cls',
        'speedIndexMs',
      ] as const;
      const med = Object.fromEntries(
        keys.map((k) => [k, median(measured.map((m) => m.run[k]))]),
      ) as LighthousePage['median'];
      const typical = [...measured].sort((a, b) => a.run.performance - b.run.performance)[
        Math.floor(measured.length / 2)
      ].lhr;
      result.push({
        app: target.app,
        page: target.page,
        runs: measured.map((m) => m.run),
        median: med,
        diagnostics: diagnosticsOf(typical),
        longTasks: longTasksOf(typical, origin),
      });
    }
    await browser.disconnect();
    return { lighthouse: version, runsPerPage: runs, pages: result, errors };
  } finally {
    chrome?.kill();
    for (const server of servers) await server.close();
    await api.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

/** The `long-tasks` audit's tasks over 50 ms, in the order they ran. */
function longTasksOf(lhr: Lhr, origin: string): LighthousePage['longTasks'] {
  const audit = lhr.audits['long-tasks'] as
    { details?: { items?: { url?: string; startTime?: number; duration?: number }[] } } | undefined;
  return (audit?.details?.items ?? [])
    .filter((task) => (task.duration ?? 0) > 50)
    .map((task) => ({
      script: (task.url ?? '?').replace(origin, ''),
      startMs: Math.round(task.startTime ?? 0),
      durationMs: Math.round(task.duration ?? 0),
    }))
    .sort((a, b) => a.startMs - b.startMs);
}

/** The opportunities and diagnostics that did not pass, biggest saving first. */
function diagnosticsOf(lhr: Lhr): string[] {
  const ids = [
    'unused-javascript',
    'render-blocking-resources',
    'bootup-time',
    'mainthread-work-breakdown',
    'total-byte-weight',
    'critical-request-chains',
    'largest-contentful-paint-element',
    'lcp-lazy-loaded',
    'long-tasks',
    'uses-text-compression',
  ];
  const found = ids
    .map((id) => lhr.audits[id])
    .filter((a) => a && a.score !== null && a.score < 0.9 && a.displayValue)
    .map((a) => `${a.title}: ${a.displayValue}`);
  // Which elements moved, when something did.
  const shifts = lhr.audits['layout-shifts'] as
    | { details?: { items?: { score?: number; node?: { selector?: string; snippet?: string } }[] } }
    | undefined;
  for (const item of shifts?.details?.items?.slice(0, 3) ?? []) {
    found.push(
      `layout shift ${item.score?.toFixed(3)}: ${item.node?.selector ?? item.node?.snippet ?? '?'}`,
    );
  }
  return found;
}
