import { type AppErrorKind, appErrorMessage, isAppError } from '@keel/network';

/** What the UI may show of an error: a safe message and whether a Retry button makes sense. */
export interface ErrorView {
  readonly kind: AppErrorKind;
  readonly message: string;
  readonly retryable: boolean;
  /**
   * The load failed for want of a connection: retry it by itself when the connection is back
   * (the offline message promises it). `ErrorState` and `AsyncPanel` do, given this flag.
   */
  readonly retryWhenOnline: boolean;
}

/** The failures a returning connection can mend. */
const CONNECTION_KINDS: readonly AppErrorKind[] = ['offline', 'network'];

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
  if (!appError)
    return {
      kind: 'unknown',
      message: appErrorMessage('unknown'),
      retryable: true,
      retryWhenOnline: false,
    };
  const retryable = appError.retryable || (options.reading === true && appError.kind === 'parse');
  const retryWhenOnline = CONNECTION_KINDS.includes(appError.kind);
  return { kind: appError.kind, message: appError.message, retryable, retryWhenOnline };
}
