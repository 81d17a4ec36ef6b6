import { Injectable, inject } from '@angular/core';
import type { PreloadingStrategy, Route } from '@angular/router';
import { SwUpdate } from '@angular/service-worker';
import { type Observable, catchError, from, of, switchMap } from 'rxjs';
import { idleAfterLoad } from './shared/idle-after-load';

/**
 * Downloads every lazy page's code once the page has loaded and the browser is idle, so a page
 * never visited still opens when the connection drops later (issue 12), without competing with
 * the first page for the network. A failed download is dropped: the router loads the page again
 * when it is opened, and a navigation that cannot is shown by `PageLoadFailure`.
 *
 * Where the service worker runs (production builds), it caches every page's code itself, in its
 * own thread and without running it, so this preloads nothing there: running every page's code
 * on the main thread during the first load is what Lighthouse measured as blocking time
 * (issue 13).
 */
@Injectable({ providedIn: 'root' })
export class IdlePreloading implements PreloadingStrategy {
  private readonly serviceWorker = inject(SwUpdate, { optional: true })?.isEnabled ?? false;

  preload(_route: Route, load: () => Observable<unknown>): Observable<unknown> {
    if (this.serviceWorker) return of(null);
    return from(idleAfterLoad()).pipe(
      switchMap(() => load()),
      catchError(() => of(null)),
    );
  }
}
