import { isAppError } from '../http';
import type { RuntimeConfig } from './runtime-config';
import { scrubDeep } from './scrub';
import { type SentryBridge, sentryBridge } from './sentry-bridge';
import { REPORTED } from './sentry-network-reporter';

/**
 * Starts Sentry for `main.ts`: off without a DSN; otherwise the SDK is imported as its own
 * chunk and `Sentry.init` runs as soon as it arrives, while the app bootstraps. Every event and
 * breadcrumb goes through the scrubber (no Authorization, cookies, token-like parameters or
 * JWTs leave the browser), and an AppError the error mapper already reported is not sent again
 * by the global handlers.
 */
export function startSentry(
  config: RuntimeConfig,
  app: { release: string; platform: string },
  bridge: SentryBridge = sentryBridge,
): Promise<boolean> {
  const dsn = config.sentry?.dsn?.replace('{host}', location.host);
  if (!dsn) {
    bridge.disable();
    return Promise.resolve(false);
  }
  return import('./sentry-sdk').then((Sentry) => {
    Sentry.init({
      dsn,
      release: app.release,
      environment: config.sentry?.environment ?? 'production',
      // Collect no user info and no bodies; headers, cookies and URLs are scrubbed below.
      dataCollection: { userInfo: false, httpBodies: [] },
      integrations: [Sentry.browserTracingIntegration()],
      tracesSampleRate: config.sentry?.tracesSampleRate ?? 0,
      // Only our own API gets trace headers; other origins get nothing extra.
      tracePropagationTargets: [/^\/api\//, new RegExp(`^${escapeRegExp(location.origin)}/api/`)],
      initialScope: { tags: { platform: app.platform } },
      beforeSend: (event, hint) => {
        const original = hint.originalException;
        if (isAppError(original) && REPORTED.has(original) && !event.fingerprint) return null;
        return scrubDeep(event);
      },
      beforeSendTransaction: (event) => scrubDeep(event),
      beforeBreadcrumb: (breadcrumb) => scrubDeep(breadcrumb),
    });
    bridge.ready(Sentry);
    return true;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
