import { type PlatformTimer, TimerQueue } from './timer-queue';

/**
 * A platform timer the test moves by hand. It keeps every timer set and not cleared, so a test
 * sees when the queue leaves more than the one it means to.
 */
class ManualPlatform implements PlatformTimer {
  now = Date.UTC(2026, 0, 1);
  pending: { fire: () => void; at: number; id: number }[] = [];
  sets = 0;
  private ids = 0;

  /** The one platform timer armed, or null; more than one is a failure. */
  get armed(): { at: number } | null {
    expect(this.pending.length).toBeLessThanOrEqual(1);
    return this.pending[0] ?? null;
  }

  set(fire: () => void, ms: number): unknown {
    this.sets++;
    this.pending.push({ fire, at: this.now + ms, id: ++this.ids });
    return this.ids;
  }

  clear(handle: unknown): void {
    this.pending = this.pending.filter((t) => t.id !== handle);
  }

  advance(ms: number): void {
    const target = this.now + ms;
    for (;;) {
      const next = this.pending.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.pending = this.pending.filter((t) => t !== next);
      this.now = Math.max(this.now, next.at);
      next.fire();
    }
    this.now = target;
  }
}

/** A fixed sequence of numbers in [0, 1), the same on every run. */
function pseudoRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('TimerQueue', () => {
  let platform: ManualPlatform;
  let queue: TimerQueue;

  beforeEach(() => {
    platform = new ManualPlatform();
    queue = new TimerQueue(() => platform.now, platform);
  });

  it('fires each timer once, in due order, when its time has come', () => {
    const fired: string[] = [];
    queue.schedule(300, () => fired.push('300'));
    queue.schedule(100, () => fired.push('100'));
    queue.schedule(200, () => fired.push('200'));
    platform.advance(99);
    expect(fired).toEqual([]);
    platform.advance(1);
    expect(fired).toEqual(['100']);
    platform.advance(200);
    expect(fired).toEqual(['100', '200', '300']);
    platform.advance(10_000);
    expect(fired).toEqual(['100', '200', '300']);
    expect(platform.armed).toBeNull();
  });

  it('never fires a cancelled timer, and a later one still fires', () => {
    const fired: string[] = [];
    const cancel = queue.schedule(100, () => fired.push('cancelled'));
    queue.schedule(150, () => fired.push('kept'));
    cancel();
    cancel();
    platform.advance(200);
    expect(fired).toEqual(['kept']);
    expect(queue.size).toBe(0);
  });

  it('arms one platform timer for the earliest, re-armed only for an earlier one', () => {
    queue.schedule(10_000, () => undefined);
    queue.schedule(30_000, () => undefined);
    queue.schedule(20_000, () => undefined);
    expect(platform.sets).toBe(1);
    queue.schedule(5000, () => undefined);
    expect(platform.sets).toBe(2);
    // A timer due with the earliest needs no new platform timer either.
    queue.schedule(5000, () => undefined);
    expect(platform.sets).toBe(2);
    expect(platform.armed?.at).toBe(platform.now + 5000);
  });

  it('wakes up next for the earliest timer still waiting, not for a cancelled one', () => {
    const start = platform.now;
    queue.schedule(100, () => undefined);
    const cancel = queue.schedule(200, () => undefined);
    queue.schedule(300, () => undefined);
    cancel();
    platform.advance(100);
    expect(platform.armed?.at).toBe(start + 300);
    expect(queue.size).toBe(1);
  });

  it('does not count a timer cancelled after it fired as one waiting', () => {
    const cancel = queue.schedule(100, () => undefined);
    queue.schedule(200, () => undefined);
    platform.advance(100);
    cancel();
    expect(queue.size).toBe(1);
  });

  it('fires timers due at the same moment in the order they were scheduled', () => {
    const fired: string[] = [];
    queue.schedule(5, () => fired.push('5 ms'));
    queue.schedule(30, () => fired.push('30 ms'));
    queue.schedule(10, () => fired.push('10 ms, first'));
    queue.schedule(10, () => fired.push('10 ms, second'));
    queue.schedule(10, () => fired.push('10 ms, third'));
    platform.advance(30);
    expect(fired).toEqual(['5 ms', '10 ms, first', '10 ms, second', '10 ms, third', '30 ms']);
  });

  it('fires many timers, most of them cancelled, each once and when it is due', () => {
    const random = pseudoRandom(42);
    const start = platform.now;
    const fired: [id: number, at: number][] = [];
    const schedule = (id: number, delay: number) => ({
      id,
      dueAt: platform.now - start + delay,
      cancel: queue.schedule(delay, () => fired.push([id, platform.now - start])),
    });
    // Delays in steps of 100 ms, so that many are due together.
    let timers = Array.from({ length: 400 }, (_, id) =>
      schedule(id, 100 * Math.floor(random() * 50)),
    );
    const cancelled = new Set(timers.filter(() => random() < 0.7));
    for (const timer of cancelled) timer.cancel();
    // Time moves in steps while more timers arrive.
    for (let step = 0; step < 20; step++) {
      platform.advance(150);
      timers = timers.concat(schedule(400 + step, 100 * Math.floor(random() * 30)));
    }
    platform.advance(10_000);
    const expected = timers
      .filter((t) => !cancelled.has(t))
      .sort((a, b) => a.dueAt - b.dueAt || a.id - b.id)
      .map((t): [number, number] => [t.id, t.dueAt]);
    expect(fired).toEqual(expected);
    expect(queue.size).toBe(0);
    expect(platform.armed).toBeNull();
  });

  it('keeps its heap small when nearly every timer is cancelled (the hot path)', () => {
    for (let i = 0; i < 10_000; i++) queue.schedule(30_000 + i, () => undefined)();
    expect(queue.size).toBe(0);
    expect((queue as unknown as { heap: unknown[] }).heap.length).toBeLessThan(200);
  });

  it('fires timers that a fired timer schedules', () => {
    const fired: number[] = [];
    queue.schedule(100, () => {
      fired.push(100);
      queue.schedule(50, () => fired.push(150));
    });
    platform.advance(100);
    platform.advance(50);
    expect(fired).toEqual([100, 150]);
    // One platform timer for each wake-up, none left behind.
    expect(platform.sets).toBe(2);
    expect(platform.armed).toBeNull();
  });
});

describe('TimerQueue on setTimeout (its default platform)', () => {
  it('asks setTimeout for the delay to the earliest timer and clears the one it replaces', () => {
    let now = Date.UTC(2026, 0, 1);
    const handles = [11, 12, 13] as unknown as ReturnType<typeof setTimeout>[];
    const set = spyOn(globalThis, 'setTimeout').and.returnValues(...handles);
    const clear = spyOn(globalThis, 'clearTimeout');
    const queue = new TimerQueue(() => now);
    const fired: string[] = [];
    queue.schedule(10_000, () => fired.push('10 s'));
    queue.schedule(5000, () => fired.push('5 s'));
    expect(set.calls.allArgs().map(([, ms]) => ms)).toEqual([10_000, 5000]);
    expect(clear.calls.allArgs()).toEqual([[handles[0]]]);
    now += 5000;
    (set.calls.mostRecent().args[0] as () => void)();
    expect(fired).toEqual(['5 s']);
    // Re-armed for the 10 s timer, due 5 s from now.
    expect(set.calls.mostRecent().args[1]).toBe(5000);
  });
});
