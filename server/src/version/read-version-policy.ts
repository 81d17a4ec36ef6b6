import { InputReader } from '../http/input-reader.ts';
import { parseStrictDate } from '../http/parse-strict-date.ts';
import { parseSemver } from './semver.ts';
import type { VersionPolicySettings } from './version-policy.ts';

/** `PUT /api/_dev/version-policy` body; the sunset comes back as an ISO 8601 time. */
export function readVersionPolicy(raw: unknown): Partial<VersionPolicySettings> {
  const reader = new InputReader();
  const body = reader.object(raw, '', ['minVersion', 'deprecatedBelow', 'sunset']);
  const changes: Partial<VersionPolicySettings> = {};
  for (const key of ['minVersion', 'deprecatedBelow'] as const) {
    const value = reader.nullableString(body, key, { maxLength: 100 });
    if (value !== undefined && value !== null && !parseSemver(value)) {
      reader.fail(key, 'must be a semantic version such as 1.4.0');
    } else if (value !== undefined) {
      changes[key] = value;
    }
  }
  const sunset = reader.nullableString(body, 'sunset', { maxLength: 100 });
  if (sunset === null) changes.sunset = null;
  else if (sunset !== undefined) {
    const time = parseStrictDate(sunset);
    if (time === undefined) {
      reader.fail('sunset', 'must be a real date: YYYY-MM-DD, an ISO 8601 time or an HTTP-date');
    } else {
      changes.sunset = new Date(time).toISOString();
    }
  }
  reader.throwIfInvalid();
  return changes;
}
