import { ORDER_STATUSES, type OrderStatus } from './order-schema';

export const STATUS_LABELS: Readonly<Record<OrderStatus | 'unknown', string>> = {
  pending: 'Pending',
  paid: 'Paid',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  unknown: 'Unknown',
};

/**
 * The statuses an order may move to (server README, "Status changes"): forward only, and to
 * cancelled before it ships. Offering only these saves a round trip to a 422; the server still
 * decides. An unknown status offers nothing.
 */
export function nextStatuses(status: OrderStatus | 'unknown'): readonly OrderStatus[] {
  if (status === 'unknown' || status === 'delivered' || status === 'cancelled') return [];
  const forward = ORDER_STATUSES.slice(ORDER_STATUSES.indexOf(status) + 1).filter(
    (s) => s !== 'cancelled',
  );
  return status === 'shipped' ? forward : [...forward, 'cancelled'];
}
