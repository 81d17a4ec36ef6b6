import { InjectionToken } from '@angular/core';
import { Observable } from 'rxjs';
import { TimerQueue } from './timer-queue';

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
  /**
   * Optional: runs `fire` once after `ms` milliseconds; the returned function cancels it. The
   * same as `timer(ms)` without an Observable and a subscriber, for the two timers every call
   * starts (deadline, attempt timeout); without it the layer subscribes to `timer`.
   */
  schedule?(ms: number, fire: () => void): () => void;
}

/**
 * @default the real clock: `Date.now()`, and timers kept in one `TimerQueue` (one platform
 * timer for all of them, since nearly every one is cancelled within milliseconds).
 */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const NETWORK_CLOCK = new InjectionToken<NetworkClock>('NETWORK_CLOCK', {
  factory: () => realClock(),
});

export function realClock(): NetworkClock {
  const queue = new TimerQueue(Date.now);
  return {
    now: () => Date.now(),
    schedule: (ms, fire) => queue.schedule(ms, fire),
    timer: (ms) =>
      new Observable<number>((subscriber) =>
        queue.schedule(ms, () => {
          subscriber.next(0);
          subscriber.complete();
        }),
      ),
  };
}
