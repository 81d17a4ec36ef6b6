import type { HttpInterceptorFn } from '@angular/common/http';
import { planOf } from './call-plan';

/**
 * Hands each attempt to the `OriginDispatcher`, which sends it when its origin has a free slot
 * (by priority), stamps the headers the stages asked for and the token of that moment, records
 * the attempt and turns its failure into an `AppError`.
 */
export const dispatchInterceptor: HttpInterceptorFn = (req, next) => {
  const plan = planOf(req, 'dispatch');
  if (!plan) return next(req);
  return plan.layer.dispatcher.attempt(plan, req, next);
};
