import { InjectionToken, isDevMode } from '@angular/core';

/**
 * Something the flag store had to work around in a `GET /api/flags` answer. The store falls back
 * to the flag's default (or keeps what it had) and reports; it never throws.
 */
export type FlagIssue =
  /** The server sent a flag the app does not declare (`FLAG_DEFINITIONS`). */
  | { readonly kind: 'unknown-flag'; readonly name: string }
  /** The server sent a declared flag with a value of another type (`received` is its `typeof`). */
  | {
      readonly kind: 'wrong-type';
      readonly name: string;
      readonly expected: string;
      readonly received: string;
    }
  /** The body was not `{version, flags: {…}}`: nothing was applied. */
  | { readonly kind: 'malformed-response' };

/** Hears about flag issues: a metric and a breadcrumb, never a crash. */
export interface FlagReporter {
  report(issue: FlagIssue): void;
}

/** Warns in the console in dev mode; says nothing in production. */
export const consoleFlagReporter: FlagReporter = {
  report(issue) {
    if (!isDevMode()) return;
    const what =
      issue.kind === 'unknown-flag'
        ? `unknown flag "${issue.name}" ignored`
        : issue.kind === 'wrong-type'
          ? `flag "${issue.name}" is a ${issue.received}, expected a ${issue.expected}: default used`
          : 'GET /api/flags answered an unexpected shape: values kept';
    console.warn(`[flags] ${what}`);
  },
};

/**
 * Where the flag store sends its issues, each one once per page load. Observability replaces it
 * with one that counts a metric and leaves a Sentry breadcrumb.
 * @default `consoleFlagReporter`: a console warning in dev mode only
 */
export const FLAG_REPORTER = new InjectionToken<FlagReporter>('FLAG_REPORTER', {
  providedIn: 'root',
  factory: () => consoleFlagReporter,
});
