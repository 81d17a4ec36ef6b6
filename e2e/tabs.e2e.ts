// One session across the tabs of one browser (issue 11): tabs of one Playwright context share
// cookies, the BroadcastChannel and the Web Lock, as the tabs of one Chromium profile do.
import { DEMO, expect, moreTabs, openPage, signIn, test } from './fixtures';

for (const count of [2, 3]) {
  test(`signing out in one of ${count} tabs signs out every tab within 1 s, saying so`, async ({
    page,
    context,
    consoleErrors,
  }) => {
    await signIn(page);
    const others = await moreTabs(context, count - 1, '/orders', consoleErrors);
    for (const tab of others)
      await expect(tab.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();

    await page.getByRole('button', { name: 'Sign out' }).click();
    const started = Date.now();
    for (const tab of others) {
      // The goal is the timeout: every other tab is on the sign-in page within one second.
      await expect(tab.getByText('You signed out in another tab.')).toBeVisible({
        timeout: Math.max(1, 1000 - (Date.now() - started)),
      });
      await expect(tab).toHaveURL(/\/sign-in\?reason=signed-out&returnUrl=%2Forders$/);
      await expect(tab.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
    }
    await expect(page.getByRole('heading', { name: 'Sign in to Keel' })).toBeVisible();
  });

  test(`after expire-tokens, navigating in each of ${count} tabs costs exactly one refresh`, async ({
    page,
    context,
    devApi,
    consoleErrors,
  }) => {
    await signIn(page);
    const tabs = [page, ...(await moreTabs(context, count - 1, '/dashboard', consoleErrors))];
    for (const tab of tabs)
      await expect(tab.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await devApi.reset();
    await devApi.expireTokens();

    for (const tab of tabs) {
      await openPage(tab, 'Orders');
      await expect(tab.getByRole('row').nth(1)).toBeVisible();
    }
    const stats = await devApi.stats();
    expect(stats.refresh).toEqual({ ok: 1, failed: 0 });
  });
}

test('signing in in one tab signs in the other tabs, each to its own return URL', async ({
  page,
  context,
  consoleErrors,
}) => {
  await page.goto('/orders');
  await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Forders$/);
  const [other] = await moreTabs(context, 1, '/dashboard', consoleErrors);
  await expect(other).toHaveURL(/\/sign-in\?returnUrl=%2Fdashboard$/);

  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await expect(other.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(other.getByRole('button', { name: 'Sign out' })).toBeVisible();
});
