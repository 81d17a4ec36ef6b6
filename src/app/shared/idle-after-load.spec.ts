import type { ApplicationRef } from '@angular/core';
import { NavigationEnd, NavigationStart, Router, type Event } from '@angular/router';
import { Subject } from 'rxjs';
import {
  FIRST_PAGE_SETTLE_CAP_MS,
  idleAfterFirstPage,
  idleAfterLoad,
  quietFor,
} from './idle-after-load';

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

describe('quietFor', () => {
  /** A window whose timers, input events and idle callbacks the test drives. */
  function inputWindow() {
    const listeners = new Map<string, Set<() => void>>();
    let timers = new Map<number, [() => void, number]>();
    let nextId = 1;
    const idleCallbacks: (() => void)[] = [];
    const window = {
      addEventListener: (type: string, listener: () => void, options: AddEventListenerOptions) => {
        expect(options).toEqual({ capture: true, passive: true });
        if (!listeners.has(type)) listeners.set(type, new Set());
        listeners.get(type)?.add(listener);
      },
      removeEventListener: (type: string, listener: () => void, capture: boolean) => {
        expect(capture).toBeTrue();
        listeners.get(type)?.delete(listener);
      },
      setTimeout: (callback: () => void, ms: number) => {
        timers.set(nextId, [callback, ms]);
        return nextId++;
      },
      clearTimeout: (id: number) => timers.delete(id),
      requestIdleCallback: (callback: () => void) => idleCallbacks.push(callback),
    };
    return {
      window: window as unknown as Window,
      input: (type: string) => listeners.get(type)?.forEach((l) => l()),
      listening: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
      pending: () => [...timers.values()].map(([, ms]) => ms),
      timerIds: () => [...timers.keys()],
      fire: () => {
        const due = [...timers.values()];
        timers = new Map();
        due.forEach(([callback]) => callback());
      },
      idleCallbacks,
    };
  }

  it('waits until nobody has used the page for the time given, then for the browser to be idle', async () => {
    const fake = inputWindow();
    let done = false;
    void quietFor(10_000, fake.window).then(() => (done = true));
    expect(fake.pending()).toEqual([10_000]);
    expect(fake.listening()).toBe(4);
    fake.fire();
    await turn();
    expect(done).toBeFalse();
    expect(fake.listening()).withContext('stops listening once quiet').toBe(0);
    fake.idleCallbacks.forEach((c) => c());
    await turn();
    expect(done).toBeTrue();
  });

  for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart'])
    it(`starts the wait again on ${type}`, async () => {
      const fake = inputWindow();
      void quietFor(10_000, fake.window);
      const [first] = fake.timerIds();
      fake.input(type);
      expect(fake.pending()).withContext('the old timer is cleared').toEqual([10_000]);
      const [second] = fake.timerIds();
      expect(second).withContext('a new wait').not.toBe(first);
      fake.input('mousemove');
      expect(fake.timerIds())
        .withContext('moving the mouse is not using the page')
        .toEqual([second]);
      fake.fire();
      await turn();
      expect(fake.idleCallbacks.length).toBe(1);
    });
});
