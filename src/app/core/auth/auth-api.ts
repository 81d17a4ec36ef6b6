import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
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

/** The auth endpoints of the dev API (shared/API.md, "Auth"). */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(email: string, password: string): Observable<LoginResponse> {
    return this.http.post<LoginResponse>('/api/auth/login', { email, password });
  }

  refresh(): Observable<RefreshResponse> {
    return this.http.post<RefreshResponse>('/api/auth/refresh', null);
  }

  logout(): Observable<unknown> {
    return this.http.post('/api/auth/logout', null);
  }

  me(accessToken: string): Observable<User> {
    return this.http.get<User>('/api/me', { headers: { Authorization: `Bearer ${accessToken}` } });
  }
}
