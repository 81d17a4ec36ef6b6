import { InputReader } from '../http/input-reader.ts';
import { parseSemver } from './semver.ts';
import type { VersionPolicySettings } from './version-policy.ts';

const isoDate = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const httpDate = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

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
    const time = isoDate.test(sunset) || httpDate.test(sunset) ? Date.parse(sunset) : Number.NaN;
    if (Number.isNaN(time)) reader.fail('sunset', 'must be an ISO 8601 date or an HTTP-date');
    else changes.sunset = new Date(time).toISOString();
  }
  reader.throwIfInvalid();
  return changes;
}
