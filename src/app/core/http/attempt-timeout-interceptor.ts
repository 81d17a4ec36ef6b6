import { HttpContextToken, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { callTrace } from './call-trace';
import { failAfter } from './fail-after';
import { NETWORK_CLOCK } from './network-clock';
import { DEFAULT_ATTEMPT_TIMEOUT_MS } from './network-layer-options';
import { AttemptTimeoutError } from './retry-policy';
import type { HttpHeaders } from '@angular/common/http';

const SECRET = /^(authorization|cookie|x-xsrf-token)$/i;

/** What went out, for the network console: names and values, with credentials replaced. */
function redactedHeaders(headers: HttpHeaders): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of headers.keys()) {
    const value = headers.getAll(name)?.join(', ') ?? '';
    result[name] = SECRET.test(name)
      ? value.startsWith('Bearer ')
        ? 'Bearer [redacted]'
        : '[redacted]'
      : value;
  }
  return result;
}

/** This call's per-attempt timeout in ms. Null: the default. */
export const ATTEMPT_TIMEOUT = new HttpContextToken<number | null>(() => null);

/**
 * Innermost: each attempt gets min(attempt timeout, time left before the deadline), so a hung
 * attempt is abandoned (and aborted) early enough for a retry to fit in the deadline.
 */
export const attemptTimeoutInterceptor: HttpInterceptorFn = (req, next) => {
  const clock = inject(NETWORK_CLOCK);
  const trace = callTrace(req, clock);
  const attempt = trace.attempts.at(-1);
  if (attempt) attempt.headers = redactedHeaders(req.headers);
  const ms = Math.max(
    0,
    Math.min(
      req.context.get(ATTEMPT_TIMEOUT) ?? inject(DEFAULT_ATTEMPT_TIMEOUT_MS),
      trace.remainingMs(),
    ),
  );
  return failAfter(next(req), clock.timer(ms), () => new AttemptTimeoutError(ms));
};
