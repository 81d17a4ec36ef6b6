import { InjectionToken } from '@angular/core';
import { type Observable, throwError } from 'rxjs';
import { AppError } from './app-error';

/**
 * Where the auth interceptor gets tokens. the session provides it (`provideSession()`); the layer
 * only knows this interface, so the layer has no dependency on a session implementation.
 */
export interface AccessTokenSource {
  /** The current access token, or null when signed out. Read when an attempt is sent. */
  current(): string | null;
  /**
   * The token to replay with after `failedToken` got a 401: the current one if a refresh has
   * already replaced it, else the result of the one shared refresh. Once it emits, `current()`
   * returns that token (or a newer one). Errors with an `AppError` (`auth-expired` when the
   * session is over, a transient kind otherwise).
   */
  refreshAfter(failedToken: string | null): Observable<string>;
  /**
   * The refresh running because a token was refused, if any (subscribing must not start one).
   * While it runs, the dispatcher holds attempts that would carry a token and sends them once it
   * settles, with the new token, so only attempts already on the wire pay a second trip.
   * Optional: without it, queued attempts go out with the token they find.
   */
  refreshInFlight?(): Observable<unknown> | null;
}

/** @default no session: no token is sent and a 401 stays a 401 */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const ACCESS_TOKEN_SOURCE = new InjectionToken<AccessTokenSource>('ACCESS_TOKEN_SOURCE', {
  factory: () => ({
    current: () => null,
    refreshAfter: () => throwError(() => new AppError({ kind: 'unauthorized', status: 401 })),
  }),
});
