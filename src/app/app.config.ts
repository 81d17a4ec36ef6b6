import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { provideSession } from './core/auth';
import { provideNetworkLayer } from './core/http';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withComponentInputBinding()),
    // HttpClient (fetch backend), the interceptor chain and XSRF, all in one place; the
    // defaults fit the dev API (same origin through the ng serve proxy). See README.
    provideNetworkLayer(),
    provideSession(),
  ],
};
