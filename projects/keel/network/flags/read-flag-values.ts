import type { FlagDefinitions, FlagValues } from './flag-registry';
import type { FlagIssue } from './flag-reporter';

/** The values of a flags map that this build can use, and what it had to leave out. */
export interface ReadFlagValues {
  /** Only the declared flags whose value has the declared type; the rest take their defaults. */
  readonly values: Partial<FlagValues>;
  readonly issues: readonly FlagIssue[];
}

/**
 * Checks a `{name: value}` map (from the server or the cache) against the app's flags. Pure: the
 * store decides what to report. A number must be finite: `NaN` never reaches a page size.
 */
export function readFlagValues(
  raw: Readonly<Record<string, unknown>>,
  definitions: FlagDefinitions,
): ReadFlagValues {
  const values: Record<string, unknown> = {};
  const issues: FlagIssue[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (!Object.hasOwn(definitions, name)) {
      issues.push({ kind: 'unknown-flag', name });
      continue;
    }
    const expected = definitions[name].type;
    const ok = typeof value === expected && (expected !== 'number' || Number.isFinite(value));
    if (ok) values[name] = value;
    else issues.push({ kind: 'wrong-type', name, expected, received: describeType(value) });
  }
  return { values: values as Partial<FlagValues>, issues };
}

/** True for a plain `{…}` object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'non-finite number';
  return typeof value;
}
