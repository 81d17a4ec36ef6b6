import { Injectable, inject } from '@angular/core';
import * as v from 'valibot';
import type { Observable } from 'rxjs';
import { decodeWith, listOf } from '@keel/network/data';
import { PagePrefetch } from '@keel/network/session';
import { DASHBOARD_URLS } from './dashboard-urls';

// Missing or mistyped numbers become 0 and texts become '', so a partial payload still draws;
// a payload that is not an object at all is a `parse` error.
const count = v.fallback(v.number(), 0);
const text = v.fallback(v.string(), '');
const currency = v.fallback(v.string(), 'EUR');

const SummarySchema = v.object({
  ordersToday: count,
  revenueTodayCents: count,
  openOrders: count,
  customers: count,
  currency,
});

const RevenueSchema = v.object({
  currency,
  days: listOf(v.object({ date: v.string(), totalCents: count })),
});

const TopProductsSchema = v.object({
  currency,
  items: listOf(
    v.object({ productId: v.string(), productName: text, quantity: count, revenueCents: count }),
  ),
});

const ActivitySchema = v.object({
  items: listOf(
    v.object({
      id: v.string(),
      type: text,
      orderId: v.fallback(v.nullable(v.string()), null),
      orderNumber: text,
      message: text,
      at: text,
    }),
  ),
});

export type DashboardSummary = v.InferOutput<typeof SummarySchema>;
export type DashboardRevenue = v.InferOutput<typeof RevenueSchema>;
export type DashboardTopProducts = v.InferOutput<typeof TopProductsSchema>;
export type DashboardActivity = v.InferOutput<typeof ActivitySchema>;

/**
 * The four dashboard endpoints; each is loaded on its own so one failure shows in one widget.
 * A page load's first read of each is the answer its route started with the page's code
 * (`PagePrefetch`); a Retry, or a later visit, asks again.
 */
@Injectable({ providedIn: 'root' })
export class DashboardRepository {
  private readonly prefetch = inject(PagePrefetch);

  summary(): Observable<DashboardSummary> {
    return this.prefetch
      .get<unknown>(DASHBOARD_URLS.summary)
      .pipe(decodeWith(SummarySchema, 'dashboard summary'));
  }

  revenue(): Observable<DashboardRevenue> {
    return this.prefetch
      .get<unknown>(DASHBOARD_URLS.revenue)
      .pipe(decodeWith(RevenueSchema, 'dashboard revenue'));
  }

  topProducts(): Observable<DashboardTopProducts> {
    return this.prefetch
      .get<unknown>(DASHBOARD_URLS.topProducts)
      .pipe(decodeWith(TopProductsSchema, 'top products'));
  }

  activity(): Observable<DashboardActivity> {
    return this.prefetch
      .get<unknown>(DASHBOARD_URLS.activity)
      .pipe(decodeWith(ActivitySchema, 'activity'));
  }
}
