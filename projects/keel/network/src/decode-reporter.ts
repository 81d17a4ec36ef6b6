import { InjectionToken, isDevMode } from '@angular/core';

/** One thing a schema repaired: a field given its default, or a list item dropped. */
export interface DecodeRepair {
  /** Where in the payload, named like the API's field errors: `items[3].notes`. */
  readonly path: string;
  readonly action: 'defaulted' | 'dropped';
  /** What was there instead: `missing`, `null`, `a number`, or why an item was dropped. */
  readonly reason: string;
}

/** Everything one decoded response needed repairing. Only sent when there was something. */
export interface DecodeReport {
  /** The payload, as the repository names it (`orders page`, `order`). */
  readonly what: string;
  readonly repairs: readonly DecodeRepair[];
}

/** Hears about payloads that decoded only after repairs: a metric and a breadcrumb, never a crash. */
export interface DecodeReporter {
  repaired(report: DecodeReport): void;
}

/** Warns in the console in dev mode; says nothing in production. */
export const consoleDecodeReporter: DecodeReporter = {
  repaired(report) {
    if (!isDevMode()) return;
    const lines = report.repairs.map((r) => `${r.path} ${r.action} (${r.reason})`);
    console.warn(`[decode] ${report.what} needed ${lines.length} repair(s): ${lines.join('; ')}`);
  },
};

/**
 * Where repositories send their decode reports. `provideObservability()` replaces it with one
 * that counts a metric and leaves a Sentry breadcrumb (observability depends on this entry,
 * never the other way round).
 * @default `consoleDecodeReporter`: a console warning in dev mode only
 */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const DECODE_REPORTER = new InjectionToken<DecodeReporter>('DECODE_REPORTER', {
  factory: () => consoleDecodeReporter,
});
