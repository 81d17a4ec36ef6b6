import { bootstrapApplication } from '@angular/platform-browser';
import { version } from '../package.json';
import { App } from './app/app';
import { appConfig } from './app/app.config';
import { loadRuntimeConfig, sentryBridge, startSentry } from '@keel/network/observability';
import { idleAfterFirstPage } from './app/shared/idle-after-load';

// Sentry loads once the first page has been shown and the browser is idle: its SDK (about
// 50 kB) would otherwise compete with that page's code and data for the network and the main
// thread (issue 13). Errors raised and calls failed before it arrives are queued and sent then;
// an app that fails to start loads it at once and reports why. The DSN comes from
// public/config.json at run time (no DSN: Sentry stays off).
const startReporting = () =>
  loadRuntimeConfig()
    .then((config) => startSentry(config, { release: version, platform: 'web' }))
    .catch((err: unknown) => console.error('Sentry did not start', err));

bootstrapApplication(App, appConfig).then(
  (app) => idleAfterFirstPage(app).then(startReporting),
  (err: unknown) => {
    console.error(err);
    sentryBridge.use((sdk) => sdk.captureException(err));
    return startReporting();
  },
);
