import { HttpContext, HttpContextToken, type HttpRequest } from '@angular/common/http';
import type { AppErrorKind } from './app-error';
import type { NetworkClock } from './network-clock';

/** One HTTP attempt of a logical call. */
export interface AttemptRecord {
  /** 1-based, as sent in `X-Attempt`. */
  readonly n: number;
  readonly startedAt: number;
  durationMs: number;
  /** HTTP status; 0 when no response arrived; null while in flight. */
  status: number | null;
  errorKind?: AppErrorKind;
  /** The request headers as the attempt went out, credentials redacted (for the console). */
  headers?: Readonly<Record<string, string>>;
}

/** Time a logical call spent waiting rather than talking to the server. */
export type WaitKind = 'backoff' | 'retry-after' | 'refresh' | 'offline';

export interface WaitRecord {
  readonly kind: WaitKind;
  readonly startedAt: number;
  durationMs: number;
}

/**
 * What the interceptors of one logical call learn about it, shared through the request's
 * context: correlation sets the id, the deadline its end, retry and auth add attempts and
 * waits, observability turns it into a `NetworkCallRecord` when the call settles.
 */
export class CallTrace {
  requestId = '';
  /** Epoch ms by which the whole call, retries included, must settle. */
  deadlineAt = Number.POSITIVE_INFINITY;
  readonly attempts: AttemptRecord[] = [];
  readonly waits: WaitRecord[] = [];

  constructor(
    readonly clock: NetworkClock,
    readonly startedAt: number = clock.now(),
  ) {}

  remainingMs(): number {
    return this.deadlineAt - this.clock.now();
  }

  beginAttempt(n: number): AttemptRecord {
    const attempt: AttemptRecord = { n, startedAt: this.clock.now(), durationMs: 0, status: null };
    this.attempts.push(attempt);
    return attempt;
  }

  endAttempt(attempt: AttemptRecord, status: number, errorKind?: AppErrorKind): void {
    attempt.durationMs = this.clock.now() - attempt.startedAt;
    attempt.status = status;
    if (errorKind) attempt.errorKind = errorKind;
  }

  /** Starts a wait; call the returned function when it ends. */
  beginWait(kind: WaitKind): () => void {
    const wait: WaitRecord = { kind, startedAt: this.clock.now(), durationMs: 0 };
    this.waits.push(wait);
    return () => (wait.durationMs = this.clock.now() - wait.startedAt);
  }
}

/** Internal: the trace of the logical call a request belongs to. */
export const CALL_TRACE = new HttpContextToken<CallTrace | null>(() => null);

/** The request's trace; a throwaway one when the chain runs without observability (tests). */
export function callTrace(req: HttpRequest<unknown>, clock: NetworkClock): CallTrace {
  return req.context.get(CALL_TRACE) ?? new CallTrace(clock);
}

/**
 * A request whose context is a copy with one more value. HttpContext is mutable and shared by
 * `clone()`, so setting a value on the caller's context would leak into their next call.
 */
export function withContextValue<T, B>(
  req: HttpRequest<B>,
  token: HttpContextToken<T>,
  value: T,
): HttpRequest<B> {
  const context = new HttpContext();
  for (const key of req.context.keys()) context.set(key, req.context.get(key));
  return req.clone({ context: context.set(token, value) });
}
