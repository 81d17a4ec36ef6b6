import { Observable } from 'rxjs';
import type { NetworkClock } from './network-clock';

/**
 * Mirrors `source` until `ms` have passed on `clock`, then errors with `error()` and
 * unsubscribes the source (which aborts an HTTP attempt in flight). Unlike `race`, an early
 * `next` from the source (HttpClient's `Sent` event) does not cancel the timer.
 */
export function failAfter<T>(
  source: Observable<T>,
  clock: NetworkClock,
  ms: number,
  error: () => unknown,
): Observable<T> {
  return new Observable<T>((subscriber) => {
    const fire = () => subscriber.error(error());
    let cancel: () => void;
    if (clock.schedule) cancel = clock.schedule(ms, fire);
    else {
      const timer = clock.timer(ms).subscribe(fire);
      cancel = () => timer.unsubscribe();
    }
    const inner = source.subscribe({
      next: (value) => subscriber.next(value),
      error: (err: unknown) => subscriber.error(err),
      complete: () => subscriber.complete(),
    });
    return () => {
      cancel();
      inner.unsubscribe();
    };
  });
}
