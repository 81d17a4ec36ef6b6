import type { Order } from '../order-schema';

/** An order as the API sends it (`GET /api/orders/:id`). */
export function apiOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'ord_1',
    number: 'ORD-10001',
    customerId: 'cus_001',
    customerName: 'Ada Lovelace',
    status: 'pending',
    items: [{ productId: 'prd_001', productName: 'Anchor', quantity: 2, unitPriceCents: 1500 }],
    totalCents: 3000,
    currency: 'EUR',
    notes: '',
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

/** The same order, decoded. */
export function order(overrides: Partial<Order> = {}): Order {
  return { ...(apiOrder() as unknown as Order), ...overrides };
}

/** A copy of `value` without `keys`, for payloads with missing fields. */
export function without(
  value: Record<string, unknown>,
  ...keys: string[]
): Record<string, unknown> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}
