import { HttpErrorResponse } from '@angular/common/http';
import { AppError, isAppError, type AppErrorKind } from './app-error';
import { fieldErrors, parseProblem } from './problem-details';
import { parseRetryAfter } from './retry-after';
import { AttemptTimeoutError } from './retry-policy';

const KIND_BY_STATUS: Readonly<Record<number, AppErrorKind>> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  408: 'timeout',
  409: 'conflict',
  412: 'precondition-failed',
  // 428 means the app forgot If-Match: to the user it is the same story as a stale version.
  428: 'precondition-failed',
  422: 'validation',
  426: 'upgrade-required',
  429: 'rate-limited',
};

/**
 * Turns whatever came out of an attempt into an `AppError`: the dispatcher calls it once per
 * failed attempt (the body parsed and `Retry-After` read then, never again), the error mapper
 * only for what did not come through it (an AppError is returned as it is). Pure.
 */
export function toAppError(error: unknown, now: number = Date.now()): AppError {
  if (isAppError(error)) return error;
  if (error instanceof HttpErrorResponse) return fromHttpError(error, now);
  if (error instanceof AttemptTimeoutError) return new AppError({ kind: 'timeout', cause: error });
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new AppError({ kind: 'aborted', cause: error });
  }
  return new AppError({ kind: 'unknown', cause: error });
}

function fromHttpError(error: HttpErrorResponse, now: number): AppError {
  const { status } = error;
  const problem = parseProblem(error.error);
  // 503 may carry Retry-After as well as 429 (RFC 9110 §10.2.3); the retry policy honours both.
  const retryAfterMs = parseRetryAfter(error.headers.get('Retry-After'), now);
  const base = { status, problem, cause: error, retryAfterMs };
  if (status === 0) return new AppError({ ...base, kind: isAbort(error) ? 'aborted' : 'network' });
  // HttpClient reports a 2xx whose body would not parse as an error with the 2xx status.
  if (status >= 200 && status < 300) return new AppError({ ...base, kind: 'parse' });
  const kind = KIND_BY_STATUS[status] ?? (status >= 500 ? 'server' : 'unknown');
  switch (kind) {
    case 'validation':
      return new AppError({ ...base, kind, fieldErrors: fieldErrors(problem) });
    case 'upgrade-required': {
      const minVersion = problem?.['minVersion'];
      return new AppError({
        ...base,
        kind,
        minVersion: typeof minVersion === 'string' ? minVersion : undefined,
      });
    }
    default:
      return new AppError({ ...base, kind });
  }
}

/** A status-0 error caused by cancelling the request, which is never a failure to report. */
export function isAbort(error: HttpErrorResponse): boolean {
  return error.error instanceof DOMException && error.error.name === 'AbortError';
}
