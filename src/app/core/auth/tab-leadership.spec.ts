import { webLocksLeadership } from './tab-leadership';

/** The part of a `LockManager` leadership uses: requests queue, the holder's promise releases. */
class FakeLocks {
  private queue: { callback: () => Promise<void> | undefined; signal?: AbortSignal }[] = [];
  private held = false;

  request(
    _name: string,
    options: { signal?: AbortSignal },
    callback: () => Promise<void> | undefined,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      options.signal?.addEventListener('abort', () => {
        this.queue = this.queue.filter((q) => q.callback !== run);
        reject(new DOMException('aborted', 'AbortError'));
      });
      const run = () => {
        const released = callback();
        void Promise.resolve(released).then(() => {
          resolve();
          this.held = false;
          this.grantNext();
        });
        return released;
      };
      this.queue.push({ callback: run, signal: options.signal });
      this.grantNext();
    });
  }

  private grantNext(): void {
    if (this.held) return;
    const next = this.queue.shift();
    if (!next) return;
    this.held = true;
    next.callback();
  }
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('webLocksLeadership', () => {
  it('lets one tab lead, and hands over to the next when the leader steps down', async () => {
    const locks = new FakeLocks() as unknown as LockManager;
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
    const locks = new FakeLocks() as unknown as LockManager;
    const led: string[] = [];
    const first = webLocksLeadership(locks).join('x', () => led.push('first'));
    const second = webLocksLeadership(locks).join('x', () => led.push('second'));
    webLocksLeadership(locks).join('x', () => led.push('third'));
    second();
    first();
    await settle();
    expect(led).toEqual(['first', 'third']);
  });

  it('without Web Locks, every tab leads itself at once', () => {
    let led = false;
    webLocksLeadership(undefined).join('x', () => (led = true));
    expect(led).toBeTrue();
  });
});
