import { HttpContextToken, type HttpInterceptorFn } from '@angular/common/http';
import { catchError, finalize, switchMap, take, throwError } from 'rxjs';
import { planOf } from './call-plan';

/** Send this call without `Authorization` and never refresh for it (login, refresh, logout). */
export const SKIP_AUTH = new HttpContextToken<boolean>(() => false);

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
      // Stryker disable next-line OptionalChaining: read only when error is plan.wireError, so it is the dispatcher's AppError, never null
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
