import { orderNumber, type Order } from './order.ts';
import type { OrderStatus } from './order-status.ts';

/** An `orders` row joined with its customer's name. */
export interface OrderRow {
  id: string;
  number: number;
  customer_id: string;
  customer_name: string;
  status: OrderStatus;
  notes: string;
  total_cents: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ItemRow {
  order_id: string;
  product_id: string;
  product_name: string;
  quantity: number;
  unit_price_cents: number;
}

/** The API shape of an order from its rows; `items` in position order. */
export function toOrder(row: OrderRow, items: ItemRow[]): Order {
  return {
    id: row.id,
    number: orderNumber(row.number),
    customerId: row.customer_id,
    customerName: row.customer_name,
    status: row.status,
    items: items.map((item) => ({
      productId: item.product_id,
      productName: item.product_name,
      quantity: item.quantity,
      unitPriceCents: item.unit_price_cents,
    })),
    totalCents: row.total_cents,
    currency: 'EUR',
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
