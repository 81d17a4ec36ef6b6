import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { firstValueFrom } from 'rxjs';
import { newRequestId } from '@keel/network';
import type { Order } from './order-schema';
import {
  requestFailed,
  requestStarted,
  requestSucceeded,
  withRequestState,
} from '../../shared/with-request-state';
import { type NewOrder, OrdersRepository } from './orders-repository';

export type CreateOutcome =
  | { readonly kind: 'created'; readonly order: Order }
  | { readonly kind: 'failed'; readonly error: unknown; readonly idempotencyKey: string }
  | { readonly kind: 'busy' };

interface OrderCreateState {
  /** The Idempotency-Key of the current intent, and the body it was first sent with. */
  intent: { key: string; body: string } | null;
}

/**
 * Creating one order. The Idempotency-Key belongs to the user's intent, not to one click: a
 * resubmit of the same order (after a lost answer, a timeout, an offline moment) sends the same
 * key, so the server replays the order it already made instead of making a second one. Changing
 * the order is a new intent with a new key (the server would refuse the old key with another
 * body).
 */
export const OrderCreateStore = signalStore(
  withState<OrderCreateState>({ intent: null }),
  // `loading` is the submission in flight; `error` the last one's failure.
  withRequestState(),
  withMethods((store, repository = inject(OrdersRepository)) => ({
    async submit(order: NewOrder): Promise<CreateOutcome> {
      if (store.loading()) return { kind: 'busy' };
      const body = canonicalJson(order);
      const current = store.intent();
      const intent = current?.body === body ? current : { key: newIdempotencyKey(), body };
      patchState(store, { intent }, requestStarted());
      try {
        const created = await firstValueFrom(repository.create(order, intent.key));
        patchState(store, requestSucceeded());
        return { kind: 'created', order: created };
      } catch (error) {
        patchState(store, requestFailed(error));
        return { kind: 'failed', error, idempotencyKey: intent.key };
      }
    },
  })),
);

/** JSON with object keys sorted, so the same order always compares equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * A fresh key for one submission: a v4 UUID from the network layer's one generator
 * (`crypto.getRandomValues`, so it works outside a secure context too).
 */
export const newIdempotencyKey: () => string = newRequestId;
