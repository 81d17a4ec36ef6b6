import { HttpContextToken, type HttpInterceptorFn } from '@angular/common/http';
import { InjectionToken } from '@angular/core';
import { type Observable, catchError, finalize, switchMap, take, throwError } from 'rxjs';
import { AppError } from './app-error';
import { planOf } from './call-plan';

/** Send this call without `Authorization` and never refresh for it (login, refresh, logout). */
export const SKIP_AUTH = new HttpContextToken<boolean>(() => false);

/**
 * Where the auth interceptor gets tokens. core/auth provides it (`provideSession()`); core/http
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
export const ACCESS_TOKEN_SOURCE = new InjectionToken<AccessTokenSource>('ACCESS_TOKEN_SOURCE', {
  providedIn: 'root',
  factory: () => ({
    current: () => null,
    refreshAfter: () => throwError(() => new AppError({ kind: 'unauthorized', status: 401 })),
  }),
});

/**
 * `Authorization: Bearer` for allow-listed origins only (`plan.authenticated`): the dispatcher
 * reads the token from the source at the moment the attempt is sent. On a 401 it waits for the
 * one shared refresh (or notices another call already refreshed) and replays the request
 * exactly once, as an attempt of its own: a replay that gets 401 again fails as `unauthorized`,
 * it does not refresh again.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const plan = planOf(req, 'auth');
  if (!plan?.authenticated) return next(req);
  const source = plan.layer.tokens;
  plan.tokens = source;
  plan.replay = false;
  return next(req).pipe(
    catchError((error: unknown) => {
      // Only this attempt's own 401, not one an inner stage decided on, and never for the auth
      // endpoints themselves (a wrong password is not an expired token).
      if (error !== plan.wireError || plan.wireError?.status !== 401 || plan.authPath)
        return throwError(() => error);
      const endWait = plan.beginWait('refresh');
      return source.refreshAfter(plan.sentToken).pipe(
        take(1),
        finalize(endWait),
        switchMap(() => {
          plan.replay = true;
          return next(req);
        }),
      );
    }),
  );
};
