import type { ParamMap } from '@angular/router';
import { ORDER_STATUSES, type OrderStatus } from './order-schema';
import { isSortColumn, NO_SORT, type OrderSort } from './order-sort';
import type { OrderQuery } from './orders-repository';

/**
 * The list's state as it lives in the URL (`?q=&status=&page=&pageSize=&sort=&dir=`), so a
 * reload, a shared link or the Back button shows the same list. Anything unreadable in the URL
 * falls back to its default instead of reaching the API as a 422.
 */
export function queryFromParams(params: ParamMap, defaultPageSize: number): OrderQuery {
  const status = params.get('status');
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    status: ORDER_STATUSES.includes(status as OrderStatus) ? (status as OrderStatus) : null,
    page: wholeNumber(params.get('page'), 1, 1_000_000) ?? 1,
    pageSize: wholeNumber(params.get('pageSize'), 1, 100) ?? Math.min(100, defaultPageSize),
  };
}

export function sortFromParams(params: ParamMap): OrderSort {
  const column = params.get('sort');
  if (!isSortColumn(column)) return NO_SORT;
  return { column, direction: params.get('dir') === 'desc' ? 'desc' : 'asc' };
}

export function sameQuery(a: OrderQuery, b: OrderQuery): boolean {
  return a.q === b.q && a.status === b.status && a.page === b.page && a.pageSize === b.pageSize;
}

function wholeNumber(text: string | null, min: number, max: number): number | null {
  if (text === null || !/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}
