import { computed, inject } from '@angular/core';
import {
  patchState,
  signalStore,
  withComputed,
  withHooks,
  withMethods,
  withState,
} from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { type Observable, catchError, of, pipe, switchMap, tap } from 'rxjs';
import { exportOrders, type ExportProgress } from './export-orders';
import type { OrdersPage } from './order-schema';
import { NO_SORT, type OrderSort, sortOrders } from './order-sort';
import {
  requestFailed,
  requestStarted,
  requestSucceeded,
  withRequestState,
} from '../../shared/with-request-state';
import { type OrderQuery, OrdersRepository } from './orders-repository';

interface OrdersListState {
  query: OrderQuery | null;
  result: OrdersPage | null;
  sort: OrderSort;
  /** While an export runs: how far it is. */
  exporting: Omit<ExportProgress, 'orders'> | null;
}

const initialState: OrdersListState = {
  query: null,
  result: null,
  sort: NO_SORT,
  exporting: null,
};

/**
 * The orders list of one page visit: the query (from the URL), the page the API sent, its
 * loading and error state, the client-side sort of that page, and CSV export progress. A new
 * query cancels the load still running for the previous one.
 */
export const OrdersListStore = signalStore(
  withState(initialState),
  withRequestState(),
  withComputed(({ result, sort, loading, error }) => ({
    rows: computed(() => sortOrders(result()?.items ?? [], sort())),
    total: computed(() => result()?.total ?? 0),
    empty: computed(() => !loading() && !error() && result()?.items.length === 0),
  })),
  withMethods((store, repository = inject(OrdersRepository)) => {
    let running: { cancel(): void } | null = null;

    const fetch = (query: OrderQuery): Observable<unknown> => {
      patchState(store, { query }, requestStarted());
      return repository.list(query).pipe(
        tap((result) => patchState(store, { result }, requestSucceeded())),
        catchError((error: unknown) => {
          patchState(store, requestFailed(error));
          return of(null);
        }),
      );
    };
    const load = rxMethod<OrderQuery>(pipe(switchMap(fetch)));

    return {
      /** Loads a query; takes a value or a signal (then reloads whenever it changes). */
      load,
      reload(): void {
        const query = store.query();
        if (query) load({ ...query });
      },
      sortBy(sort: OrderSort): void {
        patchState(store, { sort });
      },
      /**
       * Fetches every order of the current filter, page after page, and resolves with them;
       * resolves with null when cancelled. Rejects with the AppError of a page that failed.
       */
      exportAll(): Promise<ExportProgress['orders'] | null> {
        running?.cancel();
        const query = store.query();
        if (!query) return Promise.resolve([]);
        patchState(store, { exporting: { loaded: 0, total: store.total() } });
        return new Promise((resolve, reject) => {
          let last: ExportProgress | null = null;
          let settled = false;
          const finish = () => {
            settled = true;
            running = null;
            patchState(store, { exporting: null });
          };
          const subscription = exportOrders(repository, query).subscribe({
            next: (progress) => {
              last = progress;
              patchState(store, { exporting: { loaded: progress.loaded, total: progress.total } });
            },
            error: (error: unknown) => {
              finish();
              reject(error);
            },
            complete: () => {
              finish();
              resolve(last?.orders ?? []);
            },
          });
          if (settled) return;
          running = {
            cancel: () => {
              subscription.unsubscribe();
              finish();
              resolve(null);
            },
          };
        });
      },
      cancelExport(): void {
        running?.cancel();
      },
    };
  }),
  withHooks({ onDestroy: (store) => store.cancelExport() }),
);
