import type { HttpInterceptorFn } from '@angular/common/http';
import { DOCUMENT } from '@angular/common';
import { inject } from '@angular/core';
import { callTrace } from './call-trace';
import { NETWORK_CLOCK } from './network-clock';
import { API_ORIGINS } from './network-layer-options';
import { isAllowedOrigin } from './origin';
import { newRequestId } from './request-id';

/**
 * `X-Request-Id`: one UUID per logical call, set outside the retry loop so every attempt
 * carries the same one and the server's logs can join them. (`X-Attempt` is set by the retry
 * interceptor, the only one that knows the attempt number.) Only API origins get it: a custom
 * header would cost other origins a CORS preflight.
 */
export const correlationInterceptor: HttpInterceptorFn = (req, next) => {
  const trace = callTrace(req, inject(NETWORK_CLOCK));
  trace.requestId ||= newRequestId();
  if (!isAllowedOrigin(req.url, inject(API_ORIGINS), inject(DOCUMENT).baseURI)) return next(req);
  return next(req.clone({ setHeaders: { 'X-Request-Id': trace.requestId } }));
};
