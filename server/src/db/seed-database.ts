import type { OrderStatus } from '../orders/order-status.ts';
import type { Db } from './open-database.ts';
import { seedData } from './seed-data.ts';
import { seededRandom } from './seeded-random.ts';

const day = 24 * 60 * 60 * 1000;
const customerCount = 40;
const orderCount = 400;
export const firstOrderNumber = 10001;

/**
 * Replaces all data (users, catalog, orders, activity, sessions, idempotency keys) with the
 * deterministic demo data: 40 customers, 30 products and 400 orders spread over the 90 days
 * before `now`, in every status. One transaction: a failed seed leaves the old data.
 */
export function seedDatabase(db: Db, now: number): void {
  const random = seededRandom(0x6b65656c);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const id = (prefix: string) => `${prefix}_${random().toString(36).slice(2, 12).padEnd(10, '0')}`;

  db.transaction(() => {
    db.exec(`
      DELETE FROM idempotency_keys; DELETE FROM refresh_tokens; DELETE FROM sessions;
      DELETE FROM activity; DELETE FROM order_items; DELETE FROM orders;
      DELETE FROM products; DELETE FROM customers; DELETE FROM users;
      DELETE FROM sqlite_sequence WHERE name = 'activity';
    `);

    const insertUser = db.prepare('INSERT INTO users VALUES (?, ?, ?, ?, ?)');
    for (const user of seedData.users) {
      insertUser.run(user.id, user.email, user.name, JSON.stringify(user.roles), user.passwordHash);
    }

    const customers: { id: string; name: string }[] = [];
    const insertCustomer = db.prepare('INSERT INTO customers VALUES (?, ?, ?)');
    const names = new Set<string>();
    while (customers.length < customerCount) {
      const first = pick(seedData.firstNames);
      const last = pick(seedData.lastNames);
      const name = `${first} ${last}`;
      if (names.has(name)) continue;
      names.add(name);
      const customer = { id: `cus_${String(customers.length + 1).padStart(3, '0')}`, name };
      customers.push(customer);
      insertCustomer.run(customer.id, name, `${first}.${last}@example.com`.toLowerCase());
    }

    const insertProduct = db.prepare('INSERT INTO products VALUES (?, ?, ?, ?)');
    const products = seedData.products.map(([name, priceCents], index) => {
      const number = String(index + 1).padStart(3, '0');
      const product = { id: `prd_${number}`, name, priceCents };
      insertProduct.run(product.id, name, `KEEL-${number}`, priceCents);
      return product;
    });

    const insertOrder = db.prepare('INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insertItem = db.prepare('INSERT INTO order_items VALUES (?, ?, ?, ?, ?, ?)');
    const insertActivity = db.prepare(
      'INSERT INTO activity (type, order_id, order_number, message, at) VALUES (?, ?, ?, ?, ?)',
    );
    const createdTimes = Array.from(
      { length: orderCount },
      () => now - Math.floor(random() * 90 * day),
    );
    createdTimes.sort((a, b) => a - b);
    createdTimes.forEach((createdAt, index) => {
      const number = firstOrderNumber + index;
      const orderId = id('ord');
      const customer = pick(customers);
      const status = statusForAge(now - createdAt, random());
      // The last change came some time (up to two days) after the order, never after `now`.
      const updatedAt =
        status === 'pending'
          ? createdAt
          : createdAt + Math.floor(random() * Math.min(2 * day, now - createdAt));
      const lines = new Map<(typeof products)[number], number>();
      const lineCount = 1 + Math.floor(random() * 4);
      while (lines.size < lineCount) lines.set(pick(products), 1 + Math.floor(random() * 5));
      let totalCents = 0;
      for (const [product, quantity] of lines) totalCents += product.priceCents * quantity;
      const notes = random() < 0.15 ? pick(seedData.notes) : '';

      insertOrder.run(
        orderId,
        number,
        customer.id,
        status,
        notes,
        totalCents,
        new Date(createdAt).toISOString(),
        new Date(updatedAt).toISOString(),
        versionFor[status],
      );
      [...lines].forEach(([product, quantity], position) =>
        insertItem.run(orderId, position, product.id, product.name, quantity, product.priceCents),
      );
      insertActivity.run(
        'order.created',
        orderId,
        `ORD-${number}`,
        `ORD-${number} created for ${customer.name}`,
        new Date(createdAt).toISOString(),
      );
      if (status !== 'pending') {
        insertActivity.run(
          'order.status_changed',
          orderId,
          `ORD-${number}`,
          `ORD-${number} marked as ${status}`,
          new Date(updatedAt).toISOString(),
        );
      }
    });
  })();
}

/** Seeded orders carry the version they would have reached by walking to their status. */
const versionFor: Record<OrderStatus, number> = {
  pending: 1,
  paid: 2,
  shipped: 3,
  delivered: 4,
  cancelled: 2,
};

/** Recent orders are mostly still open, old ones mostly delivered, a few cancelled everywhere. */
function statusForAge(ageMs: number, draw: number): OrderStatus {
  const table: [OrderStatus, number][] =
    ageMs < day
      ? [
          ['pending', 0.6],
          ['paid', 0.3],
          ['cancelled', 0.1],
        ]
      : ageMs < 3 * day
        ? [
            ['pending', 0.2],
            ['paid', 0.4],
            ['shipped', 0.3],
            ['cancelled', 0.1],
          ]
        : ageMs < 10 * day
          ? [
              ['paid', 0.1],
              ['shipped', 0.4],
              ['delivered', 0.42],
              ['cancelled', 0.08],
            ]
          : [
              ['shipped', 0.02],
              ['delivered', 0.9],
              ['cancelled', 0.08],
            ];
  let sum = 0;
  for (const [status, weight] of table) {
    sum += weight;
    if (draw < sum) return status;
  }
  return table[table.length - 1]?.[0] ?? 'delivered';
}
