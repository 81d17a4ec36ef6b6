import { compareSemver, parseSemver, type Semver } from './semver.ts';

export interface VersionPolicySettings {
  minVersion: string | null;
  deprecatedBelow: string | null;
  /** ISO 8601 time. */
  sunset: string | null;
}

export type VersionVerdict =
  | { kind: 'ok' }
  | { kind: 'upgrade-required'; minVersion: string }
  | { kind: 'deprecated'; headers: Record<string, string> };

const sunsetDefaultMs = 90 * 24 * 60 * 60 * 1000;

/**
 * Which app versions the API still serves. Empty by default; set with
 * `PUT /api/_dev/version-policy`. In memory: a restart forgets it, as a reset does.
 */
export class VersionPolicy {
  private settings: VersionPolicySettings = {
    minVersion: null,
    deprecatedBelow: null,
    sunset: null,
  };
  private setAt: number;

  constructor(private readonly now: () => number) {
    this.setAt = now();
  }

  /** Absent fields keep their value; `null` clears one. Values must already be validated. */
  update(changes: Partial<VersionPolicySettings>): void {
    this.settings = { ...this.settings, ...changes };
    this.setAt = this.now();
  }

  clear(): void {
    this.update({ minVersion: null, deprecatedBelow: null, sunset: null });
  }

  judge(version: Semver): VersionVerdict {
    const { minVersion, deprecatedBelow } = this.settings;
    if (minVersion && isBelow(version, minVersion)) return { kind: 'upgrade-required', minVersion };
    if (deprecatedBelow && isBelow(version, deprecatedBelow)) {
      const sunset = this.settings.sunset
        ? Date.parse(this.settings.sunset)
        : this.setAt + sunsetDefaultMs;
      return {
        kind: 'deprecated',
        headers: {
          // RFC 9745: the moment the deprecation took effect, as a structured-field date.
          deprecation: `@${Math.floor(this.setAt / 1000)}`,
          // RFC 8594: an HTTP-date.
          sunset: new Date(sunset).toUTCString(),
          link: '</docs/upgrade>; rel="deprecation"',
        },
      };
    }
    return { kind: 'ok' };
  }

  toJSON() {
    return { ...this.settings, setAt: new Date(this.setAt).toISOString() };
  }
}

function isBelow(version: Semver, bound: string): boolean {
  const parsed = parseSemver(bound);
  return parsed !== undefined && compareSemver(version, parsed) < 0;
}
