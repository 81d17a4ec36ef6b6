// Shared e2e fixtures: every test starts from a reset dev API and fails on any browser console
// error, uncaught page error or Content-Security-Policy violation (in any of its tabs). `devApi` talks to the dev API directly (not through the app).
import {
  test as base,
  expect,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import type { ChaosConfig, DevStatsJson } from '../contracts/dev-api';

export const API_URL = `http://127.0.0.1:${process.env['KEEL_E2E_API_PORT'] ?? 3100}`;
export const DEMO = { email: 'demo@keel.dev', password: 'keel-demo' };

export interface DevApi {
  readonly request: APIRequestContext;
  /** Checks the Sentry sink for secrets, then clears stats, chaos, flags, policy and events. */
  reset(data?: boolean): Promise<void>;
  sentryEvents(): Promise<SentryEvents['events']>;
  /**
   * Replaces the chaos config. Partial: the server gives every absent field its default, so a
   * test names only the faults it wants and `{}` turns chaos off.
   */
  chaos(config: Partial<ChaosConfig>): Promise<void>;
  stats(): Promise<DevStatsJson>;
  expireTokens(): Promise<void>;
  put(path: string, body: unknown): Promise<void>;
}

export interface SentryEvents {
  events: {
    receivedAt: string;
    project: string;
    event: Record<string, unknown> & { tags?: Record<string, string>; message?: unknown };
  }[];
}

interface Fixtures {
  devApi: DevApi;
  consoleErrors: string[];
  /**
   * Every `securitypolicyviolation` of every page of the test's browser context; the test
   * fails if any is left at its end (a test that provokes one on purpose empties it).
   */
  cspViolations: string[];
}

export const test = base.extend<Fixtures>({
  devApi: async ({ playwright, context }, use) => {
    const request = await playwright.request.newContext({ baseURL: API_URL });
    // Before any reset clears them, every Sentry envelope the app sent is checked for secrets,
    // so the whole run is covered: no JWT (the access token), no refresh cookie value.
    const assertNoSecretsInSentry = async () => {
      const envelopes = await (await request.get('/api/_dev/sentry/events')).text();
      expect(envelopes, 'a Sentry envelope carries a JWT').not.toMatch(
        /eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,}/,
      );
      for (const cookie of await context.cookies()) {
        if (cookie.name === 'keel_refresh' && cookie.value) {
          expect(
            envelopes.includes(cookie.value),
            'a Sentry envelope carries the refresh token',
          ).toBe(false);
        }
      }
    };
    const send = async (method: 'post' | 'put', path: string, data?: unknown) => {
      const response = await request[method](path, { data });
      expect(response.ok(), `${method.toUpperCase()} ${path} → ${response.status()}`).toBe(true);
    };
    const devApi: DevApi = {
      request,
      reset: async (data = false) => {
        await assertNoSecretsInSentry();
        await send('post', '/api/_dev/reset', { data });
      },
      sentryEvents: async () =>
        ((await (await request.get('/api/_dev/sentry/events')).json()) as SentryEvents).events,
      chaos: (config) => send('put', '/api/_dev/chaos', config),
      expireTokens: () => send('post', '/api/_dev/expire-tokens'),
      put: (path, body) => send('put', path, body),
      stats: async () => (await (await request.get('/api/_dev/stats')).json()) as DevStatsJson,
    };
    await devApi.reset();
    await use(devApi);
    await devApi.reset();
    await request.dispose();
  },
  // Every test fails on a console error of its page (auto: no test has to ask for it); a test
  // that opens more tabs passes this list to watchConsole for each.
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      watchConsole(page, errors);
      await use(errors);
      expect(errors, 'browser console errors').toEqual([]);
    },
    { auto: true },
  ],
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.exposeBinding('__keelCspViolation', (_source, text: string) => {
        violations.push(text);
      });
      await context.addInitScript(() => {
        // Element-targeted violations bubble up to the window; document ones reach it too.
        addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { __keelCspViolation(text: string): void })
            .__keelCspViolation;
          void report(
            `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} ` +
              `at ${event.sourceFile || location.href}:${event.lineNumber} ${event.sample}`,
          );
        });
      });
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Collects `page`'s console errors and uncaught errors into `errors` (the `consoleErrors`
 * fixture does it for `page`; a test that opens more tabs calls it for each).
 */
export function watchConsole(page: Page, errors: string[]): void {
  page.on('console', (message) => {
    // Chromium logs every non-2xx response as "Failed to load resource"; those are answers the
    // app expects and handles (a wrong password, a restore after sign-out, injected faults),
    // not errors of the app. Everything else logged as an error fails the test.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(String(error)));
}

/** Opens `count` more tabs of the context at `path`, each failing the test on a console error. */
export async function moreTabs(
  context: BrowserContext,
  count: number,
  path: string,
  errors: string[],
): Promise<Page[]> {
  const tabs: Page[] = [];
  for (let i = 0; i < count; i++) {
    const tab = await context.newPage();
    watchConsole(tab, errors);
    await tab.goto(path);
    tabs.push(tab);
  }
  return tabs;
}

/** How many flag streams the dev API has opened since its last reset. */
async function flagStreamsOpened(): Promise<number> {
  const stats = (await (await fetch(`${API_URL}/api/_dev/stats`)).json()) as DevStatsJson;
  return stats.flagStreams.opened;
}

/**
 * Signs in through the page, as a person would, and waits until the app has settled: its flag
 * stream (opened once the app is stable) is open, so no call of its own comes later and lands
 * between the test's next steps. `flagStream: false` for a test whose backend has no stream.
 */
export async function signIn(
  page: Page,
  returnPath = '/',
  { flagStream = true }: { flagStream?: boolean } = {},
): Promise<void> {
  const opened = flagStream ? await flagStreamsOpened() : 0;
  await page.goto(returnPath);
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  if (flagStream)
    await expect
      .poll(flagStreamsOpened, { message: 'the flag stream opens after sign-in' })
      .toBeGreaterThan(opened);
}

/**
 * Goes to a page through the main navigation, as a person would, and waits until it is there:
 * the URL has changed and its heading shows (lazy pages can take a moment on a busy machine).
 */
export async function openPage(
  page: Page,
  name: 'Dashboard' | 'Orders' | 'Network',
): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
  await expect(page).toHaveURL(new RegExp(`/${name.toLowerCase()}(\\?.*)?$`));
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
}
