import {
  HttpContextToken,
  HttpErrorResponse,
  type HttpInterceptorFn,
  type HttpRequest,
} from '@angular/common/http';
import { DOCUMENT } from '@angular/common';
import { InjectionToken, inject } from '@angular/core';
import { type Observable, catchError, finalize, switchMap, take, throwError } from 'rxjs';
import { AppError } from './app-error';
import { callTrace } from './call-trace';
import { NETWORK_CLOCK } from './network-clock';
import { API_ORIGINS, AUTH_PATHS } from './network-layer-options';
import { isAllowedOrigin, pathOf } from './origin';

/** Send this call without `Authorization` and never refresh for it (login, refresh, logout). */
export const SKIP_AUTH = new HttpContextToken<boolean>(() => false);

/**
 * Where the auth interceptor gets tokens. core/auth provides it (`provideSession()`); core/http
 * only knows this interface, so the layer has no dependency on a session implementation.
 */
export interface AccessTokenSource {
  /** The current access token, or null when signed out. */
  current(): string | null;
  /**
   * The token to replay with after `failedToken` got a 401: the current one if a refresh has
   * already replaced it, else the result of the one shared refresh. Errors with an `AppError`
   * (`auth-expired` when the session is over, a transient kind otherwise).
   */
  refreshAfter(failedToken: string | null): Observable<string>;
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
 * `Authorization: Bearer` for allow-listed origins only. On a 401 it waits for the one shared
 * refresh (or notices another call already refreshed) and replays the request exactly once: a
 * replay that gets 401 again fails as `unauthorized`, it does not refresh again.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const base = inject(DOCUMENT).baseURI;
  if (req.context.get(SKIP_AUTH) || !isAllowedOrigin(req.url, inject(API_ORIGINS), base))
    return next(req);
  const source = inject(ACCESS_TOKEN_SOURCE);
  const trace = callTrace(req, inject(NETWORK_CLOCK));
  const isAuthEndpoint = inject(AUTH_PATHS).some((prefix) =>
    pathOf(req.url, base).startsWith(prefix),
  );
  const token = source.current();

  return next(withToken(req, token)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || isAuthEndpoint)
        return throwError(() => error);
      const endWait = trace.beginWait('refresh');
      return source.refreshAfter(token).pipe(
        take(1),
        finalize(endWait),
        switchMap((fresh) => next(withToken(req, fresh))),
      );
    }),
  );
};

function withToken<T>(req: HttpRequest<T>, token: string | null): HttpRequest<T> {
  return token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
}
