import type { Locator, Page } from '@playwright/test';
import { expect, openPage, signIn, test } from './fixtures';

const WIDGETS = ['Today', 'Revenue, last 30 days', 'Top products', 'Recent activity'] as const;

function widget(page: Page, heading: (typeof WIDGETS)[number]): Locator {
  return page
    .locator('app-async-panel')
    .filter({ has: page.getByRole('heading', { name: heading }) });
}

/** A widget has rendered its data: no progress bar, no error, and its content is there. */
async function expectAllWidgetsRendered(page: Page): Promise<void> {
  await expect(widget(page, 'Today').getByText('Orders today')).toBeVisible();
  await expect(
    widget(page, 'Revenue, last 30 days').getByRole('list', { name: 'Revenue per day' }),
  ).toBeVisible();
  await expect(widget(page, 'Top products').getByRole('listitem').first()).toBeVisible();
  await expect(widget(page, 'Recent activity').getByRole('listitem').first()).toBeVisible();
  for (const heading of WIDGETS)
    await expect(widget(page, heading).getByRole('alert')).toHaveCount(0);
}

test('four parallel dashboard calls after expire-tokens cause exactly one refresh', async ({
  page,
  devApi,
}) => {
  await signIn(page);
  await expectAllWidgetsRendered(page);
  await openPage(page, 'Orders');
  await devApi.reset();
  await devApi.expireTokens();

  await openPage(page, 'Dashboard');
  await expectAllWidgetsRendered(page);
  const stats = await devApi.stats();
  expect(stats.refresh).toEqual({ ok: 1, failed: 0 });
  // Each of the four widgets got its 401 (a background call may add one more) and waited for
  // the one refresh.
  expect(stats.byStatus['401']).toBeGreaterThanOrEqual(4);
});

test('the dashboard still loads with failRate 0.5 on GET routes', async ({ page, devApi }) => {
  await signIn(page);
  await openPage(page, 'Orders');
  // Seed 585 fixes the server's draws: the first attempt of every widget fails and the next ones
  // pass, so half of the first 8 calls fail (a 0.5 rate) and only retries can carry the page.
  await devApi.chaos({ failRate: 0.5, failStatus: 503, routes: ['GET /api/dashboard'], seed: 585 });
  await openPage(page, 'Dashboard');
  await expectAllWidgetsRendered(page);
  const stats = await devApi.stats();
  expect(stats.byStatus['503']).toBe(4);
  expect(stats.byStatus['200']).toBeGreaterThanOrEqual(4);
});

test('a dropped dashboard call shows a network error in its widget, and Retry works', async ({
  page,
  devApi,
}) => {
  await signIn(page);
  await openPage(page, 'Orders');
  await devApi.reset();
  await devApi.chaos({ dropRate: 1, routes: ['GET /api/dashboard/revenue'] });
  await openPage(page, 'Dashboard');

  const revenue = widget(page, 'Revenue, last 30 days');
  await expect(revenue.getByRole('alert')).toContainText('Cannot reach the server');
  await expect(widget(page, 'Top products').getByRole('listitem').first()).toBeVisible();
  // Three attempts from the app (Chromium may resend a request once on its own when a reused
  // connection dies, so the server can see more).
  expect((await devApi.stats()).byRoute['GET /api/dashboard/revenue']).toBeGreaterThanOrEqual(3);

  await devApi.chaos({});
  await revenue.getByRole('button', { name: 'Retry' }).click();
  await expect(revenue.getByRole('list', { name: 'Revenue per day' })).toBeVisible();
  await expect(revenue.getByRole('alert')).toHaveCount(0);
});

test('a page reload restores the session through the refresh cookie', async ({ page, devApi }) => {
  await signIn(page);
  await openPage(page, 'Orders');
  await page.reload();
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect((await devApi.stats()).refresh.ok).toBe(1);
});

test('after a reload the dashboard shows its data without waiting for /api/me, and the name once it answers', async ({
  page,
  devApi,
}) => {
  await signIn(page);
  await expectAllWidgetsRendered(page);
  await devApi.chaos({ latencyMs: 5_000, routes: ['GET /api/me'] });
  let meAnswered = false;
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/api/me') meAnswered = true;
  });
  await page.reload();
  // The session is restored once the refresh answers: the page's calls do not queue behind
  // /api/me, only the user's name does.
  await expectAllWidgetsRendered(page);
  expect(meAnswered).toBe(false);
  await expect(page.getByText('Signed in as')).toBeAttached();
  expect(meAnswered).toBe(true);
});

test("a reload sends the dashboard's four calls once, while the page's code is still downloading", async ({
  page,
}) => {
  await signIn(page);
  await expectAllWidgetsRendered(page);
  const calls: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/dashboard/')) calls.push(path);
  });
  // The dashboard page's own code is held back until its four calls have left: they start
  // when the route resolves (prefetchGets), not when the page is created.
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/chunk-[^/]+\.js$/, async (route) => {
    const response = await route.fetch();
    if ((await response.text()).includes('app-dashboard-page')) await held;
    await route.fulfill({ response });
  });
  await page.reload();
  await expect.poll(() => calls.length).toBe(4);
  release();
  await expectAllWidgetsRendered(page);
  // The page read the answers its route started: no second call for any of them.
  expect(calls.sort()).toEqual([
    '/api/dashboard/activity',
    '/api/dashboard/revenue',
    '/api/dashboard/summary',
    '/api/dashboard/top-products',
  ]);
});

test('two tabs whose calls get 401 at the same moment share one refresh and both stay signed in', async ({
  page,
  context,
  devApi,
}) => {
  await signIn(page);
  await openPage(page, 'Orders');
  const second = await context.newPage();
  await second.goto('/orders');
  await expect(second.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await devApi.reset();
  await devApi.expireTokens();

  await Promise.all([openPage(page, 'Dashboard'), openPage(second, 'Dashboard')]);
  await Promise.all([page, second].map((tab) => expectAllWidgetsRendered(tab)));
  const stats = await devApi.stats();
  // The tab that got the lock refreshed; the other waited for the lock and adopted its token.
  expect(stats.refresh).toEqual({ ok: 1, failed: 0 });

  // Both tabs still hold a working session: reload each and it comes back signed in.
  for (const tab of [page, second]) {
    await tab.reload();
    await expect(tab.getByRole('button', { name: 'Sign out' })).toBeVisible();
  }
});
