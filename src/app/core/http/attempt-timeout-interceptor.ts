import { HttpContextToken, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { callTrace } from './call-trace';
import { failAfter } from './fail-after';
import { NETWORK_CLOCK } from './network-clock';
import { DEFAULT_ATTEMPT_TIMEOUT_MS } from './network-layer-options';
import { AttemptTimeoutError } from './retry-policy';

/** This call's per-attempt timeout in ms. Null: the default. */
export const ATTEMPT_TIMEOUT = new HttpContextToken<number | null>(() => null);

/**
 * Innermost: each attempt gets min(attempt timeout, time left before the deadline), so a hung
 * attempt is abandoned (and aborted) early enough for a retry to fit in the deadline.
 */
export const attemptTimeoutInterceptor: HttpInterceptorFn = (req, next) => {
  const clock = inject(NETWORK_CLOCK);
  const trace = callTrace(req, clock);
  const ms = Math.max(
    0,
    Math.min(
      req.context.get(ATTEMPT_TIMEOUT) ?? inject(DEFAULT_ATTEMPT_TIMEOUT_MS),
      trace.remainingMs(),
    ),
  );
  return failAfter(next(req), clock.timer(ms), () => new AttemptTimeoutError(ms));
};
