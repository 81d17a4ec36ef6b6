import { InjectionToken } from '@angular/core';
import { Observable, timer } from 'rxjs';

/**
 * The one seam for time in the network layer: backoff waits, timeouts, the deadline, the
 * breaker's window and the retry budget all ask it, so tests assert the delays that were
 * asked for (see `FakeNetworkClock`) instead of sleeping.
 */
export interface NetworkClock {
  /** Epoch milliseconds. */
  now(): number;
  /** Emits once after `ms` milliseconds; unsubscribing cancels the wait. */
  timer(ms: number): Observable<unknown>;
}

/** @default the real clock: `Date.now()` and RxJS `timer`. */
export const NETWORK_CLOCK = new InjectionToken<NetworkClock>('NETWORK_CLOCK', {
  providedIn: 'root',
  factory: () => ({ now: () => Date.now(), timer: (ms) => timer(ms) }),
});
