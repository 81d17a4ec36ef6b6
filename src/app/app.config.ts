import {
  type ApplicationConfig,
  isDevMode,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideRouter, withComponentInputBinding, withPreloading } from '@angular/router';
import { provideServiceWorker } from '@angular/service-worker';
import { routes } from './app.routes';
import { provideNetworkLayer } from '@keel/network';
import { provideFeatureFlags } from '@keel/network/flags';
import { provideObservability } from '@keel/network/observability';
import { provideSession } from '@keel/network/session';
import { version } from '../../package.json';
import { FLAGS } from './feature-flags';
import { IdlePreloading } from './idle-preloading';
import { withPageLoadFailures } from './shared/page-load-failure';
import { serviceWorkerScript } from './shared/service-worker-script';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(
      routes,
      withComponentInputBinding(),
      // Every page's code once the app is idle, so pages open offline (IdlePreloading).
      withPreloading(IdlePreloading),
      // A page whose code cannot be downloaded: a message with Retry in the page.
      ...withPageLoadFailures(),
    ),
    // HttpClient (fetch backend), the interceptor chain and XSRF, all in one place; the
    // defaults fit the dev API (same origin through the ng serve proxy). See README.
    provideNetworkLayer({ appVersion: version }),
    provideSession(),
    provideFeatureFlags({ flags: FLAGS }), // cached flags at startup; loads while signed in (README)
    // Metrics and Sentry; also where decode, flag, version and network-error reports go.
    provideObservability(),
    // The app shell offline, production builds only (ngsw-config.json; API calls are never
    // cached by it). Registered once the app is stable, so it never competes with the first
    // load; new versions are offered by AppUpdate (README "Offline"). The script's URL is a
    // TrustedScriptURL, as the Content-Security-Policy requires (README "Security").
    provideServiceWorker(serviceWorkerScript('ngsw-worker.js'), {
      enabled: !isDevMode(),
      registrationStrategy: 'registerWhenStable:30000',
    }),
  ],
};
