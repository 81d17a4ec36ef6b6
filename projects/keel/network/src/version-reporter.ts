import { InjectionToken, isDevMode } from '@angular/core';

/** The API turned this app version away (426): the user must reload. */
export interface UpgradeRequiredReport {
  readonly appVersion: string;
  /** The lowest version the API accepts; null when the 426 did not say. */
  readonly minVersion: string | null;
}

/** The API announced that this app version is deprecated (`Deprecation`/`Sunset`). */
export interface DeprecationReport {
  readonly appVersion: string;
  /** Epoch ms; null when not announced. */
  readonly deprecatedAt: number | null;
  readonly sunsetAt: number | null;
}

/**
 * Hears about version trouble: "update required" once per page load, a deprecation once per
 * browser session (features/version's `VersionNotices` decides when).
 */
export interface VersionReporter {
  upgradeRequired(report: UpgradeRequiredReport): void;
  deprecated(report: DeprecationReport): void;
}

/** Warns in the console in dev mode; says nothing in production. */
export const consoleVersionReporter: VersionReporter = {
  upgradeRequired({ appVersion, minVersion }) {
    if (isDevMode()) {
      console.warn(`[version] ${appVersion} is too old for the API (minimum ${minVersion ?? '?'})`);
    }
  },
  deprecated({ appVersion, sunsetAt }) {
    if (isDevMode()) {
      const sunset = sunsetAt === null ? 'no sunset announced' : new Date(sunsetAt).toISOString();
      console.warn(`[version] ${appVersion} is deprecated (sunset: ${sunset})`);
    }
  },
};

/**
 * Where version trouble is reported. `provideObservability()` replaces it with one that sends
 * both to Sentry as messages.
 * @default `consoleVersionReporter`: a console warning in dev mode only
 */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const VERSION_REPORTER = new InjectionToken<VersionReporter>('VERSION_REPORTER', {
  factory: () => consoleVersionReporter,
});
