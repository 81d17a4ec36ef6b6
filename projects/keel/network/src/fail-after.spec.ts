import { Observable, Subject } from 'rxjs';
import { failAfter } from './fail-after';
import type { NetworkClock } from './network-clock';
import { FakeNetworkClock } from '@keel/network/testing';

describe('failAfter', () => {
  let fake: FakeNetworkClock;
  let source: Subject<string>;
  let subscribed: boolean;
  const timedOut = new Error('timed out');

  /** The source, which says whether it is still subscribed (an HTTP attempt not yet aborted). */
  const watched = () =>
    new Observable<string>((subscriber) => {
      subscribed = true;
      const inner = source.subscribe(subscriber);
      return () => {
        subscribed = false;
        inner.unsubscribe();
      };
    });

  /** The same clock without the optional `schedule`: the layer must subscribe to `timer`. */
  const timerOnly = (): NetworkClock => ({
    now: () => fake.now(),
    timer: (ms) => fake.timer(ms),
  });

  beforeEach(() => {
    fake = new FakeNetworkClock();
    source = new Subject<string>();
    subscribed = false;
  });

  for (const [name, clock] of [
    ['a clock that schedules', () => fake],
    ['a clock with only timer()', timerOnly],
  ] as const) {
    describe(`on ${name}`, () => {
      it('mirrors the source, and once ms have passed errors with error() and aborts it', () => {
        const seen: unknown[] = [];
        failAfter(watched(), clock(), 1000, () => timedOut).subscribe({
          next: (value) => seen.push(value),
          error: (error: unknown) => seen.push(error),
        });
        expect(subscribed).toBeTrue();
        // An early value (HttpClient's Sent event) does not stop the timer, as it would race().
        source.next('sent');
        fake.advance(999);
        expect(seen).toEqual(['sent']);
        fake.advance(1);
        expect(seen).toEqual(['sent', timedOut]);
        expect(subscribed).toBeFalse();
      });

      it('passes on the source’s completion and stops its timer', () => {
        const seen: unknown[] = [];
        failAfter(watched(), clock(), 1000, () => timedOut).subscribe({
          next: (value) => seen.push(value),
          error: (error: unknown) => seen.push(error),
          complete: () => seen.push('complete'),
        });
        source.next('answer');
        source.complete();
        expect(fake.pendingCount).toBe(0);
        fake.advance(5000);
        expect(seen).toEqual(['answer', 'complete']);
      });

      it('passes on the source’s error and stops its timer', () => {
        const seen: unknown[] = [];
        const failure = new Error('refused');
        failAfter(watched(), clock(), 1000, () => timedOut).subscribe({
          error: (error: unknown) => seen.push(error),
        });
        source.error(failure);
        expect(fake.pendingCount).toBe(0);
        fake.advance(5000);
        expect(seen).toEqual([failure]);
      });

      it('stops the timer and the source when unsubscribed', () => {
        const seen: unknown[] = [];
        const subscription = failAfter(watched(), clock(), 1000, () => timedOut).subscribe({
          error: (error: unknown) => seen.push(error),
        });
        subscription.unsubscribe();
        expect(subscribed).toBeFalse();
        expect(fake.pendingCount).toBe(0);
        fake.advance(5000);
        expect(seen).toEqual([]);
      });
    });
  }

  it('asks a clock that can schedule for that, not for an Observable timer', () => {
    const clock: NetworkClock = {
      now: () => fake.now(),
      timer: () => {
        throw new Error('timer() asked of a clock that can schedule');
      },
      schedule: (ms, fire) => fake.schedule(ms, fire),
    };
    const seen: unknown[] = [];
    failAfter(watched(), clock, 250, () => timedOut).subscribe({
      error: (error: unknown) => seen.push(error),
    });
    expect(fake.requested).toEqual([250]);
    fake.advance(250);
    expect(seen).toEqual([timedOut]);
  });
});
