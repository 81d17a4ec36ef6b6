import { type AppErrorKind, appErrorMessage, isAppError } from '../core/http';

/** What the UI may show of an error: a safe message and whether a Retry button makes sense. */
export interface ErrorView {
  readonly kind: AppErrorKind;
  readonly message: string;
  readonly retryable: boolean;
}

/**
 * Reads any thrown value as something safe to show. An `AppError` gives its message; anything
 * else (a bug, a value wrapped by `rxResource`) gives the generic `unknown` message, never its
 * own text, status code or stack. With `reading`, an answer that would not parse is worth a
 * Retry too: reading again is safe, and a cut-off body is usually a one-off.
 */
export function describeError(error: unknown, options: { reading?: boolean } = {}): ErrorView {
  const appError = isAppError(error)
    ? error
    : error instanceof Error && isAppError(error.cause)
      ? error.cause
      : null;
  if (!appError) return { kind: 'unknown', message: appErrorMessage('unknown'), retryable: true };
  const retryable = appError.retryable || (options.reading === true && appError.kind === 'parse');
  return { kind: appError.kind, message: appError.message, retryable };
}
