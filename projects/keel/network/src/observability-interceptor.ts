import {
  HttpContextToken,
  type HttpEvent,
  HttpEventType,
  type HttpInterceptorFn,
} from '@angular/common/http';
import { Injectable, InjectionToken, computed, signal } from '@angular/core';
import { Observable } from 'rxjs';
import { type AppErrorKind, isAppError } from './app-error';
import { type AttemptRecord, type CallPlan, type WaitRecord, planOf } from './call-plan';
import { redactUrl } from './redact-url';
import { toAppError } from './to-app-error';

/** Marks a call the user did not ask for (polls, flag reloads): no progress bar, no snackbar. */
export const BACKGROUND = new HttpContextToken<boolean>(() => false);

/**
 * A long-lived response (server-sent events, a streamed download): the call goes through the
 * chain for its headers, token and 401 refresh, but has no attempt timeout and no deadline, is
 * never retried by the layer (its owner reconnects, with its own backoff), spends no retry
 * budget, tells the circuit breaker nothing, and counts as `BACKGROUND` (no progress bar, last
 * in the dispatcher's queue). Its slot is freed once its headers are in, like any answer's.
 */
export const STREAMING = new HttpContextToken<boolean>(() => false);

/** One logical call, retries included, as the observability hook records it. */
export interface NetworkCallRecord {
  readonly requestId: string;
  /** The W3C trace id its attempts sent in `traceparent`; absent off the allow-list (none sent). */
  readonly traceId?: string;
  readonly method: string;
  /** With secret query values redacted. */
  readonly url: string;
  readonly startedAt: number;
  readonly durationMs: number;
  /** The final status; 0 when no response arrived. */
  readonly status: number;
  readonly outcome: 'ok' | 'error' | 'aborted';
  readonly errorKind?: AppErrorKind;
  readonly background: boolean;
  /** Every trip to the server, a 401's replay included (as its own attempt). */
  readonly attempts: readonly AttemptRecord[];
  readonly waits: readonly WaitRecord[];
}

/** Where records go: the metrics store, the dev log and Sentry breadcrumbs plug in here. */
export interface NetworkCallSink {
  record(record: NetworkCallRecord): void;
}

/** @default a sink that drops every record */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const NETWORK_CALL_SINK = new InjectionToken<NetworkCallSink>('NETWORK_CALL_SINK', {
  factory: () => ({ record: () => undefined }),
});

/** Calls in flight right now, for a progress bar. */
@Injectable({ providedIn: 'root' })
export class NetworkActivity {
  private readonly visible = signal(0);
  /** User-visible calls (not `BACKGROUND`) in flight. */
  readonly visibleInFlight = this.visible.asReadonly();
  readonly busy = computed(() => this.visible() > 0);

  started(background: boolean): void {
    if (!background) this.visible.update((n) => n + 1);
  }

  settled(background: boolean): void {
    if (!background) this.visible.update((n) => Math.max(0, n - 1));
  }
}

/**
 * One record per logical call: method, redacted URL, final status, every attempt with its
 * timing, every wait, the duration and the error kind. A call the caller unsubscribed from is
 * recorded as `aborted`, never as an error.
 */
export const observabilityInterceptor: HttpInterceptorFn = (req, next) => {
  const plan = planOf(req, 'observability');
  if (!plan) return next(req);
  const sink = plan.layer.resolve(NETWORK_CALL_SINK);
  const activity = plan.layer.resolve(NetworkActivity);
  const { background } = plan;

  return new Observable<HttpEvent<unknown>>((subscriber) => {
    let settled = false;
    const settle = (
      outcome: NetworkCallRecord['outcome'],
      status: number,
      errorKind?: AppErrorKind,
    ) => {
      if (settled) return;
      settled = true;
      activity.settled(background);
      sink.record(recordOf(plan, outcome, status, errorKind));
    };
    activity.started(background);
    const inner = next(req).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.Response) settle('ok', event.status);
        subscriber.next(event);
      },
      error: (raw: unknown) => {
        const error = isAppError(raw) ? raw : toAppError(raw, plan.layer.clock.now());
        // HttpClient hands a 304 (a conditional GET that found nothing new) over as an error;
        // for the record it is an answer, not a failure.
        if (error.status === 304) settle('ok', 304);
        else settle(error.kind === 'aborted' ? 'aborted' : 'error', error.status, error.kind);
        subscriber.error(error);
      },
      complete: () => subscriber.complete(),
    });
    return () => {
      inner.unsubscribe();
      settle('aborted', 0, 'aborted');
    };
  });
};

function recordOf(
  plan: CallPlan,
  outcome: NetworkCallRecord['outcome'],
  status: number,
  errorKind: AppErrorKind | undefined,
): NetworkCallRecord {
  // Written field by field: spreading optional parts into an object literal cost ~1 µs a call.
  const record: { -readonly [K in keyof NetworkCallRecord]: NetworkCallRecord[K] } = {
    requestId: plan.requestId,
    method: plan.method,
    url: redactUrl(plan.url),
    startedAt: plan.startedAt,
    durationMs: plan.layer.clock.now() - plan.startedAt,
    status,
    outcome,
    background: plan.background,
    attempts: plan.attempts,
    waits: plan.waits,
  };
  if (plan.allowListed) record.traceId = plan.traceId;
  // Stryker disable next-line ConditionalExpression: an answered call's errorKind reads undefined either way (only `in` could tell)
  if (errorKind) record.errorKind = errorKind;
  return record;
}
