import { HttpClient, HttpContext, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { type Observable, map } from 'rxjs';
import { DECODE_REPORTER, decode, decodeWith } from '@keel/network/data';
import { IDEMPOTENCY_KEY } from '@keel/network';
import {
  type Order,
  type OrderStatus,
  type OrdersPage,
  OrderSchema,
  OrdersPageSchema,
} from './order-schema';

/** The filter and page of `GET /api/orders`. */
export interface OrderQuery {
  readonly q: string;
  readonly status: OrderStatus | null;
  readonly page: number;
  readonly pageSize: number;
}

/** `POST /api/orders`. */
export interface NewOrder {
  readonly customerId: string;
  readonly items: readonly { readonly productId: string; readonly quantity: number }[];
  readonly notes?: string;
}

/** `PATCH /api/orders/:id`: only what changes. */
export interface OrderChange {
  readonly status?: OrderStatus;
  readonly notes?: string;
}

/** An order with the entity tag to send back in `If-Match` when changing it. */
export interface VersionedOrder {
  readonly order: Order;
  /** `"7"`; null when the server sent neither an `ETag` nor a `version` (a save then gets 428). */
  readonly etag: string | null;
}

/** Orders: every response decoded, every write as safe to repeat as the API allows. */
@Injectable({ providedIn: 'root' })
export class OrdersRepository {
  private readonly http = inject(HttpClient);
  private readonly reporter = inject(DECODE_REPORTER);

  list(query: OrderQuery): Observable<OrdersPage> {
    const params: Record<string, string | number> = {
      page: query.page,
      pageSize: query.pageSize,
    };
    if (query.q.trim()) params['q'] = query.q.trim();
    if (query.status) params['status'] = query.status;
    return this.http
      .get<unknown>('/api/orders', { params })
      .pipe(decodeWith(OrdersPageSchema, 'orders page', this.reporter));
  }

  get(id: string): Observable<VersionedOrder> {
    return this.http
      .get<unknown>(`/api/orders/${encodeURIComponent(id)}`, { observe: 'response' })
      .pipe(map((response) => this.versioned(response)));
  }

  /**
   * `idempotencyKey` is one key per user intent (a form submission): the network layer retries
   * with it, and a resubmit after a lost answer replays the first order instead of making a
   * second one.
   */
  create(order: NewOrder, idempotencyKey: string): Observable<Order> {
    return this.http
      .post<unknown>('/api/orders', order, {
        context: new HttpContext().set(IDEMPOTENCY_KEY, idempotencyKey),
      })
      .pipe(decodeWith(OrderSchema, 'created order', this.reporter));
  }

  /**
   * Changes an order only if it is still at `etag` (412 otherwise). One idempotency key per
   * call (`auto`) lets the network layer retry a PATCH whose answer was lost; the outbox passes
   * the key it keeps with a queued change, so a replay after a lost answer is not a second write.
   */
  update(
    id: string,
    change: OrderChange,
    etag: string | null,
    idempotencyKey = 'auto',
  ): Observable<VersionedOrder> {
    return this.http
      .patch<unknown>(`/api/orders/${encodeURIComponent(id)}`, change, {
        observe: 'response',
        headers: etag ? { 'If-Match': etag } : {},
        context: new HttpContext().set(IDEMPOTENCY_KEY, idempotencyKey),
      })
      .pipe(map((response) => this.versioned(response)));
  }

  delete(id: string): Observable<void> {
    return this.http.delete(`/api/orders/${encodeURIComponent(id)}`).pipe(map(() => undefined));
  }

  private versioned(response: HttpResponse<unknown>): VersionedOrder {
    const order = decode(OrderSchema, response.body, 'order', this.reporter);
    const etag =
      response.headers.get('ETag') ?? (order.version === null ? null : `"${order.version}"`);
    return { order, etag };
  }
}
