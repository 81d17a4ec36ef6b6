import { webLocksLeadership } from './tab-leadership';

/**
 * The part of a `LockManager` leadership uses, as a browser behaves: requests queue, the
 * holder's promise releases, a granted callback runs a moment later (too late for an abort to
 * take the request back), and `query()` tells what is held and what waits.
 */
class FakeLocks {
  /** Called when a request is granted, before its callback runs. */
  onGrant: (() => void) | undefined;
  private queue: { name: string; callback: () => Promise<void> | undefined; done: () => void }[] =
    [];
  private holder: string | null = null;

  request(
    name: string,
    options: { signal?: AbortSignal },
    callback: () => Promise<void> | undefined,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const entry = { name, callback, done: resolve };
      options.signal?.addEventListener('abort', () => {
        const at = this.queue.indexOf(entry);
        if (at < 0) return; // granted already
        this.queue.splice(at, 1);
        reject(new DOMException('aborted', 'AbortError'));
      });
      this.queue.push(entry);
      this.grantNext();
    });
  }

  query(): Promise<{ held: { name: string }[]; pending: { name: string }[] }> {
    return Promise.resolve({
      held: this.holder === null ? [] : [{ name: this.holder }],
      pending: this.queue.map(({ name }) => ({ name })),
    });
  }

  private grantNext(): void {
    if (this.holder !== null) return;
    const next = this.queue.shift();
    if (!next) return;
    this.holder = next.name;
    this.onGrant?.();
    void Promise.resolve()
      .then(next.callback)
      .then(() => {
        next.done();
        this.holder = null;
        this.grantNext();
      });
  }
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('webLocksLeadership', () => {
  let fake: FakeLocks;
  let locks: LockManager;

  beforeEach(() => {
    fake = new FakeLocks();
    locks = fake as unknown as LockManager;
  });

  it('lets one tab lead, and hands over to the next when the leader steps down', async () => {
    const led: string[] = [];
    const first = webLocksLeadership(locks).join('keel-flag-stream', () => led.push('first'));
    webLocksLeadership(locks).join('keel-flag-stream', () => led.push('second'));
    await settle();
    expect(led).toEqual(['first']);
    first();
    await settle();
    expect(led).toEqual(['first', 'second']);
  });

  it('leaves the queue without ever leading when a waiting tab gives up', async () => {
    const led: string[] = [];
    const first = webLocksLeadership(locks).join('x', () => led.push('first'));
    const second = webLocksLeadership(locks).join('x', () => led.push('second'));
    webLocksLeadership(locks).join('x', () => led.push('third'));
    await settle();
    second();
    expect((await fake.query()).pending).toEqual([{ name: 'x' }]);
    first();
    await settle();
    expect(led).toEqual(['first', 'third']);
  });

  it('does not lead, and lets the next tab lead, when the lock comes just as it leaves', async () => {
    const led: string[] = [];
    const first = webLocksLeadership(locks).join('x', () => led.push('first'));
    const second = webLocksLeadership(locks).join('x', () => led.push('second'));
    webLocksLeadership(locks).join('x', () => led.push('third'));
    await settle();
    fake.onGrant = () => {
      fake.onGrant = undefined;
      second();
    };
    first();
    await settle();
    expect(led).toEqual(['first', 'third']);
  });

  it('without Web Locks, every tab leads itself at once', () => {
    let led = 0;
    const stepDown = webLocksLeadership(undefined).join('x', () => led++);
    expect(led).toBe(1);
    expect(() => stepDown()).not.toThrow();
  });
});
