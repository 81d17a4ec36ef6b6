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
    // The source writes to our subscriber itself (as `defer` does), and its teardown is added
    // to ours: no relaying subscriber per call. The timer is cancelled after the source has been
    // unsubscribed, however the call ends.
    source.subscribe(subscriber);
    return cancel;
  });
}
