import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Client, expectProblem, fieldsOf, startServer, stats, type TestServer } from './helpers.ts';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());
beforeEach(async () => {
  await fetch(`${server.base}/api/_dev/reset`, { method: 'POST' });
});

describe('login', () => {
  it('answers the token, its lifetime and the user, and sets the refresh cookie', async () => {
    const client = new Client(server.base);
    const { status, body, response } = await client.json('POST', '/api/auth/login', {
      body: { email: 'demo@keel.dev', password: 'keel-demo' },
    });
    assert.equal(status, 200);
    assert.equal(typeof body['accessToken'], 'string');
    assert.equal(body['expiresIn'], 120);
    assert.deepEqual(body['user'], {
      id: 'usr_demo',
      email: 'demo@keel.dev',
      name: 'Demo User',
      roles: ['user'],
    });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('keel_refresh='));
    assert.ok(cookie);
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Strict/);
    assert.match(cookie, /; Path=\/api\/auth/);
    assert.match(cookie, /; Max-Age=604800/);
    assert.equal((await stats(server.base)).logins, 1);
  });

  it('treats the email case-insensitively', async () => {
    await new Client(server.base).login('Demo@Keel.dev');
  });

  it('rejects a wrong password or an unknown email with 401 and no refresh cookie', async () => {
    for (const body of [
      { email: 'demo@keel.dev', password: 'nope' },
      { email: 'nobody@keel.dev', password: 'keel-demo' },
    ]) {
      const client = new Client(server.base);
      const response = await client.request('POST', '/api/auth/login', { body });
      await expectProblem(response, 401, 'invalid-credentials');
      assert.equal(client.cookies.has('keel_refresh'), false);
    }
    assert.equal((await stats(server.base)).loginFailures, 2);
  });

  it('answers 422 for a body without the fields, with wrong types or extra fields', async () => {
    const client = new Client(server.base);
    const missing = await expectProblem(
      await client.request('POST', '/api/auth/login', { body: {} }),
      422,
      'validation',
    );
    assert.deepEqual(fieldsOf(missing), ['email', 'password']);
    const wrong = await expectProblem(
      await client.request('POST', '/api/auth/login', {
        body: { email: 1, password: 'x', remember: true },
      }),
      422,
      'validation',
    );
    assert.deepEqual(fieldsOf(wrong), ['email', 'remember']);
  });

  it('blocks an ip and email after 5 failures a minute with 429 and Retry-After, then lets it in again', async () => {
    const client = new Client(server.base);
    const wrong = { email: 'demo@keel.dev', password: 'wrong' };
    for (let i = 0; i < 5; i++) {
      await expectProblem(
        await client.request('POST', '/api/auth/login', { body: wrong }),
        401,
        'invalid-credentials',
      );
    }
    server.clock.advance(20_000);
    const blocked = await client.request('POST', '/api/auth/login', {
      body: { email: 'demo@keel.dev', password: 'keel-demo' },
    });
    assert.equal(blocked.headers.get('retry-after'), '40');
    const problem = await expectProblem(blocked, 429, 'rate-limited');
    assert.equal(problem['retryAfterS'], 40);
    // Another account from the same address is not locked out.
    await client.login('beta@keel.dev', 'keel-beta');
    server.clock.advance(40_000);
    await client.login();
  });
});

describe('access tokens', () => {
  it('GET /api/me answers the user of the token', async () => {
    const client = new Client(server.base);
    await client.login('beta@keel.dev', 'keel-beta');
    const { status, body } = await client.json('GET', '/api/me');
    assert.equal(status, 200);
    assert.deepEqual(body, {
      id: 'usr_beta',
      email: 'beta@keel.dev',
      name: 'Beta Tester',
      roles: ['user', 'beta'],
    });
  });

  it('answers 401 unauthorized without a token or with a bad one', async () => {
    const client = new Client(server.base);
    await expectProblem(await client.request('GET', '/api/me'), 401, 'unauthorized');
    await expectProblem(
      await client.request('GET', '/api/orders', { token: 'not.a.jwt' }),
      401,
      'unauthorized',
    );
    const { accessToken } = await client.login();
    const tampered = `${accessToken.slice(0, -4)}AAAA`;
    await expectProblem(
      await client.request('GET', '/api/me', { token: tampered }),
      401,
      'unauthorized',
    );
    await expectProblem(
      await client.request('GET', '/api/me', {
        headers: { authorization: `Basic ${accessToken}` },
        token: null,
      }),
      401,
      'unauthorized',
    );
  });

  it('expires after ACCESS_TOKEN_TTL_S with 401 token-expired', async () => {
    const client = new Client(server.base);
    await client.login();
    server.clock.advance(119_000);
    assert.equal((await client.request('GET', '/api/me')).status, 200);
    server.clock.advance(1_000);
    await expectProblem(await client.request('GET', '/api/me'), 401, 'token-expired');
  });

  it('honours a configured lifetime', async () => {
    const short = await startServer({ accessTokenTtlS: 5 });
    try {
      const client = new Client(short.base);
      const { expiresIn } = await client.login();
      assert.equal(expiresIn, 5);
      short.clock.advance(5_000);
      await expectProblem(await client.request('GET', '/api/me'), 401, 'token-expired');
    } finally {
      await short.close();
    }
  });

  it('POST /api/_dev/expire-tokens rejects every token issued so far, not later ones', async () => {
    const first = new Client(server.base);
    const second = new Client(server.base);
    await first.login();
    await second.login();
    assert.equal(
      (await fetch(`${server.base}/api/_dev/expire-tokens`, { method: 'POST' })).status,
      204,
    );
    await expectProblem(await first.request('GET', '/api/me'), 401, 'token-expired');
    await expectProblem(await second.request('GET', '/api/me'), 401, 'token-expired');
    const refreshed = await first.refresh();
    assert.equal(refreshed.status, 200);
    first.token = ((await refreshed.json()) as { accessToken: string }).accessToken;
    assert.equal((await first.request('GET', '/api/me')).status, 200);
  });
});

