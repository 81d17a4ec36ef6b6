import {
  HttpContext,
  HttpContextToken,
  type HttpEvent,
  type HttpHandlerFn,
  HttpHeaders,
  type HttpRequest,
} from '@angular/common/http';
import type { ProviderToken } from '@angular/core';
import type { Observable } from 'rxjs';
import type { AccessTokenSource } from './access-token-source';
import type { ApiVersionSignals } from './api-version-signals';
import type { AppError, AppErrorKind } from './app-error';
import type { NetworkClock } from './network-clock';
import type { RetryPolicy } from './network-layer-options';
import type { NetworkStatus } from './network-status';
import type { OriginHealth } from './origin-health';
import { newSpanId, sentryTrace, traceparent } from './request-id';
import { redactHeaderValue } from './secret-names';

/** One HTTP attempt of a logical call: one trip to the server. */
export interface AttemptRecord {
  /** 1-based, as sent in `X-Attempt`. */
  readonly n: number;
  /** The auth interceptor's replay of attempt `n` with a refreshed token (its own trip). */
  readonly replay: boolean;
  /**
   * Its span in the call's trace (`traceparent`), a new one per trip, so retries and replays
   * show as siblings; absent for a call to an origin outside `apiOrigins`, which gets no header.
   */
  readonly spanId?: string;
  /** When it was sent (after any wait in the dispatcher's queue). */
  readonly startedAt: number;
  durationMs: number;
  /** HTTP status; 0 when no response arrived; null while in flight. */
  status: number | null;
  errorKind?: AppErrorKind;
  /** The request headers as the attempt went out, credentials redacted (for the console). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Time a logical call spent waiting rather than talking to the server. */
export type WaitKind = 'queue' | 'backoff' | 'retry-after' | 'refresh' | 'offline';

export interface WaitRecord {
  readonly kind: WaitKind;
  readonly startedAt: number;
  durationMs: number;
}

/**
 * An attempt as the dispatcher records it. The redacted headers are worked out when first read
 * (the console reads a few; the hot path reads none), from the headers object that was sent.
 */
export class Attempt implements AttemptRecord {
  durationMs = 0;
  status: number | null = null;
  errorKind?: AppErrorKind;
  readonly #sent: HttpHeaders;
  #redacted: Record<string, string> | undefined;

  constructor(
    readonly n: number,
    readonly replay: boolean,
    readonly spanId: string | undefined,
    readonly startedAt: number,
    sent: HttpHeaders,
  ) {
    this.#sent = sent;
  }

  get headers(): Readonly<Record<string, string>> {
    return (this.#redacted ??= this.#redact());
  }

  end(now: number, status: number, errorKind?: AppErrorKind): void {
    this.durationMs = now - this.startedAt;
    this.status = status;
    // Stryker disable next-line ConditionalExpression: end() runs once per attempt, so assigning no kind leaves errorKind reading undefined, as before
    if (errorKind) this.errorKind = errorKind;
  }

  #redact(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const name of this.#sent.keys()) {
      // Stryker disable next-line ArrayDeclaration: keys() lists only names that have values, so getAll() never returns null here
      const values = this.#sent.getAll(name) ?? [];
      result[name] = redactHeaderValue(name, values.join(', '));
    }
    return result;
  }
}

/**
 * What the stages reach through `plan.layer`: the layer's settings and services, resolved once
 * per injector (`CallPlanner` is the one implementation). Declared here, not imported, so that
 * the plan depends on no stage and no stage's file depends back on the planner.
 */
export interface PlanLayer {
  readonly clock: NetworkClock;
  readonly network: NetworkStatus;
  readonly random: () => number;
  readonly tokens: AccessTokenSource;
  readonly versions: ApiVersionSignals;
  readonly health: OriginHealth;
  readonly dispatcher: PlanDispatcher;
  readonly appVersion: string;
  readonly platform: string;
  /** `SENTRY_TRACE_TARGET`. */
  readonly sentryTraceTarget: (origin: string, path: string) => boolean;
  /**
   * A service of the layer's injector, looked up on first use and kept: how the outer stages
   * get their hooks (the call sink, the error reporter, the activity count) without an
   * `inject()` per call, which a profile put at about 0.3 µs each.
   */
  resolve<T>(token: ProviderToken<T>): T;
}

/** The part of `OriginDispatcher` the dispatch stage calls. */
export interface PlanDispatcher {
  attempt(
    plan: CallPlan,
    req: HttpRequest<unknown>,
    next: HttpHandlerFn,
  ): Observable<HttpEvent<unknown>>;
}

