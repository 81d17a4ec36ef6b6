// A phone-sized window (360 px wide, issue 13): no page scrolls sideways, every order's number,
// customer, status and total are in view, the toolbar is one line with a Menu for the
// navigation, forms are one column, dialogs fit, and axe stays clean at that width.
import type { Locator, Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, signIn, test } from './fixtures';
import { openFirstOrder } from './orders-helpers';

const WIDTH = 360;
test.use({ viewport: { width: WIDTH, height: 740 } });

/** The page itself does not scroll sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(clientWidth);
}

/** `locator` is shown whole between the left and right edges of the window. */
async function expectWithinWidth(locator: Locator, what: string): Promise<void> {
  await expect(locator, what).toBeVisible();
  const box = await locator.boundingBox();
  expect(box, what).not.toBeNull();
  expect(box!.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what}: right edge`).toBeLessThanOrEqual(WIDTH);
}

/** The toolbar is one line: brand, Menu and Sign out side by side, no taller than 64 px. */
async function expectOneLineToolbar(page: Page): Promise<void> {
  const bar = page.locator('mat-toolbar');
  const height = (await bar.boundingBox())!.height;
  expect(height, 'toolbar height').toBeLessThanOrEqual(64);
  const menu = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Menu' });
  const signOut = page.getByRole('button', { name: 'Sign out' });
  for (const [item, name] of [
    [page.locator('.brand'), 'brand'],
    [menu, 'Menu'],
    [signOut, 'Sign out'],
  ] as const) {
    await expectWithinWidth(item, name);
  }
  const tops = await Promise.all([menu, signOut].map(async (l) => (await l.boundingBox())!.y));
  expect(Math.abs(tops[0] - tops[1]), 'Menu and Sign out on one line').toBeLessThan(16);
}

test('the orders list shows every order whole, as cards, and the Menu navigates', async ({
  page,
}) => {
  await signIn(page, '/dashboard');
  await expectOneLineToolbar(page);
  const menuButton = page.getByRole('button', { name: 'Menu' });
  await menuButton.click();
  const menu = page.locator('#nav-menu');
  await expectWithinWidth(menu, 'the navigation menu');
  expect(await seriousViolations(page)).toEqual([]);
  // Escape closes it and gives focus back to its button; then the keyboard opens it again.
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(menuButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  await menu.getByRole('link', { name: 'Orders' }).click();
  await expect(menu).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();

  const cards = page.getByTestId('order-card');
  await expect(cards).toHaveCount(20);
  await expect(page.getByTestId('orders-table')).toBeHidden();
  for (const card of (await cards.all()).slice(0, 5)) {
    await card.scrollIntoViewIfNeeded();
    await expectWithinWidth(card.getByRole('link'), 'order number');
    await expectWithinWidth(card.locator('.customer'), 'customer');
    await expectWithinWidth(card.locator('app-order-status-badge'), 'status');
    await expectWithinWidth(card.locator('.total'), 'total');
    await expect(card.locator('.total')).toHaveText(/\d/);
  }
  await expectNoSidewaysScroll(page);
  await expectOneLineToolbar(page);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the create form is one column and fits', async ({ page }) => {
  await signIn(page, '/orders/new');
  await expect(page.getByRole('heading', { name: 'New order' })).toBeVisible();
  await expect(page.getByLabel('Quantity (line 1)', { exact: true })).toBeVisible();
  for (const field of await page.locator('mat-form-field').all()) {
    await expectWithinWidth(field, 'a form field');
  }
  const customer = (await page.locator('mat-form-field').first().boundingBox())!;
  const notes = (await page
    .locator('mat-form-field')
    .filter({ has: page.getByLabel('Notes') })
    .boundingBox())!;
  expect(notes.y, 'notes below the customer, not beside it').toBeGreaterThan(customer.y);
  await expectNoSidewaysScroll(page);
  await expectOneLineToolbar(page);
  expect(await seriousViolations(page)).toEqual([]);
});

test('an order page fits, and so does its delete dialog', async ({ page, devApi }) => {
  await openFirstOrder(page, devApi, 'pending');
  await expectNoSidewaysScroll(page);
  await expectOneLineToolbar(page);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Delete order' }).click();
  const dialog = page.getByRole('dialog');
  await expectWithinWidth(dialog, 'the delete dialog');
  await expectWithinWidth(dialog.getByRole('button', { name: 'Delete order' }), 'its button');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('the network console fits', async ({ page }) => {
  await signIn(page, '/network');
  await expect(page.getByRole('heading', { level: 1, name: 'Network' })).toBeVisible();
  await expect(page.getByText('Recent calls')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectOneLineToolbar(page);
  expect(await seriousViolations(page)).toEqual([]);
});
