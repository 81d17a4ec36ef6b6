import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { parseStrictDate } from '../src/http/parse-strict-date.ts';
import { appVersionOf, compareSemver, parseSemver } from '../src/version/semver.ts';
import { Client, expectProblem, fieldsOf, startServer, type TestServer } from './helpers.ts';

let server: TestServer;
let client: Client;
before(async () => {
  server = await startServer();
  client = new Client(server.base);
  await client.login();
});
after(() => server.close());
beforeEach(async () => {
  await fetch(`${server.base}/api/_dev/reset`, { method: 'POST' });
});

async function putPolicy(body: unknown) {
  const response = await fetch(`${server.base}/api/_dev/version-policy`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 200);
  return (await response.json()) as Record<string, unknown>;
}

const asVersion = (version?: string): Record<string, string> =>
  version ? { 'x-app-version': version } : {};

describe('version policy', () => {
  it('has none by default', async () => {
    const response = await client.request('GET', '/api/me');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('deprecation'), null);
  });

  it('answers 426 with minVersion below minVersion, on every /api route, login included', async () => {
    const policy = await putPolicy({ minVersion: '2.0.0' });
    assert.equal(policy['minVersion'], '2.0.0');
    for (const [version, path] of [
      ['1.9.9', '/api/me'],
      ['2.0.0-rc.1', '/api/orders'],
      [undefined, '/api/flags'],
      ['garbage', '/api/me'],
    ] as const) {
      const problem = await expectProblem(
        await client.request('GET', path, { headers: asVersion(version) }),
        426,
        'upgrade-required',
      );
      assert.equal(problem['minVersion'], '2.0.0');
    }
    const login = await client.request('POST', '/api/auth/login', {
      body: { email: 'demo@keel.dev', password: 'x' },
      headers: asVersion('1.0.0'),
    });
    await expectProblem(login, 426, 'upgrade-required');
    for (const version of ['2.0.0', 'v2.0.1', '10.0.0']) {
      assert.equal(
        (await client.request('GET', '/api/me', { headers: asVersion(version) })).status,
        200,
        version,
      );
    }
  });

  it('never applies to the dev controls', async () => {
    await putPolicy({ minVersion: '99.0.0' });
    assert.equal((await fetch(`${server.base}/api/_dev/stats`)).status, 200);
  });

  it('marks responses below deprecatedBelow with Deprecation, Sunset and Link, and still serves them', async () => {
    const policy = await putPolicy({ deprecatedBelow: '1.5.0' });
    const setAt = Date.parse(String(policy['setAt']));
    const old = await client.request('GET', '/api/me', { headers: asVersion('1.4.9') });
    assert.equal(old.status, 200);
    assert.equal(old.headers.get('deprecation'), `@${Math.floor(setAt / 1000)}`);
    assert.equal(
      old.headers.get('sunset'),
      new Date(setAt + 90 * 24 * 60 * 60 * 1000).toUTCString(),
    );
    assert.equal(old.headers.get('link'), '</docs/upgrade>; rel="deprecation"');
    const current = await client.request('GET', '/api/me', { headers: asVersion('1.5.0') });
    assert.equal(current.headers.get('deprecation'), null);
    assert.equal(current.headers.get('sunset'), null);
    // Errors carry the headers too: the app learns on whatever call comes first.
    const missing = await client.request('GET', '/api/orders/ord_missing', {
      headers: asVersion('1.0.0'),
    });
    assert.equal(missing.status, 404);
    assert.ok(missing.headers.get('deprecation'));
  });

  it('uses the sunset given as an ISO date or an HTTP-date', async () => {
    await putPolicy({ deprecatedBelow: '1.5.0', sunset: '2030-06-30' });
    const iso = await client.request('GET', '/api/me', { headers: asVersion('1.0.0') });
    assert.equal(iso.headers.get('sunset'), 'Sun, 30 Jun 2030 00:00:00 GMT');
    const policy = await putPolicy({ sunset: 'Tue, 01 Jan 2030 12:00:00 GMT' });
    assert.equal(policy['sunset'], '2030-01-01T12:00:00.000Z');
    const http = await client.request('GET', '/api/me', { headers: asVersion('1.0.0') });
    assert.equal(http.headers.get('sunset'), 'Tue, 01 Jan 2030 12:00:00 GMT');
  });

  it('merges a PUT into the policy; null clears a field; reset clears all', async () => {
    await putPolicy({ minVersion: '1.0.0', deprecatedBelow: '2.0.0' });
    const merged = await putPolicy({ minVersion: null });
    assert.equal(merged['minVersion'], null);
    assert.equal(merged['deprecatedBelow'], '2.0.0');
    assert.equal(
      (await client.request('GET', '/api/me', { headers: asVersion('0.5.0') })).status,
      200,
    );
    await fetch(`${server.base}/api/_dev/reset`, { method: 'POST' });
    const cleared = (await (
      await fetch(`${server.base}/api/_dev/version-policy`)
    ).json()) as Record<string, unknown>;
    assert.deepEqual(
      [cleared['minVersion'], cleared['deprecatedBelow'], cleared['sunset']],
      [null, null, null],
    );
  });
});

describe('strict dates (issue 14)', () => {
  it('refuses a sunset that is not on the calendar with 422, and keeps the policy', async () => {
    const before = await putPolicy({ sunset: '2030-06-30' });
    for (const sunset of [
      '2026-02-30',
      '2026-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-06-30T24:00Z',
      '2026-06-30T12:60Z',
      '2026-06-30T12:00:60Z',
      '2026-06-30T12:00+24:00',
      '2026-06-30T12:00',
      '2026-6-30',
      '30.06.2026',
      'Tue, 31 Feb 2026 12:00:00 GMT',
      'Mon, 01 Jan 2030 12:00:00 GMT',
      'Tuesday, 01-Jan-30 12:00:00 GMT',
      'Tue Jan  1 12:00:00 2030',
      '1767225600000',
    ]) {
      const response = await fetch(`${server.base}/api/_dev/version-policy`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sunset }),
      });
      const problem = await expectProblem(response, 422, 'validation');
      assert.deepEqual(fieldsOf(problem), ['sunset'], sunset);
    }
    const after = await (await fetch(`${server.base}/api/_dev/version-policy`)).json();
    assert.deepEqual(after, before);
  });

  it('reads the three forms the README names, to the millisecond and across offsets', () => {
    for (const [text, iso] of [
      ['2028-02-29', '2028-02-29T00:00:00.000Z'],
      ['2000-02-29', '2000-02-29T00:00:00.000Z'],
      ['2030-06-30T23:59Z', '2030-06-30T23:59:00.000Z'],
      ['2030-06-30T23:59:59.1234Z', '2030-06-30T23:59:59.123Z'],
      ['2030-07-01T01:30:00+02:00', '2030-06-30T23:30:00.000Z'],
      ['2030-06-30T20:00:00-05:30', '2030-07-01T01:30:00.000Z'],
      ['Tue, 01 Jan 2030 12:00:00 GMT', '2030-01-01T12:00:00.000Z'],
      ['Thu, 29 Feb 2024 00:00:00 GMT', '2024-02-29T00:00:00.000Z'],
      ['0050-01-01', '0050-01-01T00:00:00.000Z'],
    ] as const) {
      const time = parseStrictDate(text);
      assert.ok(time !== undefined, text);
      assert.equal(new Date(time).toISOString(), iso, text);
    }
    for (const text of ['1900-02-29', '2026-02-30', '2026-02-30T00:00Z', ' 2026-01-01', '']) {
      assert.equal(parseStrictDate(text), undefined, text);
    }
  });
});

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
