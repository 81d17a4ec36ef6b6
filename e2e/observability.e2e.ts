import { expect, openPage, signIn, test } from './fixtures';

test('a forced 500 on one route becomes exactly one Sentry event', async ({
  page,
  devApi,
  consoleErrors,
}) => {
  await signIn(page);
  await openPage(page, 'Orders');
  await devApi.reset();
  await devApi.chaos({ failRate: 1, failStatus: 500, routes: ['GET /api/dashboard/top-products'] });
  await openPage(page, 'Dashboard');

  const topProducts = page
    .locator('app-async-panel')
    .filter({ has: page.getByRole('heading', { name: 'Top products' }) });
  await expect(topProducts.getByRole('alert')).toContainText('The server had a problem');
  expect((await devApi.stats()).byRoute['GET /api/dashboard/top-products']).toBe(3);

  const route = 'GET /api/dashboard/top-products';
  await expect
    .poll(
      async () =>
        (await devApi.sentryEvents()).filter((e) => e.event.tags?.['route'] === route).length,
    )
    .toBe(1);
  // Three failed attempts, one logical call, one event: and nothing else about it arrived.
  const events = await devApi.sentryEvents();
  const exceptions = events.filter((e) => 'exception' in e.event);
  expect(exceptions.length).toBe(1);
  expect(exceptions[0].event.tags).toEqual(
    jasmineLike({ 'error.kind': 'server', route, platform: 'web' }),
  );
  void consoleErrors;
});

test('the Network page shows a retried call with all its attempts after failRate is set from its controls', async ({
  page,
  devApi,
  consoleErrors,
}) => {
  await signIn(page);
  await openPage(page, 'Network');

  await page.getByLabel('Fail rate (0–1)').fill('1');
  await page.getByLabel('Routes (comma-separated, empty = all)').fill('GET /api/me');
  await page.getByRole('button', { name: 'Apply faults' }).click();
  await expect(page.getByText('Faults applied.')).toBeVisible();

  await page.getByRole('button', { name: 'Send a test call' }).click();
  await expect(page.getByText(/The test call failed/)).toBeVisible();
  const row = page
    .getByRole('list', { name: 'Recent calls, newest last' })
    .getByRole('button')
    .filter({ hasText: 'GET /api/me' })
    .last();
  await expect(row).toContainText('server · 3 attempts');
  await row.click();
  const attempts = page.getByRole('table', { name: 'Attempts' }).getByRole('row');
  await expect(attempts).toHaveCount(4); // header + 3 attempts
  for (const n of [1, 2, 3]) await expect(attempts.nth(n)).toContainText('503');
  await expect(page.getByRole('table', { name: 'Attempts' })).toContainText(
    'Authorization: Bearer [redacted]',
  );
  expect((await devApi.stats()).byRoute['GET /api/me']).toBe(3);
  void consoleErrors;
});

/** Partial match on an object's keys (the SDK adds tags of its own). */
function jasmineLike(expected: Record<string, string>) {
  return expect.objectContaining(expected);
}
