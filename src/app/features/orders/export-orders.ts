import { EMPTY, type Observable, defer, expand, map } from 'rxjs';
import type { Order } from './order-schema';
import type { OrderQuery, OrdersRepository } from './orders-repository';

/** How far an export has got; `orders` holds everything fetched so far. */
export interface ExportProgress {
  readonly loaded: number;
  readonly total: number;
  readonly orders: readonly Order[];
}

/** The API's largest page: the fewest calls for a whole export. */
export const EXPORT_PAGE_SIZE = 100;
/** A bound, so a server that keeps claiming more pages cannot keep an export running forever. */
const MAX_PAGES = 1000;

/**
 * Every order of a filter, one page after the other, with progress after each page. Orders are
 * kept by id, so an order pushed onto the next page by a new one is not exported twice.
 * Unsubscribing stops the export between or during pages.
 */
export function exportOrders(
  repository: OrdersRepository,
  filter: Pick<OrderQuery, 'q' | 'status'>,
): Observable<ExportProgress> {
  return defer(() => {
    const byId = new Map<string, Order>();
    let page = 1;
    const fetch = () => repository.list({ ...filter, page, pageSize: EXPORT_PAGE_SIZE });
    return fetch().pipe(
      expand((result) => {
        const pages = Math.ceil(result.total / EXPORT_PAGE_SIZE);
        page += 1;
        return result.items.length > 0 && page <= Math.min(pages, MAX_PAGES) ? fetch() : EMPTY;
      }),
      map((result) => {
        for (const order of result.items) byId.set(order.id, order);
        const orders = [...byId.values()];
        return { loaded: orders.length, total: Math.max(result.total, orders.length), orders };
      }),
    );
  });
}
