import { AppError } from './app-error';
import type { RetryPolicy } from './network-layer-options';

/** What the retry interceptor knows when an attempt has failed. */
export interface RetryInput {
  /** The attempt's failure, as the dispatcher turned it into an AppError (once). */
  readonly error: AppError;
  /**
   * Whether `error` is this attempt's own answer from the wire. An error a stage decided on
   * (a refresh that failed, say) is never retried: that decision was made already.
   */
  readonly ownAttempt: boolean;
  readonly method: string;
  /** The attempt that just failed, 1-based. */
  readonly attempt: number;
  readonly hasIdempotencyKey: boolean;
  readonly isOnline: boolean;
  /** Milliseconds left before the call's deadline. */
  readonly remainingMs: number;
  readonly policy: RetryPolicy;
}

export type RetryDecision =
  | {
      readonly retry: true;
      readonly delayMs: number;
      readonly wait: 'backoff' | 'retry-after' | 'offline';
    }
  | { readonly retry: false; readonly error?: AppError };

/**
 * Retry or not, and after how long (DESIGN.md, "Retry policy"). Pure: the budget, the breaker
 * and the actual waiting belong to the interceptor.
 */
export function decideRetry(input: RetryInput, random: () => number = Math.random): RetryDecision {
  const { error, policy, attempt } = input;
  if (!input.ownAttempt || !isRetryableFailure(input) || !isRetryableMethod(input))
    return { retry: false };

  if (error.retryAfterMs !== undefined) {
    const { retryAfterMs } = error;
    // The server named the wait: honour it exactly, or fail now if it is too long to wait.
    if (retryAfterMs > policy.maxRetryAfterMs || retryAfterMs >= input.remainingMs) {
      return {
        retry: false,
        error: new AppError({
          kind: 'rate-limited',
          status: error.status,
          retryAfterMs,
          problem: error.problem,
          cause: error.cause,
        }),
      };
    }
    if (attempt >= policy.maxAttempts) return { retry: false };
    return { retry: true, delayMs: retryAfterMs, wait: 'retry-after' };
  }
  // A network failure while offline waits for the connection instead of spending attempts.
  if (error.kind === 'network' && !input.isOnline)
    return { retry: true, delayMs: 0, wait: 'offline' };

  if (attempt >= policy.maxAttempts) return { retry: false };
  const delayMs = backoffDelay(attempt, policy, random);
  if (delayMs >= input.remainingMs) return { retry: false };
  return { retry: true, delayMs, wait: 'backoff' };
}

/** Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): random(0, cap). */
export function backoffDelay(
  retry: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * cap);
}

/** Whether a method may be sent twice: idempotent by nature, or made so by a key. */
export function isRetryableMethod({
  method,
  hasIdempotencyKey,
  policy,
}: Pick<RetryInput, 'method' | 'hasIdempotencyKey' | 'policy'>): boolean {
  const upper = method.toUpperCase();
  if ((upper === 'POST' || upper === 'PATCH') && hasIdempotencyKey) return true;
  return policy.retryMethods.includes(upper);
}

function isRetryableFailure({ error, method, policy }: RetryInput): boolean {
  if (error.status === 0) {
    // No answer at all: a dropped connection is worth another try; an abort is the caller's.
    if (error.kind === 'network') return true;
    // The server may still be working on a timed-out write; only reads are safe to resend.
    if (error.kind === 'timeout') return isRead(method);
    return false;
  }
  // A 2xx whose body did not parse (a proxy cut it, a garbled answer): the server has done its
  // part, so asking again is as safe as the method is (a read; PUT/DELETE; a write with an
  // Idempotency-Key, whose repeat the server answers with the stored first answer).
  if (error.kind === 'parse') return true;
  return policy.retryStatuses.includes(error.status);
}

function isRead(method: string): boolean {
  const upper = method.toUpperCase();
  return upper === 'GET' || upper === 'HEAD';
}

/** Failures that say the origin is unwell (not the request): they feed the breaker. */
export function countsAsOutage(error: AppError): boolean {
  if (error.status === 0) return error.kind === 'network' || error.kind === 'timeout';
  return error.status === 429 || error.status >= 500;
}

/** Thrown by the attempt timeout; the dispatcher turns it into a `timeout` AppError. */
export class AttemptTimeoutError extends Error {
  override readonly name = 'AttemptTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`No answer within ${timeoutMs} ms`);
  }
}
