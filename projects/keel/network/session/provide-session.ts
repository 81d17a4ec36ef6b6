import {
  type EnvironmentProviders,
  inject,
  isDevMode,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
} from '@angular/core';
import { ACCESS_TOKEN_SOURCE, AUTH_PATHS } from '@keel/network';
import { AUTH_ENDPOINTS, type AuthEndpoints, DEFAULT_AUTH_ENDPOINTS } from './auth-endpoints';
import { RefreshCoordinator } from './refresh-coordinator';

export interface SessionOptions {
  /** Merged over `DEFAULT_AUTH_ENDPOINTS` (`AUTH_ENDPOINTS`). @default DEFAULT_AUTH_ENDPOINTS */
  readonly endpoints?: Partial<AuthEndpoints>;
}

/**
 * Plugs the session into the network layer: the auth interceptor gets tokens and refreshes
 * here. The coordinator starts with the app, so this tab hears the other tabs of the session
 * (sign-in, sign-out, a new token) before it makes its first call.
 */
export function provideSession(options: SessionOptions = {}): EnvironmentProviders {
  const endpoints = { ...DEFAULT_AUTH_ENDPOINTS, ...options.endpoints };
  return makeEnvironmentProviders([
    { provide: AUTH_ENDPOINTS, useValue: endpoints },
    { provide: ACCESS_TOKEN_SOURCE, useExisting: RefreshCoordinator },
    provideEnvironmentInitializer(() => {
      if (isDevMode()) assertUnderAuthPaths(endpoints, inject(AUTH_PATHS));
      inject(RefreshCoordinator);
    }),
  ]);
}

/**
 * Throws, in dev mode, when login, refresh or logout is not under one of the network layer's
 * `authPaths`: a 401 from it would start a refresh, and a refresh would wait in the queue behind
 * the calls that wait for it.
 */
export function assertUnderAuthPaths(endpoints: AuthEndpoints, authPaths: readonly string[]): void {
  const outside = (['login', 'refresh', 'logout'] as const).filter(
    (name) => !authPaths.some((path) => pathOf(endpoints[name]).startsWith(path)),
  );
  if (outside.length)
    throw new Error(
      `provideSession: ${outside.map((name) => `${name} (${endpoints[name]})`).join(', ')} ` +
        `not under the network layer's authPaths (${authPaths.join(', ')}): ` +
        'add the path to provideNetworkLayer({ authPaths }).',
    );
}

/** The path of an endpoint given as a path or as a full URL. */
function pathOf(endpoint: string): string {
  return new URL(endpoint, 'http://x').pathname;
}
