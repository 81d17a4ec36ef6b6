import { bootstrapApplication } from '@angular/platform-browser';
import { version } from '../package.json';
import { App } from './app/app';
import { appConfig } from './app/app.config';
import { loadRuntimeConfig, sentryBridge, startSentry } from '@keel/network/observability';
import { idleAfterFirstPage, quietFor } from './app/shared/idle-after-load';

/**
 * How long nobody may have used the page before Sentry's SDK loads, once the first page is
 * shown. The SDK is about 50 kB, and its evaluation and `Sentry.init` are two tasks of 80–150 ms
 * on a phone-speed CPU (Lighthouse, 4× slowdown): loaded as soon as the first page was idle, they
 * fell into the moments a person starts typing, and into the first load's blocking time.
 */
const SENTRY_QUIET_MS = 10_000;

// Sentry loads at the first of: something to send (an error, a failed call: at once), or the
// first page shown and then SENTRY_QUIET_MS without input. Errors and failed calls are queued
// until it is here; page-load tracing reads the browser's own timings, so a late start still
// measures the load from its beginning. An app that fails to start loads it at once and reports
// why. The DSN comes from public/config.json at run time (no DSN: Sentry stays off). Issue 13;
// README "Observability".
const startReporting = () =>
  loadRuntimeConfig()
    .then((config) => startSentry(config, { release: version, platform: 'web' }))
    .catch((err: unknown) => console.error('Sentry did not start', err));

bootstrapApplication(App, appConfig).then(
  (app) =>
    Promise.race([
      sentryBridge.needed,
      idleAfterFirstPage(app).then(() => quietFor(SENTRY_QUIET_MS)),
    ]).then(startReporting),
  (err: unknown) => {
    console.error(err);
    sentryBridge.report((sdk) => sdk.captureException(err));
    return startReporting();
  },
);