/** The facts of a logical call, derived once by the error mapper (`CallPlanner.plan`). */
export interface CallFacts {
  readonly method: string;
  /** The URL as the caller gave it, with its params. */
  readonly url: string;
  /** `scheme://host[:port]`, or `'unknown'` when the URL cannot be parsed. */
  readonly origin: string;
  readonly path: string;
  /** The origin is one of `apiOrigins`: Keel's headers go out, and the token with them. */
  readonly allowListed: boolean;
  /** The path is under one of `authPaths`: a 401 from it never starts a refresh. */
  readonly authPath: boolean;
  /** Allow-listed and not `SKIP_AUTH`: the call carries the access token. */
  readonly authenticated: boolean;
  readonly requestId: string;
  /** The W3C trace id of the call (`traceparent`): the request id's 32 hex digits. */
  readonly traceId: string;
  readonly startedAt: number;
  /** Epoch ms by which the whole call, retries and waits included, must settle. */
  readonly deadlineAt: number;
  /** Each attempt's own timeout, before `min(…, time left)`. */
  readonly attemptTimeoutMs: number;
  readonly background: boolean;
  /** `STREAMING`: no attempt timeout, no deadline, no retry (see the token). */
  readonly streaming: boolean;
  /** The effective retry policy; null for `RETRY: 'none'` (one attempt, no budget, no breaker). */
  readonly retry: RetryPolicy | null;
  /** From `IDEMPOTENCY_KEY` or an `Idempotency-Key` header the caller set; null without one. */
  readonly idempotencyKey: string | null;
}

/**
 * The plan of one logical call: read-only facts every stage reads (none parses the URL or reads
 * a context token again), the trace the stages write (attempts, waits), and the little state
 * the stages hand to the dispatcher for the next attempt. It travels in the request's context.
 */
export class CallPlan implements CallFacts {
  readonly method: string;
  readonly url: string;
  readonly origin: string;
  readonly path: string;
  readonly allowListed: boolean;
  readonly authPath: boolean;
  readonly authenticated: boolean;
  readonly requestId: string;
  readonly traceId: string;
  readonly startedAt: number;
  readonly deadlineAt: number;
  readonly attemptTimeoutMs: number;
  readonly background: boolean;
  readonly streaming: boolean;
  readonly retry: RetryPolicy | null;
  readonly idempotencyKey: string | null;

  readonly attempts: Attempt[] = [];
  readonly waits: WaitRecord[] = [];

  // The next attempt, as the stages above the dispatcher describe it.
  /** Set by retry: the attempt number (`X-Attempt`). */
  attemptNumber = 1;
  /** Set by retry: the breaker let this attempt through as its one probe (dispatched first). */
  probe = false;
  /** Set by auth: this attempt replays a 401 with a refreshed token. */
  replay = false;
  /** Set by auth: where the dispatcher reads the token to send, at the moment it sends. */
  tokens: AccessTokenSource | null = null;

  // What the last attempt met, as the dispatcher saw it.
  /** The token the last attempt carried (auth compares it after a 401). */
  sentToken: string | null = null;
  /** The AppError the last attempt's answer became; errors not identical to it were decided by a stage. */
  wireError: AppError | null = null;
  /** The span id `stamp` gave the attempt going out (its `traceparent`); none off the allow-list. */
  private spanId: string | undefined;

  /** Headers the stages add (`X-Request-Id`, version headers, `Idempotency-Key`). */
  private readonly headers: Record<string, string> = {};

  constructor(
    /** The layer's settings and services, resolved once per injector. */
    readonly layer: PlanLayer,
    facts: CallFacts,
  ) {
    this.method = facts.method;
    this.url = facts.url;
    this.origin = facts.origin;
    this.path = facts.path;
    this.allowListed = facts.allowListed;
    this.authPath = facts.authPath;
    this.authenticated = facts.authenticated;
    this.requestId = facts.requestId;
    this.traceId = facts.traceId;
    this.startedAt = facts.startedAt;
    this.deadlineAt = facts.deadlineAt;
    this.attemptTimeoutMs = facts.attemptTimeoutMs;
    this.background = facts.background;
    this.streaming = facts.streaming;
    this.retry = facts.retry;
    this.idempotencyKey = facts.idempotencyKey;
  }

