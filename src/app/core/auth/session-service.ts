import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from './auth-api';
import { SessionStore } from './session-store';

/** Signs in and out against the API and restores a session from the refresh cookie. */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly api = inject(AuthApi);
  private readonly store = inject(SessionStore);
  private restoring: Promise<boolean> | null = null;

  async signIn(email: string, password: string): Promise<void> {
    const response = await firstValueFrom(this.api.login(email, password));
    this.store.signedIn(
      response.user,
      response.accessToken,
      Date.now() + response.expiresIn * 1000,
    );
  }

  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.api.logout());
    } finally {
      // Signing out locally never waits on the network: the user asked to leave.
      this.store.signedOut();
    }
  }

  /**
   * Restores the session through the HttpOnly refresh cookie once per page load; every caller
   * shares the same attempt. Resolves to whether a session exists.
   */
  restore(): Promise<boolean> {
    if (this.store.status() !== 'unknown') return Promise.resolve(this.store.isSignedIn());
    this.restoring ??= this.restoreOnce().finally(() => (this.restoring = null));
    return this.restoring;
  }

  private async restoreOnce(): Promise<boolean> {
    try {
      const { accessToken, expiresIn } = await firstValueFrom(this.api.refresh());
      const user = await firstValueFrom(this.api.me(accessToken));
      this.store.signedIn(user, accessToken, Date.now() + expiresIn * 1000);
      return true;
    } catch {
      this.store.signedOut();
      return false;
    }
  }
}

/** A message a person can act on, for a failed sign-in. */
export function signInErrorMessage(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 401) return 'Wrong email or password.';
    if (error.status === 429) return 'Too many attempts. Wait a minute, then try again.';
    if (error.status === 0) return 'Cannot reach the server. Check your connection and try again.';
  }
  return 'Sign-in failed. Try again in a moment.';
}
