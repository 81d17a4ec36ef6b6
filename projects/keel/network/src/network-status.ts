import { DOCUMENT } from '@angular/common';
import { InjectionToken, inject } from '@angular/core';
import { Observable, fromEvent, map, merge } from 'rxjs';

/** Whether the browser believes it is online, and when that changes. */
export interface NetworkStatus {
  isOnline(): boolean;
  /** Emits `true` on the `online` event and `false` on `offline`. */
  readonly changes: Observable<boolean>;
}

/**
 * @default `navigator.onLine`, kept up to date by the window's `online`/`offline` events (read
 * once per call, a DOM property read each time costs more than the rest of the check).
 */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const NETWORK_STATUS = new InjectionToken<NetworkStatus>('NETWORK_STATUS', {
  factory: () => {
    const window = inject(DOCUMENT).defaultView;
    if (!window) return { isOnline: () => true, changes: new Observable<boolean>() };
    let online = window.navigator.onLine;
    // Registered before any subscriber of `changes`, so `isOnline()` is already up to date
    // when they hear the event.
    window.addEventListener('online', () => (online = true));
    window.addEventListener('offline', () => (online = false));
    return {
      isOnline: () => online,
      changes: merge(
        fromEvent(window, 'online').pipe(map(() => true)),
        fromEvent(window, 'offline').pipe(map(() => false)),
      ),
    };
  },
});
