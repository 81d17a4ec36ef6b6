/**
 * Observability: `provideObservability()` feeds every call record to a metrics store and alerts,
 * every failed call to Sentry once, and replaces the reporter seams; `startSentry()` loads the
 * Sentry SDK after the first page.
 * @packageDocumentation
 * @module @keel/network/observability
 */
export { provideObservability } from './provide-observability';
export { startSentry } from './init-sentry';
export { sentryBridge, SentryBridge } from './sentry-bridge';
export { loadRuntimeConfig, type RuntimeConfig } from './runtime-config';
export { NetworkMetricsStore, RECENT_CALLS, FAILURE_WINDOW } from './network-metrics-store';
export {
  NetworkAlerts,
  NETWORK_ALERTS,
  dueAlerts,
  type NetworkAlertOptions,
  type AlertName,
} from './network-alerts';
export { SENTRY_CLIENT, type SentryClient } from './sentry-client';
export { SentryNetworkReporter } from './sentry-network-reporter';
export { scrubString, scrubUrl, scrubDeep } from './scrub';
export { routeOf } from './route-of';
export { logNetworkCall } from './dev-network-log';
export { metricDecodeReporter, metricFlagReporter, sentryVersionReporter } from './app-reporters';
