import type { HttpInterceptorFn } from '@angular/common/http';
import { InjectionToken, inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import type { AppError } from './app-error';
import { withPlan } from './call-plan';
import { CallPlanner } from './call-planner';
import { redactUrl } from './redact-url';
import { toAppError } from './to-app-error';

/** The failed call as a reporter hears of it. */
export interface ReportedCall {
  readonly method: string;
  /** With secret query values redacted. */
  readonly url: string;
  /**
   * The W3C trace its attempts sent (`traceparent`) and the span of the last one, so an error
   * report links to the call's trace; absent when no attempt went to an allow-listed origin.
   */
  readonly trace?: { readonly traceId: string; readonly spanId: string };
}

/** Hears each failed logical call once, as the AppError the caller gets (Sentry plugs in here). */
export interface NetworkErrorReporter {
  report(error: AppError, call: ReportedCall): void;
}

/** @default a reporter that does nothing */
export const NETWORK_ERROR_REPORTER = new InjectionToken<NetworkErrorReporter>(
  // Stryker disable next-line StringLiteral: the description only names the token in DI error messages
  'NETWORK_ERROR_REPORTER',
  {
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
      if (appError.status !== 304) {
        const spanId = plan.attempts.at(-1)?.spanId;
        planner.resolve(NETWORK_ERROR_REPORTER).report(appError, {
          method: plan.method,
          url: redactUrl(plan.url),
          ...(spanId ? { trace: { traceId: plan.traceId, spanId } } : {}),
        });
      }
      return throwError(() => appError);
    }),
  );
};
