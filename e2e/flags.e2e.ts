// Feature flags and version awareness against the real dev API: flags flipped on the server reach
// an open page after its next API response, cached flags survive a failing flags endpoint, and a
// version policy above the app's own (package.json, 0.1.0) blocks or warns.
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

const board = (page: Page) => page.getByTestId('orders-board');
const table = (page: Page) => page.getByTestId('orders-table');

test('flipping enable_new_ui on the server switches the open orders page after its next API response', async ({
  page,
  devApi,
}) => {
  await signIn(page, '/orders');
  await expect(table(page)).toBeVisible();
  await expect(board(page)).toHaveCount(0);
  // Survives only as long as the page is not reloaded.
  await page.evaluate(() => ((window as unknown as { keelMarker: number }).keelMarker = 1));

  await devApi.put('/api/_dev/flags', { flags: { enable_new_ui: true } });
  // The page's own next call (page 2) carries the bumped X-Flags-Version.
  await page.getByRole('button', { name: 'Next page' }).click();

  await expect(board(page)).toBeVisible();
  await expect(table(page)).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { keelMarker?: number }).keelMarker)).toBe(
    1,
  );
});

test('a reloaded app keeps the cached flags while GET /api/flags fails', async ({
  page,
  devApi,
}) => {
  await devApi.put('/api/_dev/flags', { flags: { enable_new_ui: true } });
  await signIn(page, '/orders');
  await expect(board(page)).toBeVisible();

  // Every flags fetch fails from here; then the server drops the override (it would say false
  // now). The open page hears of the change on its flag stream and reloads, which fails: it
  // keeps the board, and so does the cache.
  await devApi.chaos({ failRate: 1, failStatus: 503, routes: ['GET /api/flags'] });
  await devApi.put('/api/_dev/flags', { flags: { enable_new_ui: null } });
  await expect
    .poll(async () => (await devApi.stats()).byStatus['503'] ?? 0, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(3);
  await expect(board(page)).toBeVisible();
  const failedBefore = (await devApi.stats()).byStatus['503'] ?? 0;
  await page.reload();

  // A fresh page load compiles and fetches everything again: give it more than the default.
  await expect(board(page)).toBeVisible({ timeout: 30_000 });
  // The reloaded page's load and its retries have all failed, and the UI still shows the
  // cached value.
  await expect
    .poll(async () => (await devApi.stats()).byStatus['503'] ?? 0, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(failedBefore + 3);
  await expect(board(page)).toBeVisible();
  await expect(table(page)).toHaveCount(0);
});

test('enable_network_console off hides the Network link and its route', async ({
  page,
  devApi,
}) => {
  await devApi.put('/api/_dev/flags', { flags: { enable_network_console: false } });
  await signIn(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Orders' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Network' })).toHaveCount(0);

  await page.goto('/network');
  await expect(page).toHaveURL(/\/dashboard$/);
});

test('a minVersion above the app version shows the blocking update screen', async ({
  page,
  devApi,
}) => {
  await signIn(page);
  await devApi.put('/api/_dev/version-policy', { minVersion: '9.0.0' });
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Orders' })
    .click();

  const screen = page.getByRole('alertdialog', { name: 'Update required' });
  await expect(screen).toBeVisible();
  await expect(screen).toContainText('This version of Keel (0.1.0) is no longer supported.');
  await expect(screen).toContainText('Version 9.0.0 or newer is required.');
  const reload = screen.getByRole('button', { name: 'Reload' });
  await expect(reload).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(screen).toBeVisible();

  await Promise.all([page.waitForEvent('load'), reload.click()]);
  // Still too old after the reload: the first call of the new page gets 426 again.
  await expect(page.getByRole('alertdialog', { name: 'Update required' })).toBeVisible();
});

test('a deprecatedBelow above the app version shows a banner with the sunset that can be dismissed', async ({
  page,
  devApi,
}) => {
  await devApi.put('/api/_dev/version-policy', { deprecatedBelow: '9.0.0', sunset: '2030-01-15' });
  await signIn(page);

  const banner = page.getByRole('status').filter({ hasText: 'is deprecated' });
  await expect(banner).toContainText(
    'This version of Keel (0.1.0) is deprecated and stops working on January 15, 2030.',
  );
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);

  // Dismissed for the browser session: a reload (whose calls are deprecated too) keeps it away.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Orders' })
    .click();
  await expect(table(page)).toBeVisible();
  await expect(page.getByText('is deprecated')).toHaveCount(0);
});
