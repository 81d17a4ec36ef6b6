// Offline (issue 12): pages open without a connection once their code is preloaded. (A page
// whose code cannot be downloaded is covered in shell-layout.spec.ts: with preloading on, an
// e2e run cannot keep a chunk from arriving before the test cuts the network.)
import { expect, openPage, signIn, test } from './fixtures';

test('pages never visited open offline once the app has preloaded them', async ({
  page,
  context,
}) => {
  // The flag stream is an open connection, so the network would never be idle: here the
  // backend has none (a 404, the app polls instead), which this test is not about.
  await context.route('**/api/flags/stream', (route) => route.fulfill({ status: 404 }));
  await signIn(page, '/dashboard', { flagStream: false });
  // IdlePreloading fetches every page's code once the app is idle: wait for the network to
  // settle, then cut it.
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);
  await expect(page.getByTestId('offline-banner')).toBeVisible();

  await openPage(page, 'Orders');
  await expect(page.getByRole('alert').filter({ hasText: 'You are offline' })).toBeVisible();
  await page.getByRole('link', { name: 'New order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New order' })).toBeVisible();
  await context.setOffline(false);
});
