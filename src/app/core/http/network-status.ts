import { DOCUMENT } from '@angular/common';
import { InjectionToken, inject } from '@angular/core';
import { Observable, fromEvent, map, merge } from 'rxjs';

/** Whether the browser believes it is online, and when that changes. */
export interface NetworkStatus {
  isOnline(): boolean;
  /** Emits `true` on the `online` event and `false` on `offline`. */
  readonly changes: Observable<boolean>;
}

/** @default `navigator.onLine` and the window's `online`/`offline` events. */
export const NETWORK_STATUS = new InjectionToken<NetworkStatus>('NETWORK_STATUS', {
  providedIn: 'root',
  factory: () => {
    const window = inject(DOCUMENT).defaultView;
    if (!window) return { isOnline: () => true, changes: new Observable<boolean>() };
    return {
      isOnline: () => window.navigator.onLine,
      changes: merge(
        fromEvent(window, 'online').pipe(map(() => true)),
        fromEvent(window, 'offline').pipe(map(() => false)),
      ),
    };
  },
});
