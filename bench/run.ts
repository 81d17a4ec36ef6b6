// `npm run bench`: the measurements of issues 7, 10 and 13 in one run on this machine. Starts the dev API (free
// port, in-memory database), bundles the browser harness, serves both on one origin, drives
// headless Chromium over the DevTools Protocol (bench/cdp.ts, which says why not through
// Playwright), then builds the app for production. Writes
// bench/results.json and bench/RESULTS.md and prints the summary table.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { HARNESS_BASE, buildHarness } from './build-harness';
import { CdpBrowser } from './cdp';
import { measureBundle } from './bundle';
import { measureLighthouse } from './lighthouse';
import { benchConfig } from './config';
import { startDevApi } from './dev-api-process';
import type { KeelBench } from './harness/main';
import type { StackName } from './harness/stack-names';
import { type BenchResults, renderMarkdown, renderTable } from './report';
import { startBenchServer } from './serve';

// Debian's Chromium, as Playwright's config finds it (Lighthouse starts its own).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { requireChrome } = require('../scripts/find-chrome.cjs') as {
  requireChrome: () => string;
};

const root = join(__dirname, '..');

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

function log(line: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--render')) {
    // Re-renders RESULTS.md and the table from results.json, without measuring anything.
    const saved = JSON.parse(readFileSync(join(__dirname, 'results.json'), 'utf8')) as BenchResults;
    writeFileSync(join(__dirname, 'RESULTS.md'), renderMarkdown(saved));
    process.stdout.write(`${renderTable(saved)}\n`);
    return;
  }
  const config = benchConfig();
  const started = Date.now();
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      kernel: release(),
      loadAverageAtStart: loadavg().map((n) => Number(n.toFixed(2))),
      loadAverageAtEnd: [],
      versions: { ...process.versions },
      chromium: null,
      commit: git(['rev-parse', '--short', 'HEAD']),
      uncommittedFiles: git(['status', '--porcelain']).split('\n').filter(Boolean).length,
    },
    config,
    durationMs: 0,
  };

  const browserSections = config.sections.filter((s) => s !== 'bundle' && s !== 'lighthouse');
  if (browserSections.length) {
    log('starting the dev API, bundling the harness');
    const api = await startDevApi({ ACCESS_TOKEN_TTL_S: String(config.accessTokenTtlS) });
    let browser: CdpBrowser | undefined;
    const server = await startBenchServer(api.port, await buildHarness());
    try {
      browser = await CdpBrowser.launch();
      results.machine.chromium = await browser.version();
      const page = await browser.newPage(`${server.origin}${HARNESS_BASE}index.html`);
      await page.waitFor(`'keelBench' in window`);
      // A slow device: Chrome DevTools Protocol's CPU throttling (DevTools' "low-end mobile" is 4×).
      const throttled = async <T>(task: () => Promise<T>): Promise<T> => {
        await page.send('Emulation.setCPUThrottlingRate', { rate: config.throttle });
        try {
          return await task();
        } finally {
          await page.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        }
      };
      const bench = <K extends keyof KeelBench>(
        name: K,
        arg: Parameters<KeelBench[K]>[0],
      ): Promise<Awaited<ReturnType<KeelBench[K]>>> => page.bench(name, arg);

      if (config.sections.includes('overhead')) {
        log(
          `(a) overhead: ${config.overhead.sequential} sequential + ${config.overhead.concurrent} concurrent GETs × ${config.overhead.reps} reps`,
        );
        results.overhead = await bench('overhead', {
          stacks: ['bare', 'keel', 'keel-app', 'bare-headers'],
          concurrentStacks: ['bare', 'keel'],
          baseline: 'bare',
          ...config.overhead,
        });
        if (config.overhead.concurrent && config.overhead.throttledReps) {
          log(
            `(a) ${config.overhead.concurrent} concurrent GETs × ${config.overhead.throttledReps} reps, CPU throttled ${config.throttle}×`,
          );
          results.burstsThrottled = {
            throttle: config.throttle,
            ...(await throttled(() =>
              bench('bursts', {
                stacks: ['bare', 'keel'],
                url: config.overhead.url,
                n: config.overhead.concurrent,
                reps: config.overhead.throttledReps,
              }),
            )),
          };
        }
      }
      if (config.sections.includes('storm')) {
        results.storm = [];
        const stormStacks: StackName[] = ['keel', 'naive-auth', 'axios-auth-refresh'];
        const runs = [
          ...config.storm.ns.map((n) => ({ n, throttle: 1 })),
          ...config.storm.throttledNs.map((n) => ({ n, throttle: config.throttle })),
        ];
        for (const { n, throttle } of runs) {
          for (const stack of stormStacks) {
            log(
              `(b) refresh storm: N=${n}, ${stack}${throttle > 1 ? `, CPU throttled ${throttle}×` : ''}`,
            );
            const options = { stack, n, reps: config.storm.reps, url: config.storm.url, throttle };
            results.storm.push(
              throttle > 1
                ? await throttled(() => bench('storm', options))
                : await bench('storm', options),
            );
          }
        }
      }
      if (config.sections.includes('outage')) {
        results.outage = [];
        for (const stack of ['keel', 'naive-retry', 'axios-retry', 'ky'] as StackName[]) {
          log(`(c) outage: ${config.outage.durationMs} ms of 503, ${stack}`);
          results.outage.push(await bench('outage', { stack, ...config.outage }));
        }
      }
      if (config.sections.includes('soak')) {
        results.soak = [];
        const runs: [StackName, number][] = [
          ['keel', config.soak.calls],
          ['naive', config.soak.peerCalls],
          ['axios', config.soak.peerCalls],
        ];
        for (const [stack, calls] of runs) {
          if (!calls) continue;
          log(`(d) chaos soak: ${calls} calls, ${stack}`);
          const { peerCalls, ...soak } = config.soak;
          void peerCalls;
          results.soak.push(await bench('soak', { ...soak, stack, calls }));
        }
      }
      results.pageCounters = await bench('counters', undefined as never);
    } finally {
      await browser?.close();
      await server.close();
      await api.stop();
    }
  }

  // One production build for both sections: the bundle is measured, then served to Lighthouse.
  const build = mkdtempSync(join(tmpdir(), 'keel-bench-build-'));
  try {
    if (config.sections.includes('bundle')) {
      log('(e) bundle: NG_BUILD_OPTIMIZE_CHUNKS=1 ng build --stats-json (as npm run build)');
      try {
        results.bundle = await measureBundle(build);
      } catch (error) {
        results.bundleError = String(error);
      }
    }
    if (config.sections.includes('lighthouse')) {
      try {
        results.lighthouse = await measureLighthouse({
          runs: config.lighthouse.runs,
          chromePath: requireChrome(),
          keelBuild: results.bundle ? build : undefined,
          reportsDir: config.lighthouse.reportsDir,
          log,
        });
      } catch (error) {
        results.lighthouseError = String(error);
      }
    }
  } finally {
    rmSync(build, { recursive: true, force: true });
  }

  results.machine.loadAverageAtEnd = loadavg().map((n) => Number(n.toFixed(2)));
  results.durationMs = Date.now() - started;
  // Formatted as Prettier would, so `npm run lint` (prettier --check .) stays green.
  const jsonPath = join(__dirname, 'results.json');
  writeFileSync(
    jsonPath,
    await format(JSON.stringify(results), {
      ...(await resolveConfig(jsonPath)),
      filepath: jsonPath,
    }),
  );
  writeFileSync(join(__dirname, 'RESULTS.md'), renderMarkdown(results));
  process.stdout.write(`${renderTable(results)}\n`);
  log(`done in ${Math.round(results.durationMs / 1000)} s: bench/RESULTS.md, bench/results.json`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
