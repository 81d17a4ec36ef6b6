import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, firstValueFrom, of, pipe, switchMap, tap } from 'rxjs';
import { isAppError } from '@keel/network';
import type { Order } from './order-schema';
import {
  requestFailed,
  requestStarted,
  requestSucceeded,
  withRequestState,
} from '../../shared/with-request-state';
import { type OrderChange, OrdersRepository, type VersionedOrder } from './orders-repository';

/** A save refused with 412: what the user asked for, and the version someone else saved. */
export interface OrderConflict {
  readonly change: OrderChange;
  readonly theirs: VersionedOrder;
}

/** `busy`: another write was still running, so nothing was sent. */
export type SaveOutcome =
  | { readonly kind: 'saved' | 'busy' }
  | { readonly kind: 'conflict'; readonly conflict: OrderConflict }
  | { readonly kind: 'failed'; readonly error: unknown };

export type DeleteOutcome =
  { readonly kind: 'deleted' | 'busy' } | { readonly kind: 'failed'; readonly error: unknown };

interface OrderDetailState {
  id: string | null;
  order: Order | null;
  /** The version the user is looking at, sent as `If-Match` with every change. */
  etag: string | null;
  /** What is being written right now; the UI disables the other writes meanwhile. */
  pending: 'save' | 'delete' | null;
  conflict: OrderConflict | null;
}

const initialState: OrderDetailState = {
  id: null,
  order: null,
  etag: null,
  pending: null,
  conflict: null,
};

/**
 * One order on its page: load, change status or notes with `If-Match`, resolve a 412 conflict
 * (keep theirs, or overwrite on purpose), delete. Outcomes come back as values, so the page
 * decides what to show (a dialog, a snackbar, a navigation).
 */
export const OrderDetailStore = signalStore(
  withState(initialState),
  // The load's state; the writes report their own outcomes.
  withRequestState(),
  withMethods((store, repository = inject(OrdersRepository)) => {
    const load = rxMethod<string>(
      pipe(
        tap((id) => patchState(store, { id }, requestStarted())),
        switchMap((id) =>
          repository.get(id).pipe(
            tap(({ order, etag }) => patchState(store, { order, etag }, requestSucceeded())),
            catchError((error: unknown) => {
              patchState(store, requestFailed(error));
              return of(null);
            }),
          ),
        ),
      ),
    );

    const save = async (change: OrderChange): Promise<SaveOutcome> => {
      const id = store.id();
      if (!id || store.pending()) return { kind: 'busy' };
      patchState(store, { pending: 'save' });
      try {
        const saved = await firstValueFrom(repository.update(id, change, store.etag()));
        patchState(store, { order: saved.order, etag: saved.etag, conflict: null });
        return { kind: 'saved' };
      } catch (error) {
        if (!isAppError(error) || error.kind !== 'precondition-failed') {
          return { kind: 'failed', error };
        }
        // Someone saved in between: fetch what they saved, so the user can compare and choose.
        try {
          const theirs = await firstValueFrom(repository.get(id));
          const conflict: OrderConflict = { change, theirs };
          patchState(store, { conflict });
          return { kind: 'conflict', conflict };
        } catch (reloadError) {
          return { kind: 'failed', error: reloadError };
        }
      } finally {
        patchState(store, { pending: null });
      }
    };

    return {
      /** Loads an order; takes a value or a signal (the route's id). */
      load,
      reload(): void {
        const id = store.id();
        if (id) load(id);
      },
      save,
      /** Resolves a conflict by taking the other version; the user's change is dropped. */
      keepTheirs(): void {
        const conflict = store.conflict();
        if (!conflict) return;
        patchState(store, {
          order: conflict.theirs.order,
          etag: conflict.theirs.etag,
          conflict: null,
        });
      },
      /** Resolves a conflict by applying the user's change on top of the other version. */
      overwrite(): Promise<SaveOutcome> {
        const conflict = store.conflict();
        if (!conflict) return Promise.resolve({ kind: 'saved' });
        patchState(store, { order: conflict.theirs.order, etag: conflict.theirs.etag });
        return save(conflict.change);
      },
      /** Deletes the order. A 404 counts as done: a retry after a lost answer finds it gone. */
      async remove(): Promise<DeleteOutcome> {
        const id = store.id();
        if (!id || store.pending()) return { kind: 'busy' };
        patchState(store, { pending: 'delete' });
        try {
          await firstValueFrom(repository.delete(id), { defaultValue: undefined });
          return { kind: 'deleted' };
        } catch (error) {
          if (isAppError(error) && error.kind === 'not-found') return { kind: 'deleted' };
          return { kind: 'failed', error };
        } finally {
          patchState(store, { pending: null });
        }
      },
    };
  }),
);
