import { signalStoreFeature, withState } from '@ngrx/signals';
import { type AppError, isAppError, toAppError } from '@keel/network';

/** Whether a store's request is running, and how its last one failed. */
export interface RequestState {
  readonly loading: boolean;
  /** The last request's failure; cleared when the next one starts. */
  readonly error: AppError | null;
}

/**
 * `loading` and `error` for a store that runs one request at a time (a load, a submission),
 * changed only through the updaters below, so every store reads and clears them the same way:
 * `patchState(store, requestStarted())`, `…requestSucceeded()`, `…requestFailed(error)`.
 */
export function withRequestState() {
  return signalStoreFeature(withState<RequestState>({ loading: false, error: null }));
}

export function requestStarted(): RequestState {
  return { loading: true, error: null };
}

export function requestSucceeded(): RequestState {
  return { loading: false, error: null };
}

/**
 * Anything a request threw becomes an `AppError`: the network layer's and the decoders' already
 * are; anything else (a bug in a `map`) is mapped the way the layer maps an unknown failure.
 */
export function requestFailed(error: unknown): RequestState {
  return { loading: false, error: isAppError(error) ? error : toAppError(error) };
}
