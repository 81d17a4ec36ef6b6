import { HttpContextToken, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { AppError } from './app-error';
import { callTrace } from './call-trace';
import { failAfter } from './fail-after';
import { NETWORK_CLOCK } from './network-clock';
import { DEFAULT_DEADLINE_MS } from './network-layer-options';

/** The total budget of this call in ms, retries and waits included. Null: the default. */
export const DEADLINE = new HttpContextToken<number | null>(() => null);

/**
 * The deadline of one logical call. It sits outside retry so that backoff waits, refresh waits
 * and every attempt count against it; the attempt timeout reads the time left from the trace.
 */
export const deadlineInterceptor: HttpInterceptorFn = (req, next) => {
  const clock = inject(NETWORK_CLOCK);
  const ms = req.context.get(DEADLINE) ?? inject(DEFAULT_DEADLINE_MS);
  const trace = callTrace(req, clock);
  trace.deadlineAt = clock.now() + ms;
  return failAfter(next(req), clock.timer(ms), () => new AppError({ kind: 'timeout' }));
};
