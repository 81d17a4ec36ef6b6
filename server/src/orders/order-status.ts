export const orderStatuses = ['pending', 'paid', 'shipped', 'delivered', 'cancelled'] as const;

export type OrderStatus = (typeof orderStatuses)[number];

const forward: readonly OrderStatus[] = ['pending', 'paid', 'shipped', 'delivered'];

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (orderStatuses as readonly string[]).includes(value);
}

/**
 * Why a move from `from` to `to` is not allowed, or undefined when it is. Statuses only move
 * forward along pending → paid → shipped → delivered (skipping is fine: a paid-on-delivery
 * order goes straight to delivered); an order can be cancelled until it ships. Staying on the
 * same status is allowed and changes nothing, so a replayed PATCH is harmless.
 */
export function statusChangeError(from: OrderStatus, to: OrderStatus): string | undefined {
  if (from === to) return undefined;
  if (to === 'cancelled') {
    return from === 'pending' || from === 'paid'
      ? undefined
      : `a ${from} order can no longer be cancelled`;
  }
  if (from === 'cancelled') return 'a cancelled order cannot change status';
  return forward.indexOf(to) > forward.indexOf(from)
    ? undefined
    : `cannot move from ${from} back to ${to}`;
}
