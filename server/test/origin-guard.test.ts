import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { OriginPolicy } from '../src/http/origin-policy.ts';
import {
  Client,
  expectPlainProblem,
  plainRequest,
  putChaos,
  startServer,
  stats,
  type TestServer,
} from './helpers.ts';

let server: TestServer;
let client: Client;
before(async () => {
  server = await startServer({
    allowedHosts: ['keel.test', 'api.keel.test:8443'],
    allowedOrigins: ['https://app.keel.test'],
  });
  client = new Client(server.base);
  await client.login();
});
after(() => server.close());
beforeEach(async () => {
  await fetch(`${server.base}/api/_dev/reset`, { method: 'POST' });
});

const send = (method: string, path: string, headers: Record<string, string | null>) =>
  plainRequest(server.base, method, path, headers, method === 'GET' ? undefined : '{}');

/** The dev state a refused request could have changed. */
async function devState() {
  const chaos = await (await fetch(`${server.base}/api/_dev/chaos`)).json();
  const sentry = await (await fetch(`${server.base}/api/_dev/sentry/events`)).json();
  return { chaos, sentry, stats: await stats(server.base) };
}

describe('Host', () => {
  it('refuses a host it does not serve (DNS rebinding) with 403 forbidden-host, on every kind of route', async () => {
    for (const [method, path] of [
      ['GET', '/api/_dev/stats'],
      ['GET', '/api/_dev/sentry/events'],
      ['POST', '/api/_dev/reset'],
      ['GET', '/api/orders'],
      ['POST', '/api/auth/login'],
      ['GET', '/api/nope'],
    ] as const) {
      const answer = await send(method, path, {
        host: 'evil.example:3000',
        authorization: `Bearer ${client.token}`,
        'x-request-id': 'rebind-1',
      });
      const problem = expectPlainProblem(answer, 403, 'forbidden-host');
      assert.equal(answer.headers['x-request-id'], 'rebind-1');
      assert.match(String(answer.headers['x-flags-version']), /^\d+$/);
      assert.equal(problem['requestId'], 'rebind-1');
      assert.equal(problem.instance, path);
      // No XSRF cookie for a host that is not ours.
      assert.equal(answer.headers['set-cookie'], undefined);
    }
  });

  it('refuses a missing or unreadable Host, and look-alikes of the served ones', async () => {
    for (const host of [
      null,
      'localhost.evil.example',
      'evil.localhost',
      '127.0.0.1.nip.io:3000',
      'localhost:99999',
      'localhost:port',
      'keel.test.evil.example',
      'api.keel.test:9999',
      'api.keel.test',
      '[::2]:3000',
    ]) {
      const answer = await send('GET', '/api/_dev/stats', { host });
      expectPlainProblem(answer, 403, 'forbidden-host');
    }
  });

  it('serves loopback names on any port, in any case, and the configured hosts', async () => {
    for (const host of [
      'localhost:4200',
      'LOCALHOST:4300',
      'localhost',
      '127.0.0.1:3100',
      '[::1]:4400',
      'keel.test',
      'keel.test:3000',
      'api.keel.test:8443',
    ]) {
      const answer = await send('GET', '/api/_dev/stats', { host });
      assert.equal(answer.status, 200, `${host}: ${answer.body}`);
    }
  });
});

