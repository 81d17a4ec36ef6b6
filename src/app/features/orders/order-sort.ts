import type { Order } from './order-schema';

export const SORT_COLUMNS = ['number', 'customer', 'status', 'total', 'created'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';

export interface OrderSort {
  readonly column: SortColumn | null;
  readonly direction: SortDirection;
}

export const NO_SORT: OrderSort = { column: null, direction: 'asc' };

const STATUS_ORDER = ['pending', 'paid', 'shipped', 'delivered', 'cancelled', 'unknown'];

/**
 * Sorts the orders of the current page. The API has no sort parameter, so this is a view of the
 * page the server sent (newest first), never of the whole list. Missing values sort last either
 * way; ties keep the server's order.
 */
export function sortOrders(orders: readonly Order[], sort: OrderSort): readonly Order[] {
  const { column } = sort;
  if (!column) return orders;
  const sign = sort.direction === 'asc' ? 1 : -1;
  const key = KEYS[column];
  return orders
    .map((order, index) => ({ order, index, value: key(order) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      }
      const by =
        typeof a.value === 'number' && typeof b.value === 'number'
          ? a.value - b.value
          : String(a.value).localeCompare(String(b.value), undefined, { numeric: true });
      return by * sign || a.index - b.index;
    })
    .map((entry) => entry.order);
}

const KEYS: Readonly<Record<SortColumn, (order: Order) => string | number | null>> = {
  number: (o) => o.number || null,
  customer: (o) => o.customerName || null,
  status: (o) => STATUS_ORDER.indexOf(o.status),
  total: (o) => o.totalCents,
  created: (o) => o.createdAt || null,
};

export function isSortColumn(value: string | null): value is SortColumn {
  return (SORT_COLUMNS as readonly (string | null)[]).includes(value);
}
