import type { HttpInterceptorFn } from '@angular/common/http';
import { InjectionToken, inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import type { AppError } from './app-error';
import { CALL_TRACE, CallTrace, withContextValue } from './call-trace';
import { NETWORK_CLOCK } from './network-clock';
import { redactUrl } from './redact-url';
import { toAppError } from './to-app-error';

/** Hears each failed logical call once, as the AppError the caller gets (Sentry plugs in here). */
export interface NetworkErrorReporter {
  report(error: AppError, call: { readonly method: string; readonly url: string }): void;
}

/** @default a reporter that does nothing */
export const NETWORK_ERROR_REPORTER = new InjectionToken<NetworkErrorReporter>(
  'NETWORK_ERROR_REPORTER',
  {
    providedIn: 'root',
    factory: () => ({ report: () => undefined }),
  },
);

/**
 * Outermost: whatever comes out of the chain leaves as one `AppError`, so the UI never sees
 * an `HttpErrorResponse`, and it is reported exactly once per logical call (not per attempt).
 * It also opens the call's trace, which every inner interceptor shares.
 */
export const errorMapperInterceptor: HttpInterceptorFn = (req, next) => {
  const clock = inject(NETWORK_CLOCK);
  const reporter = inject(NETWORK_ERROR_REPORTER);
  const trace = new CallTrace(clock);
  return next(withContextValue(req, CALL_TRACE, trace)).pipe(
    catchError((error: unknown) => {
      const appError = toAppError(error, clock.now()).withCall({
        requestId: trace.requestId || undefined,
        attempts: trace.attempts.length,
        durationMs: clock.now() - trace.startedAt,
      });
      // A 304 answers a conditional GET (the caller sent If-None-Match and handles it): no report.
      if (appError.status !== 304)
        reporter.report(appError, { method: req.method, url: redactUrl(req.urlWithParams) });
      return throwError(() => appError);
    }),
  );
};
