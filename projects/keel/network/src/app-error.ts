import type { FieldErrors, ProblemDetails } from './problem-details';
import { traceIdOf } from './request-id';

/** Every way a network call can fail, as the UI sees it (DESIGN.md, "Errors"). */
export type AppErrorKind =
  | 'offline'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'unauthorized'
  | 'auth-expired'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'validation'
  | 'rate-limited'
  | 'upgrade-required'
  | 'server'
  | 'circuit-open'
  | 'budget-exhausted'
  | 'parse'
  | 'unknown';

export interface AppErrorInit {
  readonly kind: AppErrorKind;
  /** Safe to show a person; defaults to the kind's message (`appErrorMessage`). */
  readonly message?: string;
  readonly status?: number;
  readonly requestId?: string;
  readonly attempts?: number;
  readonly durationMs?: number;
  readonly retryable?: boolean;
  readonly problem?: ProblemDetails;
  readonly fieldErrors?: FieldErrors;
  /** For `rate-limited`: how long the server asked us to wait. */
  readonly retryAfterMs?: number;
  /** For `upgrade-required`: the lowest app version the API accepts. */
  readonly minVersion?: string;
  readonly cause?: unknown;
}

/**
 * The one error the UI ever sees from the network layer. Built by the error mapper (the
 * outermost interceptor) or by an inner interceptor that knows better (`circuit-open`,
 * `offline`, `auth-expired`, …); the mapper fills in the call's id, attempts and duration.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly kind: AppErrorKind;
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  readonly requestId: string | undefined;
  readonly attempts: number;
  readonly durationMs: number;
  /** Whether trying the same call again later can succeed (a Retry button makes sense). */
  readonly retryable: boolean;
  readonly problem: ProblemDetails | undefined;
  readonly fieldErrors: FieldErrors;
  readonly retryAfterMs: number | undefined;
  readonly minVersion: string | undefined;

  constructor(init: AppErrorInit) {
    super(init.message ?? appErrorMessage(init.kind), { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status ?? 0;
    this.requestId = init.requestId;
    this.attempts = init.attempts ?? 0;
    this.durationMs = init.durationMs ?? 0;
    this.retryable = init.retryable ?? RETRYABLE_KINDS.has(init.kind);
    this.problem = init.problem;
    this.fieldErrors = init.fieldErrors ?? {};
    this.retryAfterMs = init.retryAfterMs;
    this.minVersion = init.minVersion;
  }

  /**
   * The W3C trace id of the call (the one its `traceparent` headers carried): the request id's
   * 32 hex digits. What an error report links to, to find the call in the server's traces.
   */
  get traceId(): string | undefined {
    return this.requestId === undefined ? undefined : traceIdOf(this.requestId);
  }

  /** A copy with the call's bookkeeping filled in, as the error mapper does once. */
  withCall(call: { requestId?: string; attempts: number; durationMs: number }): AppError {
    return new AppError({ ...this.init(), ...call, requestId: this.requestId ?? call.requestId });
  }

  private init(): AppErrorInit {
    const { kind, message, status, requestId, attempts, durationMs, retryable, problem } = this;
    const { fieldErrors, retryAfterMs, minVersion, cause } = this;
    return {
      kind,
      message,
      status,
      requestId,
      attempts,
      durationMs,
      retryable,
      problem,
      fieldErrors,
      retryAfterMs,
      minVersion,
      cause,
    };
  }
}

/** Guards by `name` as well as class, so it holds across bundles and structured clones. */
export function isAppError(value: unknown): value is AppError {
  return (
    value instanceof AppError ||
    (value instanceof Error && value.name === 'AppError' && 'kind' in value)
  );
}

const RETRYABLE_KINDS: ReadonlySet<AppErrorKind> = new Set<AppErrorKind>([
  'offline',
  'network',
  'timeout',
  'rate-limited',
  'server',
  'circuit-open',
  'budget-exhausted',
]);

const MESSAGES: Readonly<Record<AppErrorKind, string>> = {
  offline: 'You are offline. Check your connection; we will try again when it is back.',
  network: 'Cannot reach the server. Check your connection and try again.',
  timeout: 'The server took too long to answer. Try again in a moment.',
  aborted: 'The request was cancelled.',
  unauthorized: 'You are not signed in. Sign in and try again.',
  'auth-expired': 'Your session has ended. Sign in again to continue.',
  forbidden: 'You do not have permission to do this.',
  'not-found': 'We could not find what you were looking for. It may have been deleted.',
  conflict: 'This conflicts with a change made elsewhere. Reload and try again.',
  'precondition-failed':
    'Someone else changed this in the meantime. Reload to see the latest version.',
  validation: 'Some of the information is not valid. Check the highlighted fields.',
  'rate-limited': 'Too many requests right now. Wait a moment, then try again.',
  'upgrade-required': 'A newer version of the app is required. Reload to update.',
  server: 'The server had a problem. Try again in a moment.',
  'circuit-open':
    'The service is having trouble, so we paused requests for a few seconds. Try again shortly.',
  'budget-exhausted': 'The service is having trouble. Try again in a moment.',
  parse: 'The server sent an answer we could not read. Try again; if it keeps happening, tell us.',
  unknown: 'Something went wrong. Try again in a moment.',
};

/** The user-safe message of each kind: no status codes, no stack traces. */
export function appErrorMessage(kind: AppErrorKind): string {
  return MESSAGES[kind];
}
