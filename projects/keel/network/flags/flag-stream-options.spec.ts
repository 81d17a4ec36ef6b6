import { browserIdle, type IdleWindow } from './flag-stream-options';

describe('browserIdle', () => {
  /** A window that records what was asked of it; `run()` fires what it holds. */
  function fakeWindow(idleCallback: boolean) {
    const held: (() => void)[] = [];
    const asked: string[] = [];
    const window: IdleWindow = {
      requestAnimationFrame: (callback: FrameRequestCallback) => {
        asked.push('frame');
        held.push(() => callback(0));
        return 1;
      },
      setTimeout: ((callback: () => void, ms?: number) => {
        asked.push(`timeout ${ms ?? 0}`);
        held.push(callback);
        return 1;
      }) as Window['setTimeout'],
      ...(idleCallback
        ? {
            requestIdleCallback: (callback: IdleRequestCallback, options?: IdleRequestOptions) => {
              asked.push(`idle within ${options?.timeout}`);
              held.push(() => callback({ didTimeout: false, timeRemaining: () => 10 }));
              return 1;
            },
          }
        : {}),
    };
    const run = async () => {
      for (const fire of held.splice(0)) fire();
      await Promise.resolve();
    };
    return { window, asked, run };
  }

  it('waits for an idle callback, at most 1 s by default', async () => {
    const { window, asked, run } = fakeWindow(true);
    let done = false;
    void browserIdle(window).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBeFalse();
    expect(asked).toEqual(['idle within 1000']);
    await run();
    expect(done).toBeTrue();
  });

  it('waits until the next frame has been drawn where there is no idle callback', async () => {
    const { window, asked, run } = fakeWindow(false);
    let done = false;
    void browserIdle(window).then(() => (done = true));
    await run();
    expect(done).toBeFalse();
    await run();
    expect(done).toBeTrue();
    expect(asked).toEqual(['frame', 'timeout 0']);
  });

  it('resolves at once without a window', async () => {
    await expectAsync(browserIdle(null)).toBeResolved();
  });
});
