import { Injectable, inject } from '@angular/core';
import type { AppError, AppErrorKind, NetworkErrorReporter, ReportedCall } from '@keel/network';
import { REPORTED } from './reported-errors';
import { routeOf } from './route-of';
import { SENTRY_CLIENT } from './sentry-client';

/**
 * Outcomes the app expects and handles on screen: a breadcrumb (context for a later event),
 * never an event of their own.
 */
const EXPECTED: ReadonlySet<AppErrorKind> = new Set<AppErrorKind>([
  'validation',
  'not-found',
  'aborted',
  'unauthorized',
  'auth-expired',
  'precondition-failed',
  'conflict',
  'offline',
  // Reported once, by the version awareness, not once per call.
  'upgrade-required',
]);

/**
 * The error mapper's reporter: one Sentry event per failed logical call, grouped by kind and
 * route (not by message or request id), with the call's id, attempts and duration attached,
 * and in the call's own trace: the event's trace context is the `traceparent` the call's last
 * attempt sent, so Sentry links the error to the same trace the server logged, whatever span
 * the SDK's browser tracing had open.
 */
@Injectable({ providedIn: 'root' })
export class SentryNetworkReporter implements NetworkErrorReporter {
  private readonly sentry = inject(SENTRY_CLIENT);

  report(error: AppError, call: ReportedCall): void {
    REPORTED.add(error);
    const route = `${call.method} ${routeOf(call.url)}`;
    if (EXPECTED.has(error.kind)) {
      this.sentry.addBreadcrumb({
        category: 'http.expected',
        level: 'info',
        message: `${route} → ${error.kind}`,
        data: { status: error.status },
      });
      return;
    }
    this.sentry.captureException(error, {
      fingerprint: ['network', error.kind, route],
      tags: { 'error.kind': error.kind, route },
      extra: {
        requestId: error.requestId,
        status: error.status,
        attempts: error.attempts,
        durationMs: error.durationMs,
      },
      ...(call.trace
        ? { contexts: { trace: { trace_id: call.trace.traceId, span_id: call.trace.spanId } } }
        : {}),
    });
  }
}
