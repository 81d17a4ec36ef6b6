import { Observable, Subject } from 'rxjs';
import type { Order, OrdersPage } from '../order-schema';
import type {
  NewOrder,
  OrderChange,
  OrderQuery,
  OrdersRepository,
  VersionedOrder,
} from '../orders-repository';

/** One call the fake received, answered by the test through its subject. */
export interface FakeCall<A, T> {
  readonly args: A;
  readonly answer: Subject<T>;
  unsubscribed: boolean;
}

/**
 * An `OrdersRepository` whose calls wait until the test answers them (`next`, `error`,
 * `complete` on the call's subject), so stores are tested without HTTP or timers.
 */
export class FakeOrdersRepository implements Pick<
  OrdersRepository,
  'list' | 'get' | 'create' | 'update' | 'delete'
> {
  readonly lists: FakeCall<OrderQuery, OrdersPage>[] = [];
  readonly gets: FakeCall<string, VersionedOrder>[] = [];
  readonly creates: FakeCall<{ order: NewOrder; key: string }, Order>[] = [];
  /** `key`: only when the caller passed its own Idempotency-Key (the outbox does). */
  readonly updates: FakeCall<
    { id: string; change: OrderChange; etag: string | null; key?: string },
    VersionedOrder
  >[] = [];
  readonly deletes: FakeCall<string, void>[] = [];

  list(query: OrderQuery): Observable<OrdersPage> {
    return this.call(this.lists, query);
  }

  get(id: string): Observable<VersionedOrder> {
    return this.call(this.gets, id);
  }

  create(order: NewOrder, key: string): Observable<Order> {
    return this.call(this.creates, { order, key });
  }

  update(
    id: string,
    change: OrderChange,
    etag: string | null,
    key?: string,
  ): Observable<VersionedOrder> {
    return this.call(this.updates, { id, change, etag, ...(key === undefined ? {} : { key }) });
  }

  delete(id: string): Observable<void> {
    return this.call(this.deletes, id);
  }

  private call<A, T>(calls: FakeCall<A, T>[], args: A): Observable<T> {
    const answer = new Subject<T>();
    const entry: FakeCall<A, T> = { args, answer, unsubscribed: false };
    calls.push(entry);
    return new Observable<T>((subscriber) => {
      const subscription = answer.subscribe(subscriber);
      return () => {
        subscription.unsubscribe();
        entry.unsubscribed = !answer.closed;
      };
    });
  }
}

/** Answers a call with one value and completes it, as HttpClient does. */
export function answer<T>(call: FakeCall<unknown, T> | undefined, value: T): void {
  if (!call) throw new Error('no such call');
  call.answer.next(value);
  call.answer.complete();
}
