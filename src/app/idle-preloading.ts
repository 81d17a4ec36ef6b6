import { Injectable } from '@angular/core';
import type { PreloadingStrategy, Route } from '@angular/router';
import { Observable, catchError, of, switchMap } from 'rxjs';

/**
 * Downloads every lazy page's code once the browser is idle after startup, so a page never
 * visited still opens when the connection drops later (issue 12), without competing with the
 * first page for the network. A failed download is dropped: the router loads the page again
 * when it is opened, and a navigation that cannot is shown by `PageLoadFailure`.
 */
@Injectable({ providedIn: 'root' })
export class IdlePreloading implements PreloadingStrategy {
  preload(_route: Route, load: () => Observable<unknown>): Observable<unknown> {
    return whenIdle().pipe(
      switchMap(() => load()),
      catchError(() => of(null)),
    );
  }
}

function whenIdle(): Observable<void> {
  return new Observable<void>((subscriber) => {
    const done = () => {
      subscriber.next();
      subscriber.complete();
    };
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(done, { timeout: 5_000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(done, 1_000);
    return () => clearTimeout(id);
  });
}
