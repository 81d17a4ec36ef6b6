import { DOCUMENT } from '@angular/common';
import {
  Injectable,
  InjectionToken,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { APP_VERSION, ApiVersionSignals, VERSION_REPORTER } from '@keel/network';

/**
 * Where "deprecation reported" and "banner dismissed" are remembered for the browser session
 * (the tab's life, reloads included). `null` when storage is unavailable: then they last for
 * the page load only.
 * @default `sessionStorage`
 */
export const VERSION_NOTICE_STORAGE = new InjectionToken<Storage | null>('VERSION_NOTICE_STORAGE', {
  providedIn: 'root',
  factory: () => {
    try {
      return inject(DOCUMENT).defaultView?.sessionStorage ?? null;
    } catch {
      return null;
    }
  },
});

/**
 * Reloads the page, so the browser fetches the current build.
 * @default `location.reload()`
 */
export const RELOAD_PAGE = new InjectionToken<() => void>('RELOAD_PAGE', {
  providedIn: 'root',
  factory: () => {
    const location = inject(DOCUMENT).defaultView?.location;
    return () => location?.reload();
  },
});

const REPORTED_KEY = 'keel.deprecation.reported';
const DISMISSED_KEY = 'keel.deprecation.dismissed';

/**
 * What the version UI shows, and the one place that reports version trouble: a 426 once per page
 * load, a deprecation once per browser session. Created with the app's root component, so it
 * reports even while no banner is on screen (e.g. on the sign-in page).
 */
@Injectable({ providedIn: 'root' })
export class VersionNotices {
  private readonly versions = inject(ApiVersionSignals);
  private readonly reporter = inject(VERSION_REPORTER);
  private readonly storage = inject(VERSION_NOTICE_STORAGE);
  private readonly dismissed = signal(this.remembered(DISMISSED_KEY));
  private upgradeReported = false;
  private deprecationReported = this.remembered(REPORTED_KEY);

  /** The version this build says it is (`X-App-Version`). */
  readonly appVersion = inject(APP_VERSION);
  /** Set once a call got 426: the app is blocked until it reloads. */
  readonly upgradeRequired = this.versions.upgradeRequired;
  /** The deprecation notice to show; null when there is none or it was dismissed this session. */
  readonly deprecation = computed(() => (this.dismissed() ? null : this.versions.deprecation()));

  constructor() {
    effect(() => {
      const required = this.versions.upgradeRequired();
      if (!required || this.upgradeReported) return;
      this.upgradeReported = true;
      const report = { appVersion: this.appVersion, minVersion: required.minVersion };
      untracked(() => this.reporter.upgradeRequired(report));
    });
    effect(() => {
      const notice = this.versions.deprecation();
      if (!notice || this.deprecationReported) return;
      this.deprecationReported = true;
      this.remember(REPORTED_KEY);
      const { deprecatedAt, sunsetAt } = notice;
      untracked(() =>
        this.reporter.deprecated({ appVersion: this.appVersion, deprecatedAt, sunsetAt }),
      );
    });
  }

  /** Hides the deprecation banner for the rest of the browser session. */
  dismissDeprecation(): void {
    this.dismissed.set(true);
    this.remember(DISMISSED_KEY);
  }

  private remembered(key: string): boolean {
    try {
      return this.storage?.getItem(key) === '1';
    } catch {
      return false;
    }
  }

  private remember(key: string): void {
    try {
      this.storage?.setItem(key, '1');
    } catch {
      // Blocked storage: remembered for this page load only.
    }
  }
}
