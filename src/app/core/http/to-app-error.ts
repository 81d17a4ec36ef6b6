import { HttpErrorResponse } from '@angular/common/http';
import { AppError, isAppError, type AppErrorKind } from './app-error';
import { fieldErrors, parseProblem } from './problem-details';
import { parseRetryAfter } from './retry-after';
import { AttemptTimeoutError, isAbort } from './retry-policy';

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
 * Turns whatever came out of the chain into an `AppError`. Pure: the error mapper calls it
 * once per failed logical call, and the observability hook calls it for the record's kind.
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
  const base = { status, problem, cause: error };
  if (status === 0) return new AppError({ ...base, kind: isAbort(error) ? 'aborted' : 'network' });
  // HttpClient reports a 2xx whose body would not parse as an error with the 2xx status.
  if (status >= 200 && status < 300) return new AppError({ ...base, kind: 'parse' });
  const kind = KIND_BY_STATUS[status] ?? (status >= 500 ? 'server' : 'unknown');
  switch (kind) {
    case 'validation':
      return new AppError({ ...base, kind, fieldErrors: fieldErrors(problem) });
    case 'rate-limited':
      return new AppError({
        ...base,
        kind,
        retryAfterMs: parseRetryAfter(error.headers.get('Retry-After'), now),
      });
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
