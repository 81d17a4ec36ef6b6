import {
  HttpContextToken,
  HttpErrorResponse,
  HttpResponse,
  type HttpEvent,
  type HttpInterceptorFn,
  type HttpRequest,
} from '@angular/common/http';
import { InjectionToken, inject } from '@angular/core';
import {
  type Observable,
  catchError,
  defer,
  filter,
  finalize,
  switchMap,
  take,
  tap,
  throwError,
} from 'rxjs';
import { ApiVersionSignals } from './api-version-signals';
import { AppError } from './app-error';
import { callTrace } from './call-trace';
import { NETWORK_CLOCK } from './network-clock';
import { RETRY_POLICY, type RetryPolicy } from './network-layer-options';
import { NETWORK_STATUS } from './network-status';
import { originOf } from './origin';
import { OriginHealth } from './origin-health';
import { newRequestId } from './request-id';
import { AttemptTimeoutError, decideRetry } from './retry-policy';
import { toAppError } from './to-app-error';
import { DOCUMENT } from '@angular/common';

/** This call's retry policy: fields to override, or `'none'` for a single attempt. */
export const RETRY = new HttpContextToken<Partial<RetryPolicy> | 'none' | null>(() => null);

/**
 * `Idempotency-Key` for a POST or PATCH: `'auto'` makes one UUID for this logical call, a
 * string is used as is (keep one per user intent, e.g. per form, so a resubmit reuses it).
 * With a key the call may be retried; the key is the same on every attempt.
 */
export const IDEMPOTENCY_KEY = new HttpContextToken<string | 'auto' | null>(() => null);

/** @default Math.random; tests make jitter predictable through it. */
export const RETRY_RANDOM = new InjectionToken<() => number>('RETRY_RANDOM', {
  providedIn: 'root',
  factory: () => Math.random,
});

/**
 * Retries a failed attempt when the policy says so (status, method, idempotency, Retry-After,
 * deadline), the origin's budget has tokens and its breaker is closed; waits with full jitter
 * through the clock seam; fails fast while offline and resumes paused retries on `online`.
 * Sets `X-Attempt`. Unsubscribing cancels the attempt in flight and any pending wait.
 */
export const retryInterceptor: HttpInterceptorFn = (req, next) => {
  const clock = inject(NETWORK_CLOCK);
  const network = inject(NETWORK_STATUS);
  const random = inject(RETRY_RANDOM);
  const versions = inject(ApiVersionSignals);
  const override = req.context.get(RETRY);
  const defaults = inject(RETRY_POLICY);
  const policy: RetryPolicy =
    override === 'none' ? { ...defaults, maxAttempts: 1 } : { ...defaults, ...override };
  const origin = originOf(req.url, inject(DOCUMENT).baseURI) ?? 'unknown';
  const { budget, breaker } = inject(OriginHealth).of(origin);
  const trace = callTrace(req, clock);

  const keyed = withIdempotencyKey(req);
  const hasIdempotencyKey = keyed.headers.has('Idempotency-Key');

  const waitFor = (
    ms: number,
    kind: 'backoff' | 'retry-after' | 'offline',
  ): Observable<unknown> => {
    const endWait = trace.beginWait(kind);
    const timer =
      kind === 'offline' ? network.changes.pipe(filter(Boolean), take(1)) : clock.timer(ms);
    // After a backoff, a connection lost in the meantime pauses the retry until it is back.
    const resumed = timer.pipe(
      switchMap(() =>
        network.isOnline() ? [true] : network.changes.pipe(filter(Boolean), take(1)),
      ),
    );
    return resumed.pipe(take(1), finalize(endWait));
  };

  const attempt = (n: number): Observable<HttpEvent<unknown>> =>
    defer(() => {
      if (!network.isOnline()) return throwError(() => new AppError({ kind: 'offline' }));
      const admission = breaker.admit(clock.now());
      const probe = admission === 'probe';
      if (admission === 'rejected') {
        return throwError(
          () =>
            new AppError({ kind: 'circuit-open', retryAfterMs: breaker.retryInMs(clock.now()) }),
        );
      }
      const record = trace.beginAttempt(n);
      let recorded = false;
      return next(keyed.clone({ setHeaders: { 'X-Attempt': String(n) } })).pipe(
        tap((event) => {
          if (!(event instanceof HttpResponse)) return;
          trace.endAttempt(record, event.status);
          recorded = true;
          breaker.record(true, clock.now(), probe);
          budget.recordSuccess();
        }),
        catchError((error: unknown) => {
          const status = error instanceof HttpErrorResponse ? error.status : 0;
          trace.endAttempt(record, status, toAppError(error, clock.now()).kind);
          recorded = true;
          breaker.record(!countsAsOutage(error), clock.now(), probe);
          if (versions.upgradeRequired()) return throwError(() => error);
          const decision = decideRetry(
            {
              error,
              method: req.method,
              attempt: n,
              hasIdempotencyKey,
              isOnline: network.isOnline(),
              remainingMs: trace.remainingMs(),
              now: clock.now(),
              policy,
            },
            random,
          );
          if (!decision.retry) return throwError(() => decision.error ?? error);
          // Waiting for the connection to come back spends no budget: the server saw nothing.
          if (decision.wait !== 'offline' && !budget.tryRetry()) {
            return throwError(
              () => new AppError({ kind: 'budget-exhausted', status, cause: error }),
            );
          }
          return waitFor(decision.delayMs, decision.wait).pipe(switchMap(() => attempt(n + 1)));
        }),
        // A cancelled probe must not leave a half-open breaker waiting for an outcome forever.
        finalize(() => recorded || !probe || breaker.abandon()),
      );
    });

  // RETRY 'none' (the refresh call, dev controls) stays outside the retry machinery: one attempt,
  // no budget, and no breaker, so an outage the breaker is sitting out cannot block it.
  if (override === 'none') {
    const record = trace.beginAttempt(1);
    return next(keyed.clone({ setHeaders: { 'X-Attempt': '1' } })).pipe(
      tap({
        next: (event) => event instanceof HttpResponse && trace.endAttempt(record, event.status),
        error: (error: unknown) =>
          trace.endAttempt(
            record,
            error instanceof HttpErrorResponse ? error.status : 0,
            toAppError(error, clock.now()).kind,
          ),
      }),
    );
  }
  return attempt(1);
};

/** Failures that say the origin is unwell (not the request): they feed the breaker. */
function countsAsOutage(error: unknown): boolean {
  if (error instanceof AttemptTimeoutError) return true;
  if (!(error instanceof HttpErrorResponse)) return false;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

function withIdempotencyKey<T>(req: HttpRequest<T>): HttpRequest<T> {
  const key = req.context.get(IDEMPOTENCY_KEY);
  if (!key || req.headers.has('Idempotency-Key')) return req;
  return req.clone({ setHeaders: { 'Idempotency-Key': key === 'auto' ? newRequestId() : key } });
}
