import { type EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';
import { ACCESS_TOKEN_SOURCE } from '../http';
import { RefreshCoordinator } from './refresh-coordinator';

/** Plugs the session into the network layer: the auth interceptor gets tokens and refreshes here. */
export function provideSession(): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: ACCESS_TOKEN_SOURCE, useExisting: RefreshCoordinator },
  ]);
}
