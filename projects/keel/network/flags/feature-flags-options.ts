import { DOCUMENT } from '@angular/common';
import { InjectionToken, inject } from '@angular/core';
import { type Observable, filter, fromEvent } from 'rxjs';

/**
 * `GET` of the flags: `{version, flags: {name: value}}` with an `ETag` (shared/API.md).
 * @default '/api/flags'
 */
export const FLAGS_URL = new InjectionToken<string>('FLAGS_URL', {
  providedIn: 'root',
  factory: () => '/api/flags',
});

/**
 * How often the flags are reloaded while signed in, on top of the reloads that `X-Flags-Version`
 * and a tab coming back into view trigger. Waited through `NETWORK_CLOCK`.
 * @default 300000 (5 minutes)
 */
export const FLAGS_RELOAD_INTERVAL_MS = new InjectionToken<number>('FLAGS_RELOAD_INTERVAL_MS', {
  providedIn: 'root',
  factory: () => 5 * 60_000,
});

/**
 * How long gated UI (`*keelFlag`, `flagGuard`) waits for the first load when nothing is cached,
 * before it renders with the defaults. Waited through `NETWORK_CLOCK`.
 * @default 3000
 */
export const FLAGS_READY_TIMEOUT_MS = new InjectionToken<number>('FLAGS_READY_TIMEOUT_MS', {
  providedIn: 'root',
  factory: () => 3_000,
});

/**
 * Where last-known-good flag values are kept across page loads (values only: nothing secret).
 * `null` when storage is unavailable (blocked cookies, some private modes): the store then
 * starts from the defaults on every load.
 * @default `localStorage`
 */
export const FLAG_STORAGE = new InjectionToken<Storage | null>('FLAG_STORAGE', {
  providedIn: 'root',
  factory: () => {
    try {
      // Reading the property itself throws a SecurityError when storage is blocked.
      return inject(DOCUMENT).defaultView?.localStorage ?? null;
    } catch {
      return null;
    }
  },
});

/**
 * Emits each time the tab becomes visible again, so flags that changed while it sat in the
 * background are picked up when the user comes back.
 * @default `visibilitychange` events of the document whose `visibilityState` is `visible`
 */
export const TAB_VISIBLE = new InjectionToken<Observable<unknown>>('TAB_VISIBLE', {
  providedIn: 'root',
  factory: () => {
    const document = inject(DOCUMENT);
    return fromEvent(document, 'visibilitychange').pipe(
      filter(() => document.visibilityState === 'visible'),
    );
  },
});
