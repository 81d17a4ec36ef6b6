import type { ApplicationRef } from '@angular/core';
import { NavigationEnd, NavigationStart, Router, type Event } from '@angular/router';
import { Subject } from 'rxjs';
import { FIRST_PAGE_SETTLE_CAP_MS, idleAfterFirstPage, idleAfterLoad } from './idle-after-load';

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

/** An app whose router events and stability the test controls. */
function fakeApp(navigated = false) {
  const events = new Subject<Event>();
  let stable!: () => void;
  const whenStable = new Promise<void>((resolve) => (stable = resolve));
  const router = { events, navigated };
  const app = {
    injector: { get: (token: unknown) => (token === Router ? router : null) },
    whenStable: () => whenStable,
  };
  return { app: app as unknown as ApplicationRef, events, stable: () => stable() };
}

describe('idleAfterFirstPage', () => {
  it('waits for load, the first navigation and a stable app, then for the browser to be idle', async () => {
    const fake = fakeWindow('interactive', true);
    const app = fakeApp();
    let done = false;
    void idleAfterFirstPage(app.app, fake.window).then(() => (done = true));
    fake.listeners.forEach((l) => l());
    app.stable();
    app.events.next(new NavigationStart(1, '/dashboard'));
    await turn();
    expect(fake.idleCallbacks.length).withContext('navigation still running').toBe(0);
    app.events.next(new NavigationEnd(1, '/dashboard', '/dashboard'));
    await turn();
    expect(done).toBeFalse();
    expect(fake.idleCallbacks.length).toBe(1);
    fake.idleCallbacks.forEach((c) => c());
    await turn();
    expect(done).toBeTrue();
  });

  it('does not wait for the load event alone: a page still loading its code keeps it waiting', async () => {
    const fake = fakeWindow('complete', true);
    const app = fakeApp();
    void idleAfterFirstPage(app.app, fake.window);
    await turn();
    expect(fake.idleCallbacks.length).toBe(0);
  });

  it('stops waiting for stability 5 s after the navigation (a stream keeps the app unstable)', async () => {
    const fake = fakeWindow('complete', true);
    const app = fakeApp(true);
    void idleAfterFirstPage(app.app, fake.window);
    await turn();
    expect(fake.timers.map(([, ms]) => ms)).toEqual([FIRST_PAGE_SETTLE_CAP_MS]);
    expect(FIRST_PAGE_SETTLE_CAP_MS).toBe(5_000);
    expect(fake.idleCallbacks.length).toBe(0);
    fake.timers[0][0]();
    await turn();
    expect(fake.idleCallbacks.length).toBe(1);
  });

  it('does not wait for a first navigation that already ended', async () => {
    const fake = fakeWindow('complete', true);
    const app = fakeApp(true);
    void idleAfterFirstPage(app.app, fake.window);
    app.stable();
    await turn();
    expect(fake.idleCallbacks.length).toBe(1);
  });
});
