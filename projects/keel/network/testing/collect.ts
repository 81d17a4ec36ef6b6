import type { Observable, Subscription } from 'rxjs';
import { type AppError, isAppError } from '@keel/network';

/** What a subscription received; `error` is always an AppError (anything else fails the test). */
export interface Collected<T> {
  value?: T;
  error?: AppError;
  readonly subscription: Subscription;
}

/** Subscribes and keeps the last value or the AppError, for synchronous assertions. */
export function collect<T>(source: Observable<T>): Collected<T> {
  const result: { value?: T; error?: AppError; subscription?: Subscription } = {};
  result.subscription = source.subscribe({
    next: (value) => (result.value = value),
    error: (error: unknown) => {
      if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
      result.error = error;
    },
  });
  return result as Collected<T>;
}

/** Lets pending promise callbacks run (no timers involved). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
