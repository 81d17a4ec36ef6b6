export interface Semver {
  major: number;
  minor: number;
  patch: number;
  prerelease: (string | number)[];
}

const pattern =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Parses `1.2.3`, `v1.2.3`, `1.2.3-beta.1+build`; undefined for anything else. */
export function parseSemver(text: string): Semver | undefined {
  const match = pattern.exec(text.trim());
  if (!match) return undefined;
  const [, major, minor, patch, pre] = match;
  return {
    major: Number(major),
    minor: Number(minor),
    patch: Number(patch),
    prerelease: pre ? pre.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [],
  };
}

/** Negative, zero or positive, by SemVer 2.0.0 §11 precedence (1.0.0-rc.1 < 1.0.0). */
export function compareSemver(a: Semver, b: Semver): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return core;
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return b.prerelease.length - a.prerelease.length;
  }
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const left = a.prerelease[i];
    const right = b.prerelease[i];
    if (left === undefined) return -1;
    if (right === undefined) return 1;
    if (left === right) continue;
    if (typeof left === 'number' && typeof right === 'number') return left - right;
    if (typeof left === 'number') return -1;
    if (typeof right === 'number') return 1;
    return left < right ? -1 : 1;
  }
  return 0;
}

const zero: Semver = { major: 0, minor: 0, patch: 0, prerelease: [] };

/** The version a request claims: a missing or unreadable X-App-Version counts as 0.0.0. */
export function appVersionOf(header: string | string[] | undefined): Semver {
  return (typeof header === 'string' && parseSemver(header)) || zero;
}
