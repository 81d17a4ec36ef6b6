// e2e against the real dev API (own port, in-memory SQLite) and `ng serve` (own port, proxying
// /api to that API), in Debian's Chromium; the service worker's tests run against the
// production build (scripts/serve-dist.ts, own port, the same API). One worker: chaos, flags and the version policy are
// global server state, so tests run one after another and reset it in beforeEach.
import { defineConfig } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Playwright loads this file as CommonJS, so the shared launcher settings come in by require.
const { requireChrome, CHROME_FLAGS } = require('./scripts/find-chrome.cjs') as {
  requireChrome: () => string;
  CHROME_FLAGS: string[];
};

// KEEL_E2E_API_PORT / KEEL_E2E_APP_PORT let two runs share a machine.
export const API_PORT = Number(process.env['KEEL_E2E_API_PORT'] ?? 3100);
export const APP_PORT = Number(process.env['KEEL_E2E_APP_PORT'] ?? 4300);
/** The production build (service worker on), served with /api proxied to the same API. */
export const PROD_PORT = APP_PORT + 100;
export const PROD_ORIGIN = `http://localhost:${PROD_PORT}`;
/** Where the served copy of the build lives; a test "deploys" a new version by changing it. */
export const PROD_DIST_DIR = join(tmpdir(), `keel-e2e-dist-${PROD_PORT}`);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.e2e.ts',
  // One output folder per port pair, so two runs on one machine do not delete each other's files.
  outputDir: APP_PORT === 4300 ? 'test-results' : `test-results/port-${APP_PORT}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  // Generous: a 2-core CI machine builds the app and runs Chromium at once. Tests wait on
  // conditions, so a longer limit costs nothing when things are fast.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['./e2e/count-reporter.ts']],
  use: {
    baseURL: `http://localhost:${APP_PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: requireChrome(),
      // Playwright adds its own headless and sandbox flags. RenderDocument (a new frame host for
      // every navigation, on by default in Chromium 150) loses the emulated offline state of
      // navigator.onLine on a navigation the service worker answers (context.setOffline), so
      // an app opened offline would believe it is online; real offline is not affected.
      args: [
        ...CHROME_FLAGS.filter((flag) => flag !== '--headless' && flag !== '--no-sandbox'),
        '--disable-features=RenderDocument',
      ],
    },
  },
  webServer: [
    {
      command: 'npx tsx server/src/main.ts',
      url: `http://127.0.0.1:${API_PORT}/api/_dev/stats`,
      env: { API_PORT: String(API_PORT), DB_PATH: ':memory:', NODE_ENV: 'development' },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx ng serve --port ${APP_PORT} --no-hmr --no-live-reload`,
      url: `http://localhost:${APP_PORT}`,
      env: { API_PORT: String(API_PORT) },
      reuseExistingServer: false,
      timeout: 180_000,
    },
    {
      command: 'npm run --silent build && npx tsx scripts/serve-dist.ts',
      url: PROD_ORIGIN,
      env: { API_PORT: String(API_PORT), APP_PORT: String(PROD_PORT), DIST_DIR: PROD_DIST_DIR },
      reuseExistingServer: false,
      timeout: 240_000,
    },
  ],
});
