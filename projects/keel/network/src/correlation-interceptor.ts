import type { HttpInterceptorFn } from '@angular/common/http';
import { planOf } from './call-plan';

/**
 * `X-Request-Id`: one UUID per logical call (the plan's), set outside the retry loop so every
 * attempt carries the same one and the server's logs can join them. (`X-Attempt` is set by the
 * retry interceptor, the only one that knows the attempt number.) Only API origins get it: a
 * custom header would cost other origins a CORS preflight.
 */
export const correlationInterceptor: HttpInterceptorFn = (req, next) => {
  const plan = planOf(req, 'correlation');
  if (plan?.allowListed) plan.setHeader('X-Request-Id', plan.requestId);
  return next(req);
};
