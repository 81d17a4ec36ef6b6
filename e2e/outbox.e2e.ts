// The outbox (issue 12): changes made offline wait on the device and are sent once, in order,
// when the connection is back. The reload test runs against the production build, where the
// service worker lets the page reload with no network.
import { PROD_ORIGIN } from '../playwright.config';
import { expect, openPage, signIn, test } from './fixtures';
import {
  apiToken,
  openFirstOrder,
  choose,
  fillOrderForm,
  getOrder,
  patchOrder,
} from './orders-helpers';
import { seriousViolations } from './axe';
import { appCached } from './production-build';

test.describe('in the production build', () => {
  test.use({ baseURL: PROD_ORIGIN });

  test('an order created offline survives a reload and is created once when back online', async ({
    page,
    context,
    devApi,
  }) => {
    await signIn(page, '/orders/new');
    await appCached(page);
    await page.reload();
    await appCached(page);
    await fillOrderForm(page, ['3']);

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Create order' }).click();
    await expect(
      page
        .locator('mat-snack-bar-container')
        .filter({ hasText: 'You are offline. The order is kept on this device' }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/orders$/);
    const outbox = page.getByTestId('outbox');
    await expect(outbox).toContainText('Waiting to send · 1');

    // Reloaded with no network: the app opens from the service worker, the order still waits.
    await page.reload();
    await expect(outbox).toContainText('Waiting to send · 1');
    await outbox.getByText('Waiting to send').click();
    await expect(outbox.getByTestId('outbox-entry')).toContainText('New order for');
    expect((await devApi.stats()).ordersCreated).toBe(0);

    await context.setOffline(false);
    await expect(
      page
        .locator('mat-snack-bar-container')
        .filter({ hasText: 'created (it was waiting to send)' }),
    ).toBeVisible();
    await expect(outbox).toHaveCount(0);
    const stats = await devApi.stats();
    expect(stats.ordersCreated).toBe(1);
    expect(stats.byRoute['POST /api/orders']).toBe(1);
    // The list (newest first) shows it without a manual reload.
    const token = await apiToken(devApi.request);
    const newest = (await devApi.request
      .get('/api/orders?pageSize=1', {
        headers: { Authorization: `Bearer ${token}` },
      })
      .then((r) => r.json())) as { items: { number: string }[] };
    await expect(page.getByTestId('orders-table').getByRole('row').nth(1)).toContainText(
      newest.items[0].number,
    );
  });
});

test('an edit made offline and replayed against a newer version opens the conflict dialog', async ({
  page,
  context,
  devApi,
}) => {
  const { token, order } = await openFirstOrder(page, devApi, 'pending');

  await context.setOffline(true);
  await page.getByRole('textbox', { name: 'Notes' }).fill('Written offline');
  await page.getByRole('button', { name: 'Save notes' }).click();
  await expect(
    page
      .locator('mat-snack-bar-container')
      .filter({ hasText: 'You are offline. The change is kept on this device' }),
  ).toBeVisible();
  await expect(page.getByTestId('order-queued')).toContainText(
    `Order ${order.number}: notes: waiting to send.`,
  );

  // Meanwhile someone else saves the order.
  const theirs = `Changed by a colleague (${Date.now()})`;
  await patchOrder(devApi, token, order.id, { notes: theirs });
  await context.setOffline(false);

  const dialog = page.getByRole('dialog', { name: 'This order was changed by someone else' });
  await expect(dialog).toContainText('waited to be sent while you were offline');
  await expect(dialog.getByTestId('conflict-notes')).toContainText('Written offline');
  await expect(dialog.getByTestId('conflict-notes')).toContainText(theirs);
  await dialog.getByRole('button', { name: 'Overwrite with my change' }).click();

  await expect(page.getByTestId('order-queued')).toHaveCount(0);
  await expect(page.getByTestId('order-version')).toHaveText(String(order.version + 2));
  const saved = await getOrder(devApi, token, order.id);
  expect([saved.notes, saved.version]).toEqual(['Written offline', order.version + 2]);
  expect((await devApi.stats()).byStatus['412']).toBe(1);
});

test('signing out with changes waiting asks first, and discarding them clears the outbox', async ({
  page,
  context,
  devApi,
}) => {
  const { token, order } = await openFirstOrder(page, devApi, 'pending');
  await context.setOffline(true);
  await choose(page, 'New status', 'Paid');
  await page.getByRole('button', { name: 'Change status' }).click();
  const outbox = page.getByTestId('outbox');
  await expect(outbox).toContainText('Waiting to send · 1');
  await outbox.getByText('Waiting to send').click();
  await expect(outbox.getByRole('button', { name: 'Discard: Order' })).toBeVisible();
  await expect(page.getByTestId('order-queued')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Sign out' }).click();
  const ask = page.getByRole('dialog', { name: 'Discard 1 unsent change?' });
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(outbox).toContainText('Waiting to send · 1');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await ask.getByRole('button', { name: 'Discard and sign out' }).click();
  await expect(page.getByLabel('Email')).toBeVisible();
  await context.setOffline(false);
  await signIn(page, '/orders');
  await openPage(page, 'Orders');
  await expect(outbox).toHaveCount(0);
  expect((await getOrder(devApi, token, order.id)).status).toBe('pending');
});

test('a discarded change is never sent; the rest go in order once online', async ({
  page,
  context,
  devApi,
}) => {
  const { token, order } = await openFirstOrder(page, devApi, 'pending');
  await context.setOffline(true);
  await choose(page, 'New status', 'Paid');
  await page.getByRole('button', { name: 'Change status' }).click();
  await page.getByRole('textbox', { name: 'Notes' }).fill('Kept');
  await page.getByRole('button', { name: 'Save notes' }).click();
  const outbox = page.getByTestId('outbox');
  await expect(outbox).toContainText('Waiting to send · 2');

  await outbox.getByText('Waiting to send').click();
  await outbox
    .getByRole('button', { name: `Discard: Order ${order.number}: status to Paid` })
    .click();
  await expect(outbox).toContainText('Waiting to send · 1');
  await context.setOffline(false);

  await expect(outbox).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue('Kept');
  const saved = await getOrder(devApi, token, order.id);
  expect([saved.status, saved.notes, saved.version]).toEqual([
    'pending',
    'Kept',
    order.version + 1,
  ]);
});
