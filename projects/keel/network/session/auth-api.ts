import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { RETRY, SKIP_AUTH } from '@keel/network';
import { AUTH_ENDPOINTS } from './auth-endpoints';
import type { User } from './user';

export interface LoginResponse {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly user: User;
}

export interface RefreshResponse {
  readonly accessToken: string;
  readonly expiresIn: number;
}

/**
 * The auth endpoints (`AUTH_ENDPOINTS`; shared/API.md, "Auth"). They go through HttpClient, so they get the XSRF
 * and version headers and come back as AppErrors, but they skip auth (no token, no refresh on
 * their own 401) and retries (a refresh token is spent once it is sent; a login is not
 * idempotent).
 */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  private readonly endpoints = inject(AUTH_ENDPOINTS);

  login(email: string, password: string): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(
      this.endpoints.login,
      { email, password },
      { context: authContext() },
    );
  }

  refresh(): Observable<RefreshResponse> {
    return this.http.post<RefreshResponse>(this.endpoints.refresh, null, {
      context: authContext(),
    });
  }

  logout(): Observable<unknown> {
    return this.http.post(this.endpoints.logout, null, { context: authContext() });
  }

  /** Goes through the auth interceptor like any API call. */
  me(): Observable<User> {
    return this.http.get<User>(this.endpoints.me);
  }
}

function authContext(): HttpContext {
  return new HttpContext().set(SKIP_AUTH, true).set(RETRY, 'none');
}
