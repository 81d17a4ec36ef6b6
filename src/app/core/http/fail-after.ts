import { Observable } from 'rxjs';

/**
 * Mirrors `source` until `deadline` emits, then errors with `error()` and unsubscribes the
 * source (which aborts an HTTP attempt in flight). Unlike `race`, an early `next` from the
 * source (HttpClient's `Sent` event) does not cancel the deadline.
 */
export function failAfter<T>(
  source: Observable<T>,
  deadline: Observable<unknown>,
  error: () => unknown,
): Observable<T> {
  return new Observable<T>((subscriber) => {
    const timer = deadline.subscribe(() => subscriber.error(error()));
    const inner = source.subscribe({
      next: (value) => subscriber.next(value),
      error: (err: unknown) => subscriber.error(err),
      complete: () => subscriber.complete(),
    });
    return () => {
      timer.unsubscribe();
      inner.unsubscribe();
    };
  });
}
