// Accessibility: an axe scan of every page finds no serious or critical violation, and the
// create form works with the keyboard alone.
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, signIn, test } from './fixtures';

test('sign-in has no serious or critical accessibility violation', async ({ page }) => {
  await page.goto('/sign-in?reason=expired');
  await expect(page.getByRole('heading', { name: 'Sign in to Keel' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('sign-in with the keyboard alone: an empty submit names each problem, focus goes to it', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').focus();
  await page.keyboard.press('Enter');
  const email = page.getByLabel('Email');
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('Enter your email.');
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription('Enter your password.');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.type('demo@keel.dev');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type('keel-demo');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/dashboard$/);
});

/** Each signed-in page, and how to know it has drawn its content. */
const PAGES: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'dashboard',
    open: async (page) => {
      await page.goto('/dashboard');
      await expect(page.getByText('Orders today')).toBeVisible();
    },
  },
  {
    name: 'orders',
    open: async (page) => {
      await page.goto('/orders');
      await expect(page.getByTestId('orders-table')).toBeVisible();
    },
  },
  {
    name: 'order detail',
    open: async (page) => {
      await page.goto('/orders');
      await page.getByTestId('orders-table').getByRole('link').first().click();
      await expect(page.getByRole('heading', { name: /^Order ORD-/ })).toBeVisible();
    },
  },
  {
    name: 'create',
    open: async (page) => {
      await page.goto('/orders/new');
      await expect(page.getByRole('button', { name: 'Create order' })).toBeVisible();
    },
  },
  {
    name: 'network',
    open: async (page) => {
      await page.goto('/network');
      await expect(page.getByRole('heading', { name: 'Network', level: 1 })).toBeVisible();
    },
  },
];

for (const { name, open } of PAGES) {
  test(`${name} has no serious or critical accessibility violation`, async ({ page }) => {
    await signIn(page);
    await open(page);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the orders board has no serious or critical accessibility violation', async ({
  page,
  devApi,
}) => {
  await devApi.put('/api/_dev/flags', { flags: { enable_new_ui: true } });
  await signIn(page, '/orders');
  await expect(page.getByTestId('orders-board')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('an order can be created with the keyboard alone, focus always visible', async ({ page }) => {
  await signIn(page, '/orders/new');
  await expect(page.getByRole('button', { name: 'Create order' })).toBeVisible();

  const customer = page.getByRole('combobox', { name: 'Customer' });
  await customer.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(customer).not.toHaveText('');

  await page.keyboard.press('Tab');
  const product = page.getByRole('combobox', { name: 'Product (line 1)' });
  await expect(product).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');

  await page.keyboard.press('Tab');
  const quantity = page.getByRole('spinbutton', { name: 'Quantity (line 1)' });
  await expect(quantity).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('3');

  // Tab on to the submit button; every stop must show where focus is: an outline ring, or the
  // thick primary border Material draws around a focused form field.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return { name: '(nothing)', visible: false };
      const name = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
      const style = getComputedStyle(element);
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      const field = element.closest('mat-form-field')?.classList.contains('mat-focused') ?? false;
      return { name, visible: ring || field };
    });
    expect(stop.visible, `focus is visible on "${stop.name}"`).toBe(true);
    if (stop.name === 'Create order') break;
  }
  await expect(page.getByRole('button', { name: 'Create order' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Order ORD-/ })).toBeVisible();
});
