import { Observable } from 'rxjs';
import type { NetworkClock } from '@keel/network';

interface PendingTimer {
  readonly dueAt: number;
  readonly fire: () => void;
  cancelled: boolean;
}

/**
 * A `NetworkClock` for tests: time moves only when the test calls `advance(ms)`, and every
 * delay asked for is recorded in `requested`, so tests assert delays instead of sleeping.
 */
export class FakeNetworkClock implements NetworkClock {
  /** Every `timer(ms)` asked for, in order. */
  readonly requested: number[] = [];
  private current: number;
  private pending: PendingTimer[] = [];

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  timer(ms: number): Observable<unknown> {
    return new Observable<number>((subscriber) =>
      this.schedule(ms, () => {
        subscriber.next(0);
        subscriber.complete();
      }),
    );
  }

  schedule(ms: number, fire: () => void): () => void {
    this.requested.push(ms);
    const entry: PendingTimer = { dueAt: this.current + Math.max(0, ms), fire, cancelled: false };
    this.pending.push(entry);
    return () => (entry.cancelled = true);
  }

  /** Timers still waiting (not fired, not cancelled). */
  get pendingCount(): number {
    return this.pending.filter((t) => !t.cancelled).length;
  }

  /** Moves time forward, firing due timers in order (including ones they schedule). */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const next = this.pending
        .filter((t) => !t.cancelled && t.dueAt <= target)
        .sort((a, b) => a.dueAt - b.dueAt)[0];
      if (!next) break;
      this.current = Math.max(this.current, next.dueAt);
      next.cancelled = true;
      next.fire();
    }
    this.pending = this.pending.filter((t) => !t.cancelled);
    this.current = target;
  }
}
