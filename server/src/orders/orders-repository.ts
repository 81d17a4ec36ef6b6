import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open-database.ts';
import { firstOrderNumber } from '../db/seed-database.ts';
import { HttpProblem, type FieldError } from '../http/http-problem.ts';
import { orderNumber, type Order } from './order.ts';
import { toOrder, type ItemRow, type OrderRow } from './order-rows.ts';
import type { OrderStatus } from './order-status.ts';

export interface OrderQuery {
  status?: OrderStatus;
  q?: string;
  page: number;
  pageSize: number;
}

export interface NewOrder {
  customerId: string;
  items: { productId: string; quantity: number }[];
  notes: string;
}

export interface OrderChanges {
  status?: OrderStatus;
  notes?: string;
}

const selectOrders = `
  SELECT o.*, c.name AS customer_name
  FROM orders o JOIN customers c ON c.id = o.customer_id`;

// `q` is a LIKE pattern; SQLite's LIKE is case-insensitive for ASCII, which covers the seed.
const filter = `
  WHERE (@status IS NULL OR o.status = @status)
    AND (@q IS NULL
      OR ('ORD-' || o.number) LIKE @q ESCAPE '\\'
      OR c.name LIKE @q ESCAPE '\\'
      OR o.notes LIKE @q ESCAPE '\\')`;

/**
 * Orders in SQLite. Methods throw `HttpProblem`s for what the caller got wrong and are meant
 * to run inside the caller's transaction, so a failed check never leaves half a write.
 */
export class OrdersRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  list({ status, q, page, pageSize }: OrderQuery): {
    items: Order[];
    total: number;
    page: number;
    pageSize: number;
  } {
    const params = {
      status: status ?? null,
      q: q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
    };
    const total =
      this.db
        .prepare<typeof params, { total: number }>(
          `SELECT count(*) AS total FROM orders o JOIN customers c ON c.id = o.customer_id ${filter}`,
        )
        .get(params)?.total ?? 0;
    const rows = this.db
      .prepare<typeof params & { limit: number; offset: number }, OrderRow>(
        `${selectOrders} ${filter} ORDER BY o.created_at DESC, o.number DESC LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: pageSize, offset: (page - 1) * pageSize });
    return { items: this.withItems(rows), total, page, pageSize };
  }

  get(id: string): Order | undefined {
    const row = this.db.prepare<[string], OrderRow>(`${selectOrders} WHERE o.id = ?`).get(id);
    return row ? this.withItems([row])[0] : undefined;
  }

  /** The order, or 404. */
  require(id: string): Order {
    const order = this.get(id);
    if (!order) throw HttpProblem.notFound(`There is no order ${id}.`);
    return order;
  }

  count(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM orders').get()?.n ?? 0;
  }

  /** Creates an order; 422 for an unknown customer or product. */
  create({ customerId, items, notes }: NewOrder): Order {
    const errors: FieldError[] = [];
    const customer = this.db
      .prepare<[string], { name: string }>('SELECT name FROM customers WHERE id = ?')
      .get(customerId);
    if (!customer) errors.push({ field: 'customerId', message: 'is not a known customer' });
    const findProduct = this.db.prepare<[string], { name: string; price_cents: number }>(
      'SELECT name, price_cents FROM products WHERE id = ?',
    );
    const lines = items.map((item, index) => {
      const product = findProduct.get(item.productId);
      if (!product)
        errors.push({ field: `items[${index}].productId`, message: 'is not a known product' });
      return { ...item, name: product?.name ?? '', priceCents: product?.price_cents ?? 0 };
    });
    if (!customer || errors.length > 0) throw HttpProblem.validation(errors);

    const id = `ord_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const number =
      (this.db.prepare<[], { n: number | null }>('SELECT max(number) AS n FROM orders').get()?.n ??
        firstOrderNumber - 1) + 1;
    const at = new Date(this.now()).toISOString();
    const totalCents = lines.reduce((sum, line) => sum + line.priceCents * line.quantity, 0);
    this.db
      .prepare('INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)')
      .run(id, number, customerId, 'pending', notes, totalCents, at, at);
    const insertItem = this.db.prepare('INSERT INTO order_items VALUES (?, ?, ?, ?, ?, ?)');
    lines.forEach((line, position) =>
      insertItem.run(id, position, line.productId, line.name, line.quantity, line.priceCents),
    );
    this.recordActivity(
      'order.created',
      id,
      orderNumber(number),
      `created for ${customer.name}`,
      at,
    );
    return this.require(id);
  }

  /** Applies `changes` to `order` (already checked by the caller); bumps the version if anything changed. */
  update(order: Order, changes: OrderChanges): Order {
    const status = changes.status ?? order.status;
    const notes = changes.notes ?? order.notes;
    if (status === order.status && notes === order.notes) return order;
    const at = new Date(this.now()).toISOString();
    this.db
      .prepare(
        'UPDATE orders SET status = ?, notes = ?, updated_at = ?, version = version + 1 WHERE id = ?',
      )
      .run(status, notes, at, order.id);
    if (status !== order.status) {
      this.recordActivity(
        'order.status_changed',
        order.id,
        order.number,
        `marked as ${status}`,
        at,
      );
    } else {
      this.recordActivity('order.updated', order.id, order.number, 'notes updated', at);
    }
    return this.require(order.id);
  }

  remove(order: Order): void {
    this.db.prepare('DELETE FROM orders WHERE id = ?').run(order.id);
    const at = new Date(this.now()).toISOString();
    this.recordActivity('order.deleted', order.id, order.number, 'deleted', at);
  }

  /** `what` follows the order number: "ORD-10001 marked as paid". */
  private recordActivity(
    type: string,
    orderId: string,
    number: string,
    what: string,
    at: string,
  ): void {
    this.db
      .prepare(
        'INSERT INTO activity (type, order_id, order_number, message, at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(type, orderId, number, `${number} ${what}`, at);
  }

  private withItems(rows: OrderRow[]): Order[] {
    if (rows.length === 0) return [];
    const items = this.db
      .prepare<[string], ItemRow>(
        `SELECT * FROM order_items WHERE order_id IN (SELECT value FROM json_each(?))
         ORDER BY order_id, position`,
      )
      .all(JSON.stringify(rows.map((row) => row.id)));
    const byOrder = new Map<string, ItemRow[]>();
    for (const item of items) {
      const list = byOrder.get(item.order_id);
      if (list) list.push(item);
      else byOrder.set(item.order_id, [item]);
    }
    return rows.map((row) => toOrder(row, byOrder.get(row.id) ?? []));
  }
}
