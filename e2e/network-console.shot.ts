// Takes docs/network-console.png: the network console after a few faults, as README shows it.
import { expect, openPage, signIn, test } from './fixtures';

test('network console screenshot', async ({ page, devApi }) => {
  await signIn(page);
  await openPage(page, 'Orders');
  // A retried call, a dropped widget and a token refresh, so every kind of bar shows.
  await devApi.chaos({
    failRate: 0.5,
    routes: ['GET /api/dashboard'],
    seed: 585,
    latencyMs: 40,
    jitterMs: 60,
  });
  await devApi.expireTokens();
  await openPage(page, 'Dashboard');
  await expect(page.getByText('Orders today')).toBeVisible({ timeout: 30_000 });
  await devApi.chaos({ failRate: 1, failStatus: 503, retryAfterS: 1, routes: ['GET /api/me'] });
  await openPage(page, 'Network');
  await page.getByRole('button', { name: 'Send a test call' }).click();
  await expect(page.getByText(/The test call failed/)).toBeVisible();
  await page
    .getByRole('list', { name: 'Recent calls, newest last' })
    .getByRole('button')
    .filter({ hasText: 'GET /api/me' })
    .last()
    .click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/network-console.png', fullPage: false });
});
