import { createHash } from 'node:crypto';
import { compareSemver, parseSemver, type Semver } from '../version/semver.ts';
import type { FlagCondition, FlagDefinition, FlagValue } from './flag-definitions.ts';

/** Who is asking: what rules look at. */
export interface FlagContext {
  userId: string;
  roles: string[];
  appVersion: Semver;
  platform: string | undefined;
}

/**
 * Flag values and their version. The version starts at 1 and goes up on every change of
 * overrides (a reset that clears some included), never down, so a client that saw version n knows any larger
 * X-Flags-Version means it should reload.
 */
export class FeatureFlags {
  version = 1;
  private overrides = new Map<string, FlagValue>();
  private readonly listeners = new Set<() => void>();

  constructor(readonly definitions: readonly FlagDefinition[]) {}

  /** An override forces the value for everyone: rules are skipped, which is what a dev wants. */
  evaluate(context: FlagContext): Record<string, FlagValue> {
    return Object.fromEntries(
      this.definitions.map((flag) => {
        const override = this.overrides.get(flag.name);
        if (override !== undefined) return [flag.name, override];
        const rule = flag.rules.find((candidate) => holds(candidate.when, context));
        return [flag.name, rule ? rule.value : flag.defaultValue];
      }),
    );
  }

  /** Sets (a value) or clears (null) overrides, all at once, and bumps the version. */
  override(changes: Record<string, FlagValue | null>): void {
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) this.overrides.delete(name);
      else this.overrides.set(name, value);
    }
    this.bump();
  }

  /** Clears every override; the version moves (and streams hear of it) only if there were any. */
  clearOverrides(): void {
    if (this.overrides.size === 0) return;
    this.overrides.clear();
    this.bump();
  }

  /** Calls `listener` after every version change; returns the function that stops it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private bump(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  /** A strong ETag of what this caller sees: the version plus a hash of the values. */
  static etag(version: number, values: Record<string, FlagValue>): string {
    const hash = createHash('sha256')
      .update(JSON.stringify(values))
      .digest('base64url')
      .slice(0, 16);
    return `"${version}-${hash}"`;
  }

  toJSON() {
    return {
      version: this.version,
      definitions: this.definitions,
      overrides: Object.fromEntries(this.overrides),
    };
  }
}

function holds(when: FlagCondition, context: FlagContext): boolean {
  if (when.userIds && !when.userIds.includes(context.userId)) return false;
  if (when.roles && !when.roles.some((role) => context.roles.includes(role))) return false;
  if (when.platforms) {
    const platform = context.platform?.toLowerCase();
    if (!platform || !when.platforms.some((p) => p.toLowerCase() === platform)) return false;
  }
  if (when.minAppVersion) {
    const min = parseSemver(when.minAppVersion);
    if (!min || compareSemver(context.appVersion, min) < 0) return false;
  }
  return true;
}
