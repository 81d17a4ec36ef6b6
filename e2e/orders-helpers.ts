// Helpers of the orders e2e tests (orders.e2e.ts, outbox.e2e.ts): changing data "from elsewhere"
// through the API, and filling the app's forms as a person would.
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { DEMO, type DevApi, expect, signIn } from './fixtures';

export interface ApiOrder {
  id: string;
  number: string;
  status: string;
  notes: string;
  version: number;
}

/** A bearer token for changing data "from elsewhere" (another user, another tab). */
export async function apiToken(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/auth/login', { data: DEMO });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export async function firstOrder(devApi: DevApi, token: string, status: string): Promise<ApiOrder> {
  const response = await devApi.request.get(`/api/orders?status=${status}&pageSize=1`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return ((await response.json()) as { items: ApiOrder[] }).items[0];
}

/** Signs in on the page of the first order in `status`, and a token to change it from elsewhere. */
export async function openFirstOrder(
  page: Page,
  devApi: DevApi,
  status: string,
): Promise<{ token: string; order: ApiOrder }> {
  const token = await apiToken(devApi.request);
  const order = await firstOrder(devApi, token, status);
  await signIn(page, `/orders/${order.id}`);
  await expect(page.getByRole('heading', { name: `Order ${order.number}` })).toBeVisible();
  return { token, order };
}

export async function getOrder(devApi: DevApi, token: string, id: string): Promise<ApiOrder> {
  const response = await devApi.request.get(`/api/orders/${id}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return (await response.json()) as ApiOrder;
}

export async function patchOrder(
  devApi: DevApi,
  token: string,
  id: string,
  body: Record<string, unknown>,
): Promise<void> {
  const response = await devApi.request.patch(`/api/orders/${id}`, {
    data: body,
    headers: { Authorization: `Bearer ${token}`, 'If-Match': '*' },
  });
  expect(response.status()).toBe(200);
}

/** The Material form field around a labelled control, for its error text. */
export function field(page: Page, label: string): Locator {
  return page.locator('mat-form-field').filter({ has: page.getByLabel(label, { exact: true }) });
}

/** Opens a select through its form field (as a click on its label does) and picks an option. */
export async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await field(page, label).click();
  await page.getByRole('option', { name: option }).first().click();
}

export async function fillOrderForm(page: Page, quantities: string[]): Promise<void> {
  await expect(page.getByRole('heading', { name: 'New order' })).toBeVisible();
  await choose(page, 'Customer', /.+/);
  for (const [index, quantity] of quantities.entries()) {
    if (index > 0) await page.getByRole('button', { name: 'Add line' }).click();
    await choose(page, `Product (line ${index + 1})`, /.+/);
    await page.getByLabel(`Quantity (line ${index + 1})`, { exact: true }).fill(quantity);
  }
}
