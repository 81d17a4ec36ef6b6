import type { HttpInterceptorFn } from '@angular/common/http';
import { InjectionToken, inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import type { AppError } from './app-error';
import { withPlan } from './call-plan';
import { CallPlanner } from './call-planner';
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
 * Outermost: derives the call's plan (every inner stage reads it), and whatever comes out of
 * the chain leaves as one `AppError`, so the UI never sees an `HttpErrorResponse`. The failure
 * was made an AppError once, where it happened; here it gets the call's id, attempts and
 * duration (once per call) and is reported exactly once per logical call (not per attempt).
 */
export const errorMapperInterceptor: HttpInterceptorFn = (req, next) => {
  const planner = inject(CallPlanner);
  const reporter = inject(NETWORK_ERROR_REPORTER);
  const plan = planner.plan(req);
  const { clock } = planner;
  return next(withPlan(req, plan)).pipe(
    catchError((error: unknown) => {
      const appError = toAppError(error, clock.now()).withCall({
        requestId: plan.requestId,
        attempts: plan.attempts.length,
        durationMs: clock.now() - plan.startedAt,
      });
      // A 304 answers a conditional GET (the caller sent If-None-Match and handles it): no report.
      if (appError.status !== 304)
        reporter.report(appError, { method: plan.method, url: redactUrl(plan.url) });
      return throwError(() => appError);
    }),
  );
};
