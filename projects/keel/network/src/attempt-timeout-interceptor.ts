import { HttpContextToken, type HttpInterceptorFn } from '@angular/common/http';
import { planOf } from './call-plan';
import { failAfter } from './fail-after';
import { AttemptTimeoutError } from './retry-policy';

/** This call's per-attempt timeout in ms. Null: the default. */
export const ATTEMPT_TIMEOUT = new HttpContextToken<number | null>(() => null);

/**
 * Innermost: each attempt gets min(attempt timeout, time left before the deadline), counted
 * from the moment the dispatcher sends it, so a hung attempt is abandoned (and aborted) early
 * enough for a retry to fit in the deadline, and time in the queue is never taken for a hang.
 * A `STREAMING` call has none: it is meant to stay open.
 */
export const attemptTimeoutInterceptor: HttpInterceptorFn = (req, next) => {
  const plan = planOf(req, 'attempt timeout');
  if (!plan || plan.streaming) return next(req);
  const ms = Math.max(0, Math.min(plan.attemptTimeoutMs, plan.remainingMs()));
  return failAfter(next(req), plan.layer.clock, ms, () => new AttemptTimeoutError(ms));
};