describe('XSRF', () => {
  it('sets a readable XSRF-TOKEN cookie on any response to a client without one, only then', async () => {
    const client = new Client(server.base);
    const first = await client.request('GET', '/api/nothing-here');
    const cookie = first.headers.getSetCookie().find((c) => c.startsWith('XSRF-TOKEN='));
    assert.ok(cookie);
    assert.match(cookie, /; Path=\/(;|$)/);
    assert.match(cookie, /; SameSite=Strict/);
    assert.doesNotMatch(cookie, /HttpOnly/);
    const second = await client.request('GET', '/api/nothing-here');
    assert.equal(second.headers.getSetCookie().length, 0);
  });

  it('refresh and logout answer 403 without the header or with another value', async () => {
    const client = new Client(server.base);
    await client.login();
    await client.xsrfHeaders();
    for (const path of ['/api/auth/refresh', '/api/auth/logout']) {
      await expectProblem(await client.request('POST', path), 403, 'xsrf');
      await expectProblem(
        await client.request('POST', path, { headers: { 'x-xsrf-token': 'other' } }),
        403,
        'xsrf',
      );
    }
    // Header without the cookie: the cookie is what the header must repeat.
    const bare = new Client(server.base);
    await expectProblem(
      await bare.request('POST', '/api/auth/refresh', { headers: { 'x-xsrf-token': 'x' } }),
      403,
      'xsrf',
    );
    // Nothing was spent: the session still refreshes.
    assert.equal((await client.refresh()).status, 200);
  });
});

describe('refresh', () => {
  it('rotates: answers a new access token and a new refresh cookie', async () => {
    const client = new Client(server.base);
    const { accessToken } = await client.login();
    const before = client.cookies.get('keel_refresh');
    const response = await client.refresh();
    assert.equal(response.status, 200);
    const body = (await response.json()) as { accessToken: string; expiresIn: number };
    assert.notEqual(body.accessToken, accessToken);
    assert.equal(body.expiresIn, 120);
    const after = client.cookies.get('keel_refresh');
    assert.ok(after && after !== before);
    client.token = body.accessToken;
    assert.equal((await client.request('GET', '/api/me')).status, 200);
    assert.deepEqual((await stats(server.base)).refresh, { ok: 1, failed: 0 });
  });

  it('answers 401 invalid-refresh-token without a cookie or with an unknown one', async () => {
    const client = new Client(server.base);
    await expectProblem(await client.refresh(), 401, 'invalid-refresh-token');
    client.cookies.set('keel_refresh', 'made-up');
    await expectProblem(await client.refresh(), 401, 'invalid-refresh-token');
    assert.deepEqual((await stats(server.base)).refresh, { ok: 0, failed: 2 });
  });

  it('answers 401 once the refresh token has expired (7 days)', async () => {
    const client = new Client(server.base);
    await client.login();
    server.clock.advance(7 * 24 * 60 * 60 * 1000);
    await expectProblem(await client.refresh(), 401, 'invalid-refresh-token');
  });

  it('a reused (already rotated) token revokes the whole family', async () => {
    const client = new Client(server.base);
    await client.login();
    const spent = client.cookies.get('keel_refresh') ?? '';
    const rotated = await client.refresh();
    const { accessToken } = (await rotated.json()) as { accessToken: string };
    const current = client.cookies.get('keel_refresh') ?? '';

    const thief = new Client(server.base);
    thief.cookies.set('XSRF-TOKEN', 'x');
    thief.cookies.set('keel_refresh', spent);
    const reuse = await thief.request('POST', '/api/auth/refresh', {
      headers: { 'x-xsrf-token': 'x' },
    });
    const problem = await expectProblem(reuse, 401, 'invalid-refresh-token');
    assert.match(problem.detail ?? '', /already used/);

    client.cookies.set('keel_refresh', current);
    await expectProblem(await client.refresh(), 401, 'invalid-refresh-token');
    // Access tokens of a revoked family stop working too.
    await expectProblem(
      await client.request('GET', '/api/me', { token: accessToken }),
      401,
      'unauthorized',
    );
    // Other sessions of the same user are untouched.
    const other = new Client(server.base);
    await other.login();
    assert.equal((await other.refresh()).status, 200);
  });
});

describe('logout', () => {
  it('answers 204, clears the cookie and revokes the family', async () => {
    const client = new Client(server.base);
    await client.login();
    const token = client.cookies.get('keel_refresh') ?? '';
    const response = await client.request('POST', '/api/auth/logout', {
      headers: await client.xsrfHeaders(),
    });
    assert.equal(response.status, 204);
    const cleared = response.headers.getSetCookie().find((c) => c.startsWith('keel_refresh='));
    assert.ok(cleared);
    assert.match(cleared, /Max-Age=0|Expires=Thu, 01 Jan 1970/);
    assert.match(cleared, /Path=\/api\/auth/);
    assert.equal(client.cookies.has('keel_refresh'), false);

    client.cookies.set('keel_refresh', token);
    await expectProblem(await client.refresh(), 401, 'invalid-refresh-token');
    await expectProblem(await client.request('GET', '/api/me'), 401, 'unauthorized');
  });

  it('answers 204 without a refresh cookie too', async () => {
    const client = new Client(server.base);
    const response = await client.request('POST', '/api/auth/logout', {
      headers: await client.xsrfHeaders(),
    });
    assert.equal(response.status, 204);
  });
});
