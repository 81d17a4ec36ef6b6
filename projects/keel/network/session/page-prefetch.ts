import { HttpClient } from '@angular/common/http';
import { Injectable, InjectionToken, inject } from '@angular/core';
import type { ResolveFn } from '@angular/router';
import { NETWORK_CLOCK } from '@keel/network';
import { type Observable, ReplaySubject } from 'rxjs';
import { SessionStore } from './session-store';

/**
 * How long a prefetched answer waits for the page that asked for it; an older one is dropped
 * and the page makes its own call. Long enough for a page's code on a slow connection (a few
 * seconds on slow 4G), short enough that the page never shows data much older than the click.
 * @default 30_000
 */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const PREFETCH_MAX_AGE_MS = new InjectionToken<number>('PREFETCH_MAX_AGE_MS', {
  factory: () => 30_000,
});

interface Prefetched {
  readonly answer: ReplaySubject<unknown>;
  readonly startedAt: number;
  /** The session's token when it was sent: another session (or a new token) never gets it. */
  readonly token: string | null;
}

/**
 * A signed-in page's GETs, started when its route is resolved instead of when its component is
 * created. On a page load the route resolves right after the session restore (`signedInGuard`),
 * while the page's code is still downloading, so the data comes beside the code instead of a
 * round trip after it (README, "First load"). Each prefetched answer is handed out once, to the
 * first `get()` of the same URL within `PREFETCH_MAX_AGE_MS` in the same session; every other
 * `get()` is a plain `HttpClient` GET. Both go through the network layer as any call does.
 */
@Injectable({ providedIn: 'root' })
export class PagePrefetch {
  private readonly http = inject(HttpClient);
  private readonly clock = inject(NETWORK_CLOCK);
  private readonly maxAgeMs = inject(PREFETCH_MAX_AGE_MS);
  private readonly store = inject(SessionStore);
  private readonly started = new Map<string, Prefetched>();

  /** Sends `GET url` now; its answer (or error) waits for the page's `get(url)`. */
  start(url: string): void {
    const answer = new ReplaySubject<unknown>(1);
    this.http.get<unknown>(url).subscribe(answer);
    this.started.set(url, {
      answer,
      startedAt: this.clock.now(),
      token: this.store.accessToken(),
    });
  }

  /** The prefetched answer of `GET url` if there is one for this page, else a new GET. */
  get<T>(url: string): Observable<T> {
    const prefetched = this.started.get(url);
    this.started.delete(url);
    if (
      prefetched &&
      prefetched.token === this.store.accessToken() &&
      this.clock.now() - prefetched.startedAt <= this.maxAgeMs
    ) {
      return prefetched.answer.asObservable() as Observable<T>;
    }
    return this.http.get<T>(url);
  }
}

/**
 * A route resolver that starts the page's GETs (`PagePrefetch`) and lets the navigation go on
 * at once: `resolve: { prefetched: prefetchGets('/api/a', '/api/b') }`. The page reads them
 * with `inject(PagePrefetch).get(url)`. Put it on a route behind `signedInGuard`, so the calls
 * carry the restored session's token.
 */
export function prefetchGets(...urls: readonly string[]): ResolveFn<true> {
  return () => {
    const prefetch = inject(PagePrefetch);
    for (const url of urls) prefetch.start(url);
    return true;
  };
}
