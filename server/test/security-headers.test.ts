import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  Client,
  parseRawResponse,
  plainRequest,
  putChaos,
  rawExchange,
  startServer,
  type TestServer,
} from './helpers.ts';

let server: TestServer;
let client: Client;
before(async () => {
  server = await startServer();
  client = new Client(server.base);
  await client.login();
});
after(() => server.close());

const hardening = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
};

function expectHardened(name: string, get: (header: string) => string | null | undefined): void {
  for (const [header, value] of Object.entries(hardening)) {
    assert.equal(get(header), value, `${header} on ${name}`);
  }
}

const newOrder = { customerId: 'cus_001', items: [{ productId: 'prd_001', quantity: 1 }] };
const post = (path: string, body: unknown) =>
  fetch(`${server.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('hardening headers (issue 14)', () => {
  it('carries nosniff, a CSP and Referrer-Policy on every kind of answer', async () => {
    const created = await client.json<{ id: string }>('POST', '/api/orders', { body: newOrder });
    const flags = await client.request('GET', '/api/flags');
    const answers: [string, Response][] = [
      ['200', await client.request('GET', '/api/orders')],
      ['201', created.response],
      ['204', await client.request('DELETE', `/api/orders/${created.body.id}`)],
      [
        '304',
        await client.request('GET', '/api/flags', {
          headers: { 'if-none-match': flags.headers.get('etag') ?? '' },
        }),
      ],
      ['400 malformed JSON', await client.request('POST', '/api/orders', { rawBody: '{' })],
      ['400 bad URL', await client.request('GET', '/api/orders/%ZZ')],
      ['401', await client.request('GET', '/api/orders', { token: null })],
      ['404 unknown route', await client.request('GET', '/api/nope')],
      ['404 outside /api', await fetch(`${server.base}/`)],
      ['413', await client.request('POST', '/api/orders', { rawBody: 'x'.repeat(1_048_577) })],
      ['422', await client.request('GET', '/api/orders?pageSize=1000')],
      ['dev route', await fetch(`${server.base}/api/_dev/stats`)],
      ['sentry sink', await post('/api/_dev/sentry/api/1/envelope/', {})],
    ];
    await fetch(`${server.base}/api/_dev/version-policy`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"minVersion":"9.0.0"}',
    });
    answers.push(['426', await client.request('GET', '/api/orders')]);
    await fetch(`${server.base}/api/_dev/reset`, { method: 'POST' });
    await putChaos(server.base, { failRate: 1, routes: ['GET /api/customers'] });
    answers.push(['chaos 503', await client.request('GET', '/api/customers')]);
    await putChaos(server.base, { malformedRate: 1, routes: ['GET /api/products'] });
    answers.push(['chaos malformed', await client.request('GET', '/api/products')]);
    await fetch(`${server.base}/api/_dev/reset`, { method: 'POST' });
    for (const [name, response] of answers) {
      expectHardened(name, (header) => response.headers.get(header));
    }

    const refused = await plainRequest(server.base, 'GET', '/api/_dev/stats', {
      host: 'evil.example',
    });
    assert.equal(refused.status, 403);
    expectHardened('403 forbidden-host', (header) => refused.headers[header] as string);
    const raw = parseRawResponse(
      await rawExchange(
        server.base,
        `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'x'.repeat(17_000)}\r\n\r\n`,
      ),
    );
    assert.equal(raw.status, 431);
    expectHardened('raw 431', (header) => raw.headers[header] as string);
  });

  it('says Cache-Control: no-store on login, refresh, logout and /api/me, errors included', async () => {
    const other = new Client(server.base);
    const answers: [string, Response][] = [
      [
        'login 401',
        await other.request('POST', '/api/auth/login', {
          body: { email: 'demo@keel.dev', password: 'wrong' },
        }),
      ],
      ['login 422', await other.request('POST', '/api/auth/login', { body: {} })],
      [
        'login 200',
        await other.request('POST', '/api/auth/login', {
          body: { email: 'demo@keel.dev', password: 'keel-demo' },
        }),
      ],
      ['refresh 403', await other.request('POST', '/api/auth/refresh')],
      ['refresh 200', await other.refresh()],
      ['refresh 401', await new Client(server.base).refresh()],
      ['me 200', await client.request('GET', '/api/me')],
      ['me 401', await client.request('GET', '/api/me', { token: null })],
      [
        'logout 204',
        await other.request('POST', '/api/auth/logout', { headers: await other.xsrfHeaders() }),
      ],
    ];
    for (const [name, response] of answers) {
      assert.equal(`${name.split(' ')[0]} ${response.status}`, name);
      assert.equal(response.headers.get('cache-control'), 'no-store', name);
    }
    // Other answers keep their own caching (the flags say private, no-cache).
    const flags = await client.request('GET', '/api/flags');
    assert.equal(flags.headers.get('cache-control'), 'private, no-cache');
  });
});
