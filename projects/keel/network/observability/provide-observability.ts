import { DOCUMENT } from '@angular/common';
import {
  ErrorHandler,
  type EnvironmentProviders,
  Injector,
  inject,
  isDevMode,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { Router } from '@angular/router';
import { FLAG_REPORTER } from '@keel/network/flags';
import {
  DECODE_REPORTER,
  NETWORK_CALL_SINK,
  NETWORK_ERROR_REPORTER,
  SENTRY_TRACE_TARGET,
  type NetworkCallRecord,
  VERSION_REPORTER,
} from '@keel/network';
import { metricDecodeReporter, metricFlagReporter, sentryVersionReporter } from './app-reporters';
import { DeferredSentryErrorHandler } from './deferred-error-handler';
import { logNetworkCall } from './dev-network-log';
import { NetworkAlerts } from './network-alerts';
import { NetworkMetricsStore } from './network-metrics-store';
import { sentryBridge } from './sentry-bridge';
import { SentryNetworkReporter } from './sentry-network-reporter';
import { isSentryTraceTarget } from './sentry-targets';

/**
 * Wires the network layer's hooks: every call record feeds the metrics store (and, in dev
 * mode, the console log); every failed call goes to Sentry once; alerts watch the metrics.
 * The four reporter tokens are owned by the folders that report (each with a console default)
 * and replaced here: network errors, decode repairs and version trouble (the main entry) and
 * flag issues (`@keel/network/flags`). So the dependency only ever points from observability to
 * them, never back.
 * Sentry's ErrorHandler and TraceService are the SDK's own, attached when it has loaded.
 */
export function provideObservability(): EnvironmentProviders {
  return makeEnvironmentProviders([
    {
      provide: NETWORK_CALL_SINK,
      useFactory: () => {
        const metrics = inject(NetworkMetricsStore);
        // ngDevMode is false in production builds: the log is compiled out, not just silent.
        const log = (typeof ngDevMode === 'undefined' || !!ngDevMode) && isDevMode();
        return {
          record: (record: NetworkCallRecord) => {
            metrics.record(record);
            if (log) logNetworkCall(record);
          },
        };
      },
    },
    { provide: NETWORK_ERROR_REPORTER, useExisting: SentryNetworkReporter },
    {
      provide: SENTRY_TRACE_TARGET,
      useFactory: () => {
        const own = inject(DOCUMENT).location.origin;
        return (origin: string, path: string) =>
          sentryBridge.loaded && isSentryTraceTarget(origin, path, own);
      },
    },
    { provide: DECODE_REPORTER, useFactory: metricDecodeReporter },
    { provide: FLAG_REPORTER, useFactory: metricFlagReporter },
    { provide: VERSION_REPORTER, useFactory: sentryVersionReporter },
    { provide: ErrorHandler, useClass: DeferredSentryErrorHandler },
    provideAppInitializer(() => {
      inject(NetworkAlerts);
      const injector = inject(Injector);
      // Sentry's TraceService (router spans), created the documented way once the SDK is here.
      sentryBridge.onReady((sdk) =>
        Injector.create({
          providers: [{ provide: sdk.TraceService, deps: [Router] }],
          parent: injector,
        }).get(sdk.TraceService),
      );
    }),
  ]);
}
