import { InjectionToken } from '@angular/core';

/**
 * Where the session's calls go. The defaults are the dev API's (shared/API.md, "Auth"); a
 * backend with other paths names them in `provideSession({ endpoints })`. Login, refresh and
 * logout must lie under the network layer's `authPaths`, so a 401 from them never starts a
 * refresh and a refresh goes out before the calls waiting for it (checked in dev mode).
 */
export interface AuthEndpoints {
  /** `POST {email, password}` → `{accessToken, expiresIn, user}` and the refresh cookie. */
  readonly login: string;
  /** `POST`, with the refresh cookie and the XSRF header → `{accessToken, expiresIn}`. */
  readonly refresh: string;
  /** `POST`, with the refresh cookie and the XSRF header: ends the session on the server. */
  readonly logout: string;
  /** `GET`, with the access token → the user. */
  readonly me: string;
}

/** The dev API's endpoints (shared/API.md), under the network layer's default `authPaths`. */
export const DEFAULT_AUTH_ENDPOINTS: AuthEndpoints = {
  login: '/api/auth/login',
  refresh: '/api/auth/refresh',
  logout: '/api/auth/logout',
  me: '/api/me',
};

/**
 * The session's endpoints (`provideSession({ endpoints })` merges its over the defaults).
 * @default DEFAULT_AUTH_ENDPOINTS
 */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const AUTH_ENDPOINTS = new InjectionToken<AuthEndpoints>('AUTH_ENDPOINTS', {
  factory: () => DEFAULT_AUTH_ENDPOINTS,
});
