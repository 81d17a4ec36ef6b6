import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { SwUpdate } from '@angular/service-worker';
import { RELOAD_PAGE } from './version-notices';

/**
 * `ready`: a newer deployed version is downloaded and waits for a reload. `broken`: the service
 * worker can no longer serve this version (its files were evicted and the server has a newer
 * one), so only a reload gets the app working again.
 */
export type AppUpdateState = 'ready' | 'broken' | null;

/**
 * The app's own updates through Angular's service worker (production builds; `SwUpdate` is
 * off in development and in unit tests, and then this does nothing). The worker looks for a
 * new version when the app starts and on every navigation it serves; this also asks when the
 * tab becomes visible again, so a tab left open for days hears of a deploy. A downloaded
 * version is offered, never forced: the page keeps running the version it loaded until the
 * user reloads.
 */
@Injectable({ providedIn: 'root' })
export class AppUpdate {
  private readonly updates = inject(SwUpdate, { optional: true });
  private readonly reloadPage = inject(RELOAD_PAGE);
  private readonly state = signal<AppUpdateState>(null);

  /** What the user is offered: a reload for a new version, or the only way out of a broken one. */
  readonly available = this.state.asReadonly();

  constructor() {
    const updates = this.updates;
    if (!updates?.isEnabled) return;
    const versions = updates.versionUpdates.subscribe((event) => {
      if (event.type === 'VERSION_READY') this.state.update((s) => s ?? 'ready');
    });
    const broken = updates.unrecoverable.subscribe(() => this.state.set('broken'));
    const document = inject(DOCUMENT);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void this.check();
    };
    document.addEventListener('visibilitychange', onVisible);
    inject(DestroyRef).onDestroy(() => {
      versions.unsubscribe();
      broken.unsubscribe();
      document.removeEventListener('visibilitychange', onVisible);
    });
  }

  /**
   * Reloads into the newest version. With a service worker a plain reload is served from its
   * cache, which may still be the old build (after a 426 the worker may not have looked yet),
   * so this first asks it for a newer version and waits until it is downloaded.
   */
  async reload(): Promise<void> {
    if (this.updates?.isEnabled && this.state() !== 'broken') {
      await this.check();
    }
    this.reloadPage();
  }

  /** True when a newer version is ready. A failed check (offline) keeps what is cached. */
  private async check(): Promise<boolean> {
    try {
      return (await this.updates?.checkForUpdate()) ?? false;
    } catch {
      return false;
    }
  }
}
