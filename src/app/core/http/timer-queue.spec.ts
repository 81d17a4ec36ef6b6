import { type PlatformTimer, TimerQueue } from './timer-queue';

/** A platform timer the test moves by hand: at most one is armed at a time, as the queue asks. */
class ManualPlatform implements PlatformTimer {
  now = Date.UTC(2026, 0, 1);
  armed: { fire: () => void; at: number; id: number } | null = null;
  sets = 0;
  private ids = 0;

  set(fire: () => void, ms: number): unknown {
    this.sets++;
    this.armed = { fire, at: this.now + ms, id: ++this.ids };
    return this.armed.id;
  }

  clear(handle: unknown): void {
    if (this.armed?.id === handle) this.armed = null;
  }

  advance(ms: number): void {
    const target = this.now + ms;
    while (this.armed && this.armed.at <= target) {
      const { fire, at } = this.armed;
      this.armed = null;
      this.now = at;
      fire();
    }
    this.now = target;
  }
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
    expect(platform.armed?.at).toBe(platform.now + 5000);
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
  });
});
