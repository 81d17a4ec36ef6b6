import * as v from 'valibot';
import { listOf, objectOf, orDefault } from '@keel/network/data';

export const ORDER_STATUSES = ['pending', 'paid', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

// What the UI can live without gets a safe default (and a repair report); what it cannot (an
// id) drops the item. Numbers that would mislead if they were 0 (money, quantities) default to
// null and show as "—". A status this app does not know (a newer API) is `unknown`, never
// guessed: the UI then offers no status change for that order.
const text = orDefault(v.string(), '');
const id = v.pipe(v.string(), v.minLength(1));
const amount = orDefault(v.nullable(v.number()), null);
// The date pipe throws on text it cannot read: a time that is not ISO 8601 is no time at all.
const timestamp = orDefault(v.pipe(v.string(), v.isoTimestamp()), '');

const OrderLineSchema = objectOf({
  productId: id,
  productName: text,
  quantity: amount,
  unitPriceCents: amount,
});

export const OrderSchema = objectOf({
  id,
  number: text,
  customerId: text,
  customerName: text,
  status: orDefault(v.union([v.picklist(ORDER_STATUSES), v.literal('unknown')]), 'unknown'),
  items: orDefault(listOf(OrderLineSchema), []),
  totalCents: amount,
  currency: orDefault(v.pipe(v.string(), v.length(3)), 'EUR'),
  notes: text,
  createdAt: timestamp,
  updatedAt: timestamp,
  version: orDefault(v.nullable(v.pipe(v.number(), v.integer())), null),
});

/** `GET /api/orders`: `items` must be a list (else `parse`); the rest is repaired. */
export const OrdersPageSchema = v.pipe(
  objectOf({
    items: listOf(OrderSchema),
    total: orDefault(v.nullable(v.number()), null),
    page: orDefault(v.nullable(v.number()), null),
    pageSize: orDefault(v.nullable(v.number()), null),
  }),
  v.transform(({ items, total, page, pageSize }) => ({
    items,
    // Without a total the list still draws: the page it has is all it knows about.
    total: total ?? items.length,
    page,
    pageSize,
  })),
);

export type Order = v.InferOutput<typeof OrderSchema>;
export type OrderLine = v.InferOutput<typeof OrderLineSchema>;
export type OrdersPage = v.InferOutput<typeof OrdersPageSchema>;
