import { HttpContextToken, HttpResponse, type HttpInterceptorFn } from '@angular/common/http';
import { Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import { finalize, tap } from 'rxjs';
import type { AppErrorKind } from './app-error';
import { callTrace, type AttemptRecord, type WaitRecord } from './call-trace';
import { NETWORK_CLOCK } from './network-clock';
import { redactUrl } from './redact-url';
import { toAppError } from './to-app-error';

/** Marks a call the user did not ask for (polls, flag reloads): no progress bar, no snackbar. */
export const BACKGROUND = new HttpContextToken<boolean>(() => false);

/** One logical call, retries included, as the observability hook records it. */
export interface NetworkCallRecord {
  readonly requestId: string;
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
  readonly attempts: readonly AttemptRecord[];
  readonly waits: readonly WaitRecord[];
}

/** Where records go: the metrics store, the dev log and Sentry breadcrumbs plug in here. */
export interface NetworkCallSink {
  record(record: NetworkCallRecord): void;
}

/** @default a sink that drops every record */
export const NETWORK_CALL_SINK = new InjectionToken<NetworkCallSink>('NETWORK_CALL_SINK', {
  providedIn: 'root',
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
  const clock = inject(NETWORK_CLOCK);
  const sink = inject(NETWORK_CALL_SINK);
  const activity = inject(NetworkActivity);
  const trace = callTrace(req, clock);
  const background = req.context.get(BACKGROUND);
  let settled = false;

  const settle = (
    outcome: NetworkCallRecord['outcome'],
    status: number,
    errorKind?: AppErrorKind,
  ) => {
    if (settled) return;
    settled = true;
    activity.settled(background);
    sink.record({
      requestId: trace.requestId,
      method: req.method,
      url: redactUrl(req.urlWithParams),
      startedAt: trace.startedAt,
      durationMs: clock.now() - trace.startedAt,
      status,
      outcome,
      ...(errorKind ? { errorKind } : {}),
      background,
      attempts: trace.attempts,
      waits: trace.waits,
    });
  };

  activity.started(background);
  return next(req).pipe(
    tap({
      next: (event) => {
        if (event instanceof HttpResponse) settle('ok', event.status);
      },
      error: (error: unknown) => {
        const appError = toAppError(error, clock.now());
        // HttpClient hands a 304 (a conditional GET that found nothing new) over as an error;
        // for the record it is an answer, not a failure.
        if (appError.status === 304) settle('ok', 304);
        else
          settle(appError.kind === 'aborted' ? 'aborted' : 'error', appError.status, appError.kind);
      },
    }),
    finalize(() => settle('aborted', 0, 'aborted')),
  );
};
