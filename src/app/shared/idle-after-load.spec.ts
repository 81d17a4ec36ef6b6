import { idleAfterLoad } from './idle-after-load';

/** A window whose `load` event and idle callback the test fires. */
function fakeWindow(readyState: DocumentReadyState, idle: boolean) {
  const listeners: (() => void)[] = [];
  const idleCallbacks: (() => void)[] = [];
  const timers: [() => void, number][] = [];
  const window = {
    document: { readyState },
    addEventListener: (type: string, listener: () => void) => {
      if (type === 'load') listeners.push(listener);
    },
    requestIdleCallback: idle
      ? (callback: () => void, options: { timeout: number }) => {
          expect(options.timeout).toBe(5_000);
          idleCallbacks.push(callback);
          return 1;
        }
      : undefined,
    setTimeout: (callback: () => void, ms: number) => timers.push([callback, ms]),
  };
  return { window: window as unknown as Window, listeners, idleCallbacks, timers };
}

const turn = () => new Promise((resolve) => setTimeout(resolve));

describe('idleAfterLoad', () => {
  it('waits for the load event, then for the browser to be idle', async () => {
    const fake = fakeWindow('interactive', true);
    let done = false;
    void idleAfterLoad(fake.window).then(() => (done = true));
    await turn();
    expect(fake.idleCallbacks.length).toBe(0);
    fake.listeners.forEach((l) => l());
    await turn();
    expect(done).toBeFalse();
    fake.idleCallbacks.forEach((c) => c());
    await turn();
    expect(done).toBeTrue();
  });

  it('does not wait for a load that already happened', async () => {
    const fake = fakeWindow('complete', true);
    void idleAfterLoad(fake.window);
    await turn();
    expect(fake.idleCallbacks.length).toBe(1);
  });

  it('falls back to 1 s after load without requestIdleCallback', async () => {
    const fake = fakeWindow('complete', false);
    void idleAfterLoad(fake.window);
    await turn();
    expect(fake.timers.map(([, ms]) => ms)).toEqual([1_000]);
  });
});
