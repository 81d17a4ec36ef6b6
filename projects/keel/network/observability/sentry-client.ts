import { InjectionToken } from '@angular/core';
import { sentryBridge } from './sentry-bridge';

/** The part of the Sentry SDK the app calls; a seam so tests can see what would be sent. */
export interface SentryClient {
  captureException(
    error: unknown,
    context: {
      fingerprint: string[];
      tags: Record<string, string>;
      extra: Record<string, unknown>;
      /** The event's trace context (Sentry links the event to this trace). */
      contexts?: { trace: { trace_id: string; span_id: string } };
    },
  ): void;
  captureMessage(
    message: string,
    level: 'info' | 'warning' | 'error',
    tags?: Record<string, string>,
  ): void;
  addBreadcrumb(breadcrumb: {
    category: string;
    message: string;
    level: 'info' | 'warning' | 'error';
    data?: Record<string, unknown>;
  }): void;
}

/**
 * @default the real SDK through the bridge (queued until it loads; a no-op without a DSN). An
 * event to send asks for the SDK at once (`SentryBridge.needed`); a breadcrumb waits.
 */
export const SENTRY_CLIENT = new InjectionToken<SentryClient>('SENTRY_CLIENT', {
  providedIn: 'root',
  factory: () => ({
    captureException: (error, context) =>
      sentryBridge.report((sdk) => sdk.captureException(error, context)),
    captureMessage: (message, level, tags) =>
      sentryBridge.report((sdk) => sdk.captureMessage(message, { level, tags })),
    addBreadcrumb: (breadcrumb) => sentryBridge.use((sdk) => sdk.addBreadcrumb(breadcrumb)),
  }),
});
