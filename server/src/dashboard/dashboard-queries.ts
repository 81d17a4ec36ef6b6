import type { Db } from '../db/open-database.ts';

const day = 24 * 60 * 60 * 1000;
const revenueDays = 30;

/** The start (00:00 UTC, epoch ms) of the day `at` falls in. */
function startOfUtcDay(at: number): number {
  return Math.floor(at / day) * day;
}

/**
 * The four dashboard payloads. Days are UTC days; cancelled orders never count as revenue.
 * "Open" orders are the ones still to be fulfilled: pending, paid or shipped.
 */
export class DashboardQueries {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  summary() {
    const today = new Date(startOfUtcDay(this.now())).toISOString();
    const row = this.db
      .prepare<
        [string, string],
        { ordersToday: number; revenueTodayCents: number | null; openOrders: number }
      >(
        `SELECT
           count(CASE WHEN created_at >= ? THEN 1 END) AS ordersToday,
           sum(CASE WHEN created_at >= ? AND status <> 'cancelled' THEN total_cents ELSE 0 END) AS revenueTodayCents,
           count(CASE WHEN status IN ('pending', 'paid', 'shipped') THEN 1 END) AS openOrders
         FROM orders`,
      )
      .get(today, today);
    const customers =
      this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM customers').get()?.n ?? 0;
    return {
      ordersToday: row?.ordersToday ?? 0,
      revenueTodayCents: row?.revenueTodayCents ?? 0,
      openOrders: row?.openOrders ?? 0,
      customers,
      currency: 'EUR',
    };
  }

  /** One entry per UTC day, the oldest first, the last one today; days without orders are 0. */
  revenue() {
    const first = startOfUtcDay(this.now()) - (revenueDays - 1) * day;
    const totals = new Map(
      this.db
        .prepare<[string], { date: string; totalCents: number }>(
          `SELECT substr(created_at, 1, 10) AS date, sum(total_cents) AS totalCents
           FROM orders WHERE created_at >= ? AND status <> 'cancelled' GROUP BY date`,
        )
        .all(new Date(first).toISOString())
        .map((row) => [row.date, row.totalCents]),
    );
    const days = Array.from({ length: revenueDays }, (_, index) => {
      const date = new Date(first + index * day).toISOString().slice(0, 10);
      return { date, totalCents: totals.get(date) ?? 0 };
    });
    return { currency: 'EUR', days };
  }

  /** The five products with the most revenue over the same 30 days as `revenue()`. */
  topProducts() {
    const first = startOfUtcDay(this.now()) - (revenueDays - 1) * day;
    const items = this.db
      .prepare(
        `SELECT i.product_id AS productId, i.product_name AS productName,
                sum(i.quantity) AS quantity, sum(i.quantity * i.unit_price_cents) AS revenueCents
         FROM order_items i JOIN orders o ON o.id = i.order_id
         WHERE o.created_at >= ? AND o.status <> 'cancelled'
         GROUP BY i.product_id
         ORDER BY revenueCents DESC, productId
         LIMIT 5`,
      )
      .all(new Date(first).toISOString());
    return { currency: 'EUR', items };
  }

  /** The ten latest order events, newest first. */
  activity() {
    const items = this.db
      .prepare(
        `SELECT 'act_' || id AS id, type, order_id AS orderId, order_number AS orderNumber, message, at
         FROM activity ORDER BY at DESC, id DESC LIMIT 10`,
      )
      .all();
    return { items };
  }
}
