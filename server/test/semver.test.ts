import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appVersionOf, compareSemver, parseSemver } from '../src/version/semver.ts';

function compare(a: string, b: string): number {
  const left = parseSemver(a);
  const right = parseSemver(b);
  assert.ok(left && right, `${a} and ${b} parse`);
  return Math.sign(compareSemver(left, right));
}

describe('semver', () => {
  it('orders by SemVer 2.0.0 precedence', () => {
    const ascending = [
      '0.0.0',
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.2.0',
      '1.10.0',
      '2.0.0',
    ];
    for (let i = 1; i < ascending.length; i++) {
      assert.equal(
        compare(ascending[i - 1] ?? '', ascending[i] ?? ''),
        -1,
        `${ascending[i - 1]} < ${ascending[i]}`,
      );
      assert.equal(compare(ascending[i] ?? '', ascending[i - 1] ?? ''), 1);
    }
    assert.equal(compare('1.2.3+build.5', '1.2.3'), 0);
    assert.equal(compare('v1.2.3', '1.2.3'), 0);
  });

  it('rejects what is not a version, and reads a missing or bad header as 0.0.0', () => {
    for (const text of ['', '1', '1.2', '01.2.3', '1.2.3.4', 'latest', '1.2.x']) {
      assert.equal(parseSemver(text), undefined, text);
    }
    assert.deepEqual(appVersionOf(undefined), parseSemver('0.0.0'));
    assert.deepEqual(appVersionOf('nonsense'), parseSemver('0.0.0'));
    assert.deepEqual(appVersionOf(['1.0.0', '2.0.0']), parseSemver('0.0.0'));
    assert.deepEqual(appVersionOf('3.1.4'), parseSemver('3.1.4'));
  });
});
