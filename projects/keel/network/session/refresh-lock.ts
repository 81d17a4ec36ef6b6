import { DOCUMENT } from '@angular/common';
import { InjectionToken, inject } from '@angular/core';

/** Runs `task` while holding a lock shared by every tab of this origin. */
export type RefreshLock = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * @default Web Locks (`navigator.locks`), so two tabs never send the same refresh token: the
 * second tab waits, then sends the cookie the first one's refresh rotated. Where Web Locks are
 * missing the task runs unlocked.
 */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const REFRESH_LOCK = new InjectionToken<RefreshLock>('REFRESH_LOCK', {
  // Stryker disable next-line StringLiteral: InjectionToken turns an empty providedIn into 'root'
  providedIn: 'root',
  factory: () => {
    const locks = inject(DOCUMENT).defaultView?.navigator.locks;
    if (!locks) return (task) => task();
    // request() resolves with the task's own result once the lock is released.
    return <T>(task: () => Promise<T>) => locks.request('keel-token-refresh', task) as Promise<T>;
  },
});