  /** A header every attempt of this call sends; the dispatcher stamps them all in one clone. */
  setHeader(name: string, value: string): void {
    this.headers[name] = value;
  }

  /**
   * The request as this attempt goes out: every stage's headers, `X-Attempt`, a `traceparent`
   * with a new span id (and `sentry-trace` with the same ids, see `SENTRY_TRACE_TARGET`), and the token read now (so an attempt that waited in the queue through
   * a refresh carries the new one). Only allow-listed origins get Keel's headers.
   */
  stamp<T>(req: HttpRequest<T>): HttpRequest<T> {
    const headers: Record<string, string> = { ...this.headers };
    this.spanId = undefined;
    if (this.allowListed) {
      headers['X-Attempt'] = String(this.attemptNumber);
      this.spanId = newSpanId();
      headers['traceparent'] = traceparent(this.traceId, this.spanId);
      if (this.layer.sentryTraceTarget(this.origin, this.path))
        headers['sentry-trace'] = sentryTrace(this.traceId, this.spanId);
    }
    if (this.tokens) {
      const token = this.tokens.current();
      this.sentToken = token;
      if (token) headers['Authorization'] = `Bearer ${token}`;
    }
    // reportProgress makes the fetch backend say when the answer's headers are in (the moment
    // the dispatcher frees the connection); the dispatcher drops the progress events again for
    // a caller that did not ask for them.
    return req.clone({ headers: merged(req.headers, headers), reportProgress: true });
  }

  beginAttempt(now: number, sent: HttpHeaders): Attempt {
    const attempt = new Attempt(this.attemptNumber, this.replay, this.spanId, now, sent);
    this.attempts.push(attempt);
    return attempt;
  }

  /** Records a wait that started at `startedAt`; the returned function ends it. */
  beginWait(kind: WaitKind, startedAt: number = this.layer.clock.now()): () => void {
    const wait: WaitRecord = { kind, startedAt, durationMs: 0 };
    this.waits.push(wait);
    const { clock } = this.layer;
    return () => (wait.durationMs = clock.now() - wait.startedAt);
  }

  remainingMs(): number {
    return this.deadlineAt - this.layer.clock.now();
  }
}

/**
 * The caller's headers with `mine` set over them, as `clone({ setHeaders })` sets them (a name
 * of mine replaces the caller's whatever its case, which keeps the caller's spelling), but in
 * one `HttpHeaders`: `setHeaders` makes one per header (each with two Maps), and the profile of
 * a call put that among its costliest steps.
 */
function merged(caller: HttpHeaders, mine: Record<string, string>): HttpHeaders {
  const names = caller.keys();
  // Stryker disable next-line ConditionalExpression: the loop below makes the same headers from no names; this only skips it
  if (!names.length) return new HttpHeaders(mine);
  // No prototype, so that no header name, not even `__proto__`, is anything but a name here.
  const all: Record<string, string | string[]> = Object.create(null);
  // Stryker disable next-line ArrayDeclaration: keys() lists only names that have values, so getAll() never returns null here
  for (const name of names) all[name] = caller.getAll(name) ?? [];
  return new HttpHeaders(Object.assign(all, mine));
}

/** Internal: the plan of the logical call a request belongs to. */
export const CALL_PLAN = new HttpContextToken<CallPlan | null>(() => null);

/** The request with `plan` in a copy of its context (the caller's context is left as it was). */
export function withPlan<T>(req: HttpRequest<T>, plan: CallPlan): HttpRequest<T> {
  const context = new HttpContext();
  for (const key of req.context.keys()) context.set(key, req.context.get(key));
  return req.clone({ context: context.set(CALL_PLAN, plan) });
}

/**
 * The plan of the call `req` belongs to. A request without one reached a stage without passing
 * the error mapper: the chain was wired by hand. In dev mode that throws, naming the fix; in a
 * production build the stage steps aside (`null`) rather than fail every call of an app that
 * shipped mis-wired.
 */
export function planOf(req: HttpRequest<unknown>, stage: string): CallPlan | null {
  const plan = req.context.get(CALL_PLAN);
  if (plan || (typeof ngDevMode !== 'undefined' && !ngDevMode)) return plan;
  throw new Error(
    `[Keel network layer] The ${stage} interceptor got a request without a call plan: ` +
      'the chain is wired by hand or in another order. Use provideNetworkLayer() ' +
      '(networkLayerTesting() in tests), which registers NETWORK_INTERCEPTORS in their order ' +
      'with the error mapper outermost, where the plan is made.',
  );
}
