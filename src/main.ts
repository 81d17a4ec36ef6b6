import { bootstrapApplication } from '@angular/platform-browser';
import { version } from '../package.json';
import { App } from './app/app';
import { appConfig } from './app/app.config';
import { loadRuntimeConfig, startSentry } from './app/core/observability';

// Sentry loads beside the app, not before it: errors raised before it arrives are queued.
// The DSN comes from public/config.json at run time (no DSN: Sentry stays off).
loadRuntimeConfig()
  .then((config) => startSentry(config, { release: version, platform: 'web' }))
  .catch((err: unknown) => console.error('Sentry did not start', err));

bootstrapApplication(App, appConfig).catch((err: unknown) => console.error(err));
