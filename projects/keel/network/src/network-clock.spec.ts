import { TestBed } from '@angular/core/testing';
import { NETWORK_CLOCK, type NetworkClock, realClock } from './network-clock';

describe('the real clock', () => {
  const start = new Date(Date.UTC(2026, 0, 1));

  beforeEach(() => installJasmineClock(start));
  afterEach(() => uninstallJasmineClock());

  it('is the default NETWORK_CLOCK', () => {
    const clock = TestBed.inject(NETWORK_CLOCK);
    const fired: number[] = [];
    clock.schedule?.(100, () => fired.push(clock.now()));
    jasmine.clock().tick(100);
    expect(fired).toEqual([start.getTime() + 100]);
  });

  describe('realClock()', () => {
    let clock: NetworkClock;

    beforeEach(() => (clock = realClock()));

    it('tells the time as Date.now()', () => {
      expect(clock.now()).toBe(start.getTime());
      jasmine.clock().tick(1234);
      expect(clock.now()).toBe(start.getTime() + 1234);
    });

    it('runs a scheduled function once its delay has passed, and never once cancelled', () => {
      const fired: string[] = [];
      clock.schedule?.(300, () => fired.push('kept'));
      const cancel = clock.schedule?.(200, () => fired.push('cancelled'));
      jasmine.clock().tick(100);
      cancel?.();
      jasmine.clock().tick(199);
      expect(fired).toEqual([]);
      jasmine.clock().tick(1);
      expect(fired).toEqual(['kept']);
      jasmine.clock().tick(10_000);
      expect(fired).toEqual(['kept']);
    });

    it('has a timer that emits once after its delay and completes', () => {
      const seen: string[] = [];
      clock.timer(500).subscribe({
        next: (value) => seen.push(`next ${String(value)} at ${clock.now() - start.getTime()}`),
        complete: () => seen.push('complete'),
      });
      jasmine.clock().tick(499);
      expect(seen).toEqual([]);
      jasmine.clock().tick(1);
      expect(seen).toEqual(['next 0 at 500', 'complete']);
    });

    it('cancels the wait when the timer is unsubscribed', () => {
      const seen: unknown[] = [];
      const subscription = clock.timer(500).subscribe({
        next: (value) => seen.push(value),
        complete: () => seen.push('complete'),
      });
      jasmine.clock().tick(100);
      subscription.unsubscribe();
      jasmine.clock().tick(1000);
      expect(seen).toEqual([]);
    });
  });
});

type Timers = Pick<
  typeof globalThis,
  'setTimeout' | 'clearTimeout' | 'setInterval' | 'clearInterval'
>;
let globalTimers: Timers | undefined;

/**
 * `jasmine.clock()` with the date at `start`. In Node, happy-dom registers its own timers as the
 * globals, over which the clock refuses to install: they are put aside (the uninstall puts
 * Jasmine's own back) and restored afterwards. In a browser both steps change nothing.
 */
function installJasmineClock(start: Date): void {
  const { setTimeout, clearTimeout, setInterval, clearInterval } = globalThis;
  globalTimers = { setTimeout, clearTimeout, setInterval, clearInterval };
  jasmine.clock().uninstall();
  jasmine.clock().install();
  jasmine.clock().mockDate(start);
}

function uninstallJasmineClock(): void {
  jasmine.clock().uninstall();
  Object.assign(globalThis, globalTimers);
}
