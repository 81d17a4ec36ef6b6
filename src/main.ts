import { bootstrapApplication } from '@angular/platform-browser';
import { version } from '../package.json';
import { App } from './app/app';
import { appConfig } from './app/app.config';
import { loadRuntimeConfig, startSentry } from '@keel/network/observability';
import { idleAfterLoad } from './app/shared/idle-after-load';

// Sentry loads after the first page, once the browser is idle: its SDK (about 50 kB) would
// otherwise compete with the first page for the network (issue 13). Errors raised and calls
// failed before it arrives are queued and sent then. The DSN comes from public/config.json at
// run time (no DSN: Sentry stays off).
idleAfterLoad()
  .then(() => loadRuntimeConfig())
  .then((config) => startSentry(config, { release: version, platform: 'web' }))
  .catch((err: unknown) => console.error('Sentry did not start', err));

bootstrapApplication(App, appConfig).catch((err: unknown) => console.error(err));
