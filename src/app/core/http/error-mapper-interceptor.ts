import type { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { CALL_TRACE, CallTrace, withContextValue } from './call-trace';
import { NETWORK_CLOCK } from './network-clock';
import { toAppError } from './to-app-error';

/**
 * Outermost: whatever comes out of the chain leaves as one `AppError`, so the UI never sees
 * an `HttpErrorResponse`. It also opens the call's trace, which every inner interceptor shares.
 */
export const errorMapperInterceptor: HttpInterceptorFn = (req, next) => {
  const clock = inject(NETWORK_CLOCK);
  const trace = new CallTrace(clock);
  return next(withContextValue(req, CALL_TRACE, trace)).pipe(
    catchError((error: unknown) =>
      throwError(() =>
        toAppError(error, clock.now()).withCall({
          requestId: trace.requestId || undefined,
          attempts: trace.attempts.length,
          durationMs: clock.now() - trace.startedAt,
        }),
      ),
    ),
  );
};
