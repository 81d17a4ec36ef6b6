// Everything Sentry: the slice of @sentry/angular the app uses, and its setup with the
// scrubbers. Imported only dynamically (see init-sentry.ts), so all of it is its own chunk,
// loaded beside the app; named re-exports keep the rest of the SDK tree-shaken out.
import { addIntegration, browserTracingIntegration, init } from '@sentry/angular';
import { isAppError } from '@keel/network';
import { REPORTED } from './reported-errors';
import type { RuntimeConfig } from './runtime-config';
import { scrubDeep } from './scrub';
import { sentryTracePropagationTargets } from './sentry-targets';

export {
  addBreadcrumb,
  captureException,
  captureMessage,
  createErrorHandler,
  TraceService,
} from '@sentry/angular';

/**
 * `Sentry.init`: every event, span and breadcrumb goes through the scrubber (no Authorization,
 * cookies, token-like parameters or JWTs leave the browser), and an AppError the error mapper
 * already reported is not sent again by the global handlers.
 */
export function start(
  dsn: string,
  config: RuntimeConfig,
  app: { release: string; platform: string },
): void {
  init({
    dsn,
    release: app.release,
    environment: config.sentry?.environment ?? 'production',
    // Collect no user info and no bodies; headers, cookies and URLs are scrubbed below.
    dataCollection: { userInfo: false, httpBodies: [] },
    // Tracing is added by startTracing(), in a task of its own (see init-sentry.ts).
    tracesSampleRate: config.sentry?.tracesSampleRate ?? 0,
    // Only our own API gets trace headers; other origins get nothing extra. The network layer
    // stamps `sentry-trace` in each call's own trace there first (SENTRY_TRACE_TARGET), and the
    // SDK keeps a `sentry-trace` a request already has.
    tracePropagationTargets: sentryTracePropagationTargets(location.origin),
    initialScope: { tags: { platform: app.platform } },
    beforeSend: (event, hint) => {
      const original = hint.originalException;
      if (isAppError(original) && REPORTED.has(original) && !event.fingerprint) return null;
      return scrubDeep(event);
    },
    // Spans are streamed one by one (Sentry 11's default `traceLifecycle: 'stream'`), and in
    // that mode `beforeSendTransaction` is never called: their URLs and attributes are
    // scrubbed here instead (they carry request URLs with their query strings).
    beforeSendSpan: (span) => scrubDeep(span),
    beforeBreadcrumb: (breadcrumb) => scrubDeep(breadcrumb),
  });
}

/**
 * Page-load and navigation tracing. Its setup is half of what `Sentry.init` with it cost (23 of
 * 47 ms at 4x CPU), so it runs in a task of its own. The page-load span still starts at the
 * navigation: the integration reads the browser's own timings.
 */
export function startTracing(): void {
  addIntegration(browserTracingIntegration());
}
