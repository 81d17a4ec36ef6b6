import { HttpErrorResponse } from '@angular/common/http';
import { AppError } from './app-error';
import type { RetryPolicy } from './network-layer-options';
import { parseRetryAfter } from './retry-after';

/** What the retry interceptor knows when an attempt has failed. */
export interface RetryInput {
  readonly error: unknown;
  readonly method: string;
  /** The attempt that just failed, 1-based. */
  readonly attempt: number;
  readonly hasIdempotencyKey: boolean;
  readonly isOnline: boolean;
  /** Milliseconds left before the call's deadline. */
  readonly remainingMs: number;
  readonly now: number;
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
  if (!isRetryableFailure(input) || !isRetryableMethod(input)) return { retry: false };

  if (error instanceof HttpErrorResponse) {
    const retryAfterMs = parseRetryAfter(error.headers.get('Retry-After'), input.now);
    if (retryAfterMs !== undefined) {
      // The server named the wait: honour it exactly, or fail now if it is too long to wait.
      if (retryAfterMs > policy.maxRetryAfterMs || retryAfterMs >= input.remainingMs) {
        return {
          retry: false,
          error: new AppError({
            kind: 'rate-limited',
            status: error.status,
            retryAfterMs,
            cause: error,
          }),
        };
      }
      if (attempt >= policy.maxAttempts) return { retry: false };
      return { retry: true, delayMs: retryAfterMs, wait: 'retry-after' };
    }
    // A network failure while offline waits for the connection instead of spending attempts.
    if (error.status === 0 && !input.isOnline) return { retry: true, delayMs: 0, wait: 'offline' };
  }

  if (attempt >= policy.maxAttempts) return { retry: false };
  const delayMs = backoffDelay(attempt, policy, random);
  if (delayMs >= input.remainingMs) return { retry: false };
  return { retry: true, delayMs, wait: 'backoff' };
}

/** Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): random(0, cap). */
export function backoffDelay(
  retry: number,
  policy: RetryPolicy,
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
  if (error instanceof AttemptTimeoutError) {
    // The server may still be working on a timed-out write; only reads are safe to resend.
    return ['GET', 'HEAD'].includes(method.toUpperCase());
  }
  if (!(error instanceof HttpErrorResponse)) return false;
  if (error.status === 0) return !isAbort(error);
  return policy.retryStatuses.includes(error.status);
}

/** A status-0 error caused by cancelling the request, which is never a failure to report. */
export function isAbort(error: HttpErrorResponse): boolean {
  return error.error instanceof DOMException && error.error.name === 'AbortError';
}

/** Thrown by the attempt timeout; the error mapper turns it into a `timeout` AppError. */
export class AttemptTimeoutError extends Error {
  override readonly name = 'AttemptTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`No answer within ${timeoutMs} ms`);
  }
}