describe('Origin', () => {
  it('refuses a state-changing request from another site with 403 forbidden-origin, and changes nothing', async () => {
    await putChaos(server.base, { latencyMs: 1, routes: ['GET /api/orders'] });
    await fetch(`${server.base}/api/_dev/sentry/api/1/envelope/`, {
      method: 'POST',
      body: '{}\n{"type":"event"}\n{"message":"kept"}',
    });
    const before = await devState();
    const refused: [string, string][] = [
      ['POST', '/api/_dev/reset'],
      ['POST', '/api/_dev/expire-tokens'],
      ['PUT', '/api/_dev/chaos'],
      ['PUT', '/api/_dev/flags'],
      ['PUT', '/api/_dev/version-policy'],
      ['DELETE', '/api/_dev/sentry/events'],
      ['POST', '/api/_dev/sentry/api/1/envelope/'],
      ['POST', '/api/auth/login'],
      ['POST', '/api/auth/logout'],
      ['POST', '/api/orders'],
    ];
    for (const origin of [
      'https://evil.example',
      'null',
      'http://localhost.evil.example:4200',
      'http://localhost:4200/path',
      'https://app.keel.test.evil.example',
      'file://',
      'not an origin',
    ]) {
      for (const [method, path] of refused) {
        const answer = await send(method, path, {
          origin,
          authorization: `Bearer ${client.token}`,
        });
        expectPlainProblem(answer, 403, 'forbidden-origin');
        assert.match(String(answer.headers['x-request-id']), /^[0-9a-f-]{36}$/);
        assert.match(String(answer.headers['x-flags-version']), /^\d+$/);
      }
    }
    assert.deepEqual(await devState(), before);
    assert.equal((await client.request('GET', '/api/me')).status, 200, 'tokens still valid');
  });

  it('refuses Sec-Fetch-Site: cross-site, also without an Origin', async () => {
    for (const headers of [
      { 'sec-fetch-site': 'cross-site' } as Record<string, string>,
      { 'sec-fetch-site': 'cross-site', origin: 'http://localhost:4200' },
    ]) {
      const answer = await send('POST', '/api/_dev/expire-tokens', headers);
      expectPlainProblem(answer, 403, 'forbidden-origin');
    }
    assert.equal((await client.request('GET', '/api/me')).status, 200);
  });

  it('answers before chaos and before the stats: a refused request is not counted and draws nothing', async () => {
    await putChaos(server.base, { failRate: 1, failStatus: 503 });
    const answer = await send('POST', '/api/auth/login', { origin: 'https://evil.example' });
    expectPlainProblem(answer, 403, 'forbidden-origin');
    const counted = await stats(server.base);
    assert.equal(counted.requests, 0);
    assert.deepEqual(counted.byStatus, {});
  });

  it('accepts loopback origins on any port, the configured ones, its own, and no Origin at all', async () => {
    for (const headers of [
      { origin: 'http://localhost:4200' } as Record<string, string>,
      { origin: 'http://localhost:4300', 'sec-fetch-site': 'same-origin' },
      { origin: 'http://127.0.0.1:4400', 'sec-fetch-site': 'same-site' },
      { origin: 'http://[::1]:5000' },
      { origin: 'https://localhost' },
      { origin: 'https://app.keel.test' },
      { origin: 'http://keel.test:3000', host: 'keel.test:3000' },
      { 'sec-fetch-site': 'none' },
      {},
    ]) {
      const answer = await send('POST', '/api/_dev/expire-tokens', headers);
      assert.equal(answer.status, 204, `${JSON.stringify(headers)}: ${answer.body}`);
    }
  });

  it('lets reads from another site through: without CORS the page cannot read them', async () => {
    const answer = await send('GET', '/api/_dev/stats', {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['access-control-allow-origin'], undefined);
  });
});

describe('OriginPolicy', () => {
  it('throws at startup for an entry that is not a host or an origin', () => {
    assert.throws(() => new OriginPolicy(['keel.test/path']), /API_ALLOWED_HOSTS/);
    assert.throws(() => new OriginPolicy(['keel.test:70000']), /API_ALLOWED_HOSTS/);
    assert.throws(() => new OriginPolicy([], ['keel.test']), /API_ALLOWED_ORIGINS/);
    assert.throws(() => new OriginPolicy([], ['https://keel.test/app']), /API_ALLOWED_ORIGINS/);
    assert.throws(() => new OriginPolicy([], ['ftp://keel.test']), /API_ALLOWED_ORIGINS/);
    const policy = new OriginPolicy(['Keel.Test'], ['HTTPS://App.Keel.Test/']);
    assert.equal(policy.servesHost('keel.test:1'), true);
    assert.equal(policy.acceptsOrigin('https://app.keel.test', 'keel.test'), true);
  });
});
