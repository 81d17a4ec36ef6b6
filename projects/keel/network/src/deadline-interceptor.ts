import { HttpContextToken, type HttpInterceptorFn } from '@angular/common/http';
import { AppError } from './app-error';
import { planOf } from './call-plan';
import { failAfter } from './fail-after';

/** The total budget of this call in ms, retries and waits included. Null: the default. */
export const DEADLINE = new HttpContextToken<number | null>(() => null);

/**
 * The deadline of one logical call (`plan.deadlineAt`). It sits outside retry so that backoff
 * waits, refresh waits, time in the dispatcher's queue and every attempt count against it; the
 * attempt timeout reads the time left from the plan. A `STREAMING` call has no deadline.
 */
export const deadlineInterceptor: HttpInterceptorFn = (req, next) => {
  const plan = planOf(req, 'deadline');
  if (!plan || plan.streaming) return next(req);
  const { clock } = plan.layer;
  return failAfter(
    next(req),
    clock,
    plan.deadlineAt - clock.now(),
    () => new AppError({ kind: 'timeout' }),
  );
};
