import { DOCUMENT } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { NETWORK_STATUS } from './network-status';

describe('NETWORK_STATUS (the browser default)', () => {
  const dispatch = (type: 'online' | 'offline') => window.dispatchEvent(new Event(type));

  // Every test ends online, as the browser it runs in is.
  afterEach(() => dispatch('online'));

  it("starts from the browser's navigator.onLine", () => {
    const status = TestBed.inject(NETWORK_STATUS);
    expect(status.isOnline()).toBe(navigator.onLine);
  });

  it('follows the window’s offline and online events, and says so on changes', () => {
    const status = TestBed.inject(NETWORK_STATUS);
    const heard: [event: boolean, isOnline: boolean][] = [];
    const subscription = status.changes.subscribe((online) =>
      heard.push([online, status.isOnline()]),
    );
    dispatch('offline');
    expect(status.isOnline()).toBeFalse();
    dispatch('online');
    expect(status.isOnline()).toBeTrue();
    dispatch('offline');
    subscription.unsubscribe();
    dispatch('online');
    // isOnline() is already up to date when a subscriber of `changes` hears the event.
    expect(heard).toEqual([
      [false, false],
      [true, true],
      [false, false],
    ]);
  });

  it('counts as online, and never changes, where there is no window (server rendering)', () => {
    TestBed.configureTestingModule({
      providers: [{ provide: DOCUMENT, useValue: { defaultView: null } }],
    });
    const status = TestBed.inject(NETWORK_STATUS);
    const heard: boolean[] = [];
    const subscription = status.changes.subscribe({
      next: (online) => heard.push(online),
      complete: () => heard.push(true),
    });
    dispatch('offline');
    subscription.unsubscribe();
    expect(status.isOnline()).toBeTrue();
    expect(heard).toEqual([]);
  });
});
