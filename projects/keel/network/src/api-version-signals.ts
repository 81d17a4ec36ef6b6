import { Injectable, signal } from '@angular/core';

/** What the API says about this app's version (`Deprecation`, `Sunset`, `Link`; RFC 9745, 8594). */
export interface DeprecationNotice {
  /** When the version was deprecated, epoch ms; null when the header had no date. */
  readonly deprecatedAt: number | null;
  /** When it stops working, epoch ms; null when not announced. */
  readonly sunsetAt: number | null;
  /** The `rel="deprecation"` link, if any. */
  readonly link: string | null;
}

/**
 * What responses say about versions, read off every API response by the version interceptor:
 * the feature-flags version (`X-Flags-Version`), a deprecation notice, and "update required"
 * (426). The feature-flags store and the version UI react to these signals.
 */
@Injectable({ providedIn: 'root' })
export class ApiVersionSignals {
  private readonly flags = signal<number | null>(null);
  private readonly deprecationNotice = signal<DeprecationNotice | null>(null);
  private readonly required = signal<{ minVersion: string | null } | null>(null);

  /** The highest `X-Flags-Version` seen so far. */
  readonly flagsVersion = this.flags.asReadonly();
  readonly deprecation = this.deprecationNotice.asReadonly();
  /** Set once any call got 426; retries stop for good, the app must reload. */
  readonly upgradeRequired = this.required.asReadonly();

  observeFlagsVersion(value: string | null): void {
    const version = value !== null && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
    // Stryker disable next-line EqualityOperator: setting the signal to the version it already holds notifies no one (signals compare with Object.is)
    if (Number.isInteger(version) && version > (this.flags() ?? -1)) this.flags.set(version);
  }

  observeDeprecation(deprecation: string | null, sunset: string | null, link: string | null): void {
    if (deprecation === null || this.deprecationNotice() !== null) return;
    this.deprecationNotice.set({
      deprecatedAt: parseDeprecationDate(deprecation),
      sunsetAt: sunset && !Number.isNaN(Date.parse(sunset)) ? Date.parse(sunset) : null,
      link: parseDeprecationLink(link),
    });
  }

  observeUpgradeRequired(minVersion: string | null): void {
    if (this.required() === null) this.required.set({ minVersion });
  }
}

/** RFC 9745: `Deprecation: @1688169599` (a structured-field date); legacy `true` has no date. */
function parseDeprecationDate(value: string): number | null {
  const match = /^@(-?\d+)$/.exec(value.trim());
  return match ? Number(match[1]) * 1000 : null;
}

function parseDeprecationLink(value: string | null): string | null {
  if (!value) return null;
  for (const part of value.split(',')) {
    const match = /<([^>]*)>\s*;.*rel="?deprecation"?/i.exec(part);
    if (match) return match[1];
  }
  return null;
}
