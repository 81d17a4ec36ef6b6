import {
  type HttpEvent,
  HttpEventType,
  HttpContextToken,
  type HttpInterceptorFn,
} from '@angular/common/http';
import { InjectionToken } from '@angular/core';
import { Observable, Subscription, filter, switchMap, take } from 'rxjs';
import { AppError, isAppError } from './app-error';
import { type CallPlan, planOf } from './call-plan';
import type { RetryPolicy } from './network-layer-options';
import { countsAsOutage, decideRetry } from './retry-policy';
import { toAppError } from './to-app-error';

/** This call's retry policy: fields to override, or `'none'` for a single attempt. */
export const RETRY = new HttpContextToken<Partial<RetryPolicy> | 'none' | null>(() => null);

/**
 * `Idempotency-Key` for a POST or PATCH: `'auto'` makes one UUID for this logical call, a
 * string is used as is (keep one per user intent, e.g. per form, so a resubmit reuses it).
 * With a key the call may be retried; the key is the same on every attempt. (On GET and HEAD,
 * which are retried anyway, it is ignored.)
 */
export const IDEMPOTENCY_KEY = new HttpContextToken<string | 'auto' | null>(() => null);

/** @default Math.random; tests make jitter predictable through it. */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const RETRY_RANDOM = new InjectionToken<() => number>('RETRY_RANDOM', {
  factory: () => Math.random,
});

/**
 * Retries a failed attempt when the policy says so (status, method, idempotency, Retry-After,
 * deadline), the origin's budget has tokens and its breaker is closed; waits with full jitter
 * through the clock seam; fails fast while offline and resumes paused retries on `online`.
 * Sets `X-Attempt` (through the plan). Unsubscribing cancels the attempt in flight (or in the
 * dispatcher's queue) and any pending wait.
 *
 * One Observable for the whole logical call, written out rather than composed from `defer`,
 * `catchError`, `tap`, `finalize` and `switchMap` per attempt: this is the hottest stage.
 */
export const retryInterceptor: HttpInterceptorFn = (req, next) => {
  const plan = planOf(req, 'retry');
  if (!plan) return next(req);
  if (plan.idempotencyKey) plan.setHeader('Idempotency-Key', plan.idempotencyKey);
  // RETRY 'none' (the refresh call, dev controls) stays outside the retry machinery: one
  // attempt, no budget, and no breaker, so an outage the breaker is sitting out cannot block it.
  const policy = plan.retry;
  if (!policy) return next(req);

  const { clock, network, random, versions } = plan.layer;
  const { budget, breaker } = plan.layer.health.of(plan.origin);

  return new Observable<HttpEvent<unknown>>((subscriber) => {
    let current = Subscription.EMPTY;
    let probing = false;
    let closed = false;

    const fail = (error: unknown) => subscriber.error(error);

    const attempt = (n: number): void => {
      if (!network.isOnline()) return fail(new AppError({ kind: 'offline' }));
      const now = clock.now();
      const admission = breaker.admit(now);
      if (admission === 'rejected')
        return fail(new AppError({ kind: 'circuit-open', retryAfterMs: breaker.retryInMs(now) }));
      probing = admission === 'probe';
      plan.attemptNumber = n;
      plan.probe = probing;
      const sent = next(req).subscribe({
        next: (event) => {
          if (event.type === HttpEventType.Response) {
            breaker.record(true, clock.now(), probing);
            probing = false;
            budget.recordSuccess();
          }
          subscriber.next(event);
        },
        error: (raw: unknown) => {
          const error = isAppError(raw) ? raw : toAppError(raw, clock.now());
          const ownAttempt = error === plan.wireError;
          // Only the attempt's own answer says something about the origin.
          if (ownAttempt) breaker.record(!countsAsOutage(error), clock.now(), probing);
          else if (probing) breaker.abandon();
          probing = false;
          if (versions.upgradeRequired()) return fail(error);
          const decision = decideRetry(
            {
              error,
              ownAttempt,
              method: plan.method,
              attempt: n,
              hasIdempotencyKey: plan.idempotencyKey !== null,
              isOnline: network.isOnline(),
              remainingMs: plan.remainingMs(),
              policy,
            },
            random,
          );
          if (!decision.retry) return fail(decision.error ?? error);
          // Waiting for the connection to come back spends no budget: the server saw nothing.
          if (decision.wait !== 'offline' && !budget.tryRetry())
            return fail(
              new AppError({ kind: 'budget-exhausted', status: error.status, cause: error }),
            );
          const wait = waitFor(plan, decision.delayMs, decision.wait).subscribe(() => {
            // A guard only: a pending wait is `current`, which the teardown unsubscribes, and an
            // attempt the caller left while it was sent is cancelled, so no error reaches here then.
            // Stryker disable next-line ConditionalExpression: see the line above
            if (!closed) attempt(n + 1);
          });
          // (A wait that ended at once has started the next attempt, which is `current` now.)
          if (!wait.closed) current = wait;
        },
        complete: () => subscriber.complete(),
      });
      // The caller may leave while the attempt is being sent (on its Sent event): the teardown
      // has run by now, so the attempt is cancelled here, not left holding its slot.
      if (closed) sent.unsubscribe();
      else if (!sent.closed) current = sent;
    };

    attempt(1);
    return () => {
      closed = true;
      current.unsubscribe();
      // A cancelled probe must not leave a half-open breaker waiting for an outcome forever.
      if (probing) breaker.abandon();
    };
  });
};

/** A backoff, `Retry-After` or offline wait, recorded on the plan; it ends early on unsubscribe. */
function waitFor(
  plan: CallPlan,
  ms: number,
  kind: 'backoff' | 'retry-after' | 'offline',
): Observable<unknown> {
  const { clock, network } = plan.layer;
  const online = network.changes.pipe(filter(Boolean), take(1));
  // After a backoff, a connection lost in the meantime pauses the retry until it is back.
  // Stryker disable next-line BooleanLiteral: the value is never read; only its arrival ends the wait
  const stillOnline = () => (network.isOnline() ? [true] : online);
  const resumed = kind === 'offline' ? online : clock.timer(ms).pipe(switchMap(stillOnline));
  return new Observable((subscriber) => {
    const endWait = plan.beginWait(kind);
    const inner = resumed.pipe(take(1)).subscribe({
      next: (value) => subscriber.next(value),
      complete: () => subscriber.complete(),
    });
    return () => {
      endWait();
      inner.unsubscribe();
    };
  });
}
