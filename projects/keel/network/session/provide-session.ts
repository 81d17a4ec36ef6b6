import {
  type EnvironmentProviders,
  inject,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
} from '@angular/core';
import { ACCESS_TOKEN_SOURCE } from '@keel/network';
import { RefreshCoordinator } from './refresh-coordinator';

/**
 * Plugs the session into the network layer: the auth interceptor gets tokens and refreshes
 * here. The coordinator starts with the app, so this tab hears the other tabs of the session
 * (sign-in, sign-out, a new token) before it makes its first call.
 */
export function provideSession(): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: ACCESS_TOKEN_SOURCE, useExisting: RefreshCoordinator },
    provideEnvironmentInitializer(() => inject(RefreshCoordinator)),
  ]);
}
