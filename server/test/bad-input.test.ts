import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  Client,
  expectProblem,
  fieldsOf,
  orderCount,
  startServer,
  stats,
  type TestServer,
} from './helpers.ts';

let server: TestServer;
let client: Client;
let orderId: string;

before(async () => {
  server = await startServer();
  client = new Client(server.base);
  await client.login();
  const created = await client.json<{ id: string }>('POST', '/api/orders', {
    body: { customerId: 'cus_001', items: [{ productId: 'prd_001', quantity: 1 }] },
  });
  orderId = created.body.id;
});
after(() => server.close());

interface WriteEndpoint {
  method: string;
  /** `:id` stands for an order created in `before`. */
  route: string;
  headers?: () => Record<string, string>;
  wrongTypes: { body: unknown; fields: string[] };
  missing?: { body: unknown; fields: string[] };
  unknown: { body: unknown; fields: string[] };
}

const endpoints: WriteEndpoint[] = [
  {
    method: 'POST',
    route: '/api/auth/login',
    wrongTypes: { body: { email: ['demo@keel.dev'], password: 42 }, fields: ['email', 'password'] },
    missing: { body: { email: 'demo@keel.dev' }, fields: ['password'] },
    unknown: {
      body: { email: 'demo@keel.dev', password: 'keel-demo', admin: true },
      fields: ['admin'],
    },
  },
  {
    method: 'POST',
    route: '/api/orders',
    wrongTypes: {
      body: { customerId: 1, items: 'prd_001', notes: false },
      fields: ['customerId', 'items', 'notes'],
    },
    missing: { body: { notes: 'x' }, fields: ['customerId', 'items'] },
    unknown: {
      body: {
        customerId: 'cus_001',
        items: [{ productId: 'prd_001', quantity: 1 }],
        status: 'paid',
      },
      fields: ['status'],
    },
  },
  {
    method: 'PATCH',
    route: '/api/orders/:id',
    headers: () => ({ 'if-match': '"1"' }),
    wrongTypes: { body: { status: 3, notes: ['x'] }, fields: ['notes', 'status'] },
    unknown: { body: { status: 'paid', customerId: 'cus_002' }, fields: ['customerId'] },
  },
  {
    method: 'PUT',
    route: '/api/_dev/chaos',
    wrongTypes: {
      body: {
        latencyMs: '10',
        failRate: 2,
        failStatus: 200,
        dropRate: -1,
        routes: ['GET orders', 5],
      },
      fields: ['dropRate', 'failRate', 'failStatus', 'latencyMs', 'routes[0]', 'routes[1]'],
    },
    unknown: { body: { failRate: 1, chaosMonkey: true }, fields: ['chaosMonkey'] },
  },
  {
    method: 'PUT',
    route: '/api/_dev/flags',
    wrongTypes: {
      body: { flags: { enable_new_ui: 'yes', orders_page_size: true } },
      fields: ['flags.enable_new_ui', 'flags.orders_page_size'],
    },
    missing: { body: {}, fields: ['flags'] },
    unknown: {
      body: { flags: { enable_time_travel: true, enable_new_ui: true } },
      fields: ['flags.enable_time_travel'],
    },
  },
  {
    method: 'PUT',
    route: '/api/_dev/version-policy',
    wrongTypes: {
      body: { minVersion: 2, deprecatedBelow: 'two', sunset: 'soon' },
      fields: ['deprecatedBelow', 'minVersion', 'sunset'],
    },
    unknown: { body: { minVersion: '9.0.0', maxVersion: '10.0.0' }, fields: ['maxVersion'] },
  },
  {
    method: 'POST',
    route: '/api/_dev/reset',
    wrongTypes: { body: { data: 'yes' }, fields: ['data'] },
    unknown: { body: { data: true, everything: true }, fields: ['everything'] },
  },
];

/** Everything a bad request could have touched. */
async function snapshot() {
  const order = await client.json('GET', `/api/orders/${orderId}`);
  const dev = async (path: string) => (await fetch(`${server.base}/api/_dev/${path}`)).json();
  const { setAt: _setAt, ...policy } = (await dev('version-policy')) as Record<string, unknown>;
  const { logins, loginFailures, ordersCreated } = await stats(server.base);
  return {
    orders: await orderCount(client),
    order: order.body,
    chaos: await dev('chaos'),
    flags: await dev('flags'),
    policy,
    counters: { logins, loginFailures, ordersCreated },
  };
}

function pathOf(endpoint: WriteEndpoint): string {
  return endpoint.route.replace(':id', orderId);
}

async function send(endpoint: WriteEndpoint, options: { body?: unknown; rawBody?: string }) {
  return client.request(endpoint.method, pathOf(endpoint), {
    ...options,
    headers: endpoint.headers?.() ?? {},
  });
}

describe('bad input on every write endpoint', () => {
  for (const endpoint of endpoints) {
    it(`${endpoint.method} ${endpoint.route}: malformed JSON → 400, wrong types, missing or unknown fields → 422, and nothing written`, async () => {
      const before = await snapshot();
      for (const rawBody of ['{"email": ', '{bad json}', '', '{"__proto__": {"admin": true}}']) {
        await expectProblem(await send(endpoint, { rawBody }), 400, 'malformed-json');
      }
      for (const testCase of [endpoint.wrongTypes, endpoint.missing, endpoint.unknown]) {
        if (!testCase) continue;
        const problem = await expectProblem(
          await send(endpoint, { body: testCase.body }),
          422,
          'validation',
        );
        assert.deepEqual(fieldsOf(problem), testCase.fields, JSON.stringify(testCase.body));
        assert.ok(
          problem.errors?.every((e) => typeof e.message === 'string' && e.message.length > 0),
        );
      }
      const notAnObject = await expectProblem(
        await send(endpoint, { body: [1, 2] }),
        422,
        'validation',
      );
      assert.deepEqual(fieldsOf(notAnObject), ['body']);
      assert.deepEqual(await snapshot(), before);
    });
  }

  it('answers 413 for a body of 1 MiB + 1 byte on every write endpoint, and takes exactly 1 MiB', async () => {
    const before = await snapshot();
    const sized = (bytes: number) => `{"notes":"${'x'.repeat(bytes - 12)}"}`;
    assert.equal(Buffer.byteLength(sized(1_048_577)), 1_048_577);
    const paths = [
      ...endpoints.map((e) => ({
        method: e.method,
        path: pathOf(e),
        headers: e.headers?.() ?? {},
      })),
      { method: 'POST', path: '/api/auth/refresh', headers: {} },
      { method: 'POST', path: '/api/auth/logout', headers: {} },
    ];
    for (const { method, path, headers } of paths) {
      const response = await client.request(method, path, { rawBody: sized(1_048_577), headers });
      await expectProblem(response, 413, 'payload-too-large');
    }
    const sentry = await client.request('POST', '/api/_dev/sentry/api/1/envelope/', {
      rawBody: 'x'.repeat(1_048_577),
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    await expectProblem(sentry, 413, 'payload-too-large');
    // At the limit the body is read (and then judged: notes are far too long).
    const atLimit = await client.request('POST', '/api/orders', { rawBody: sized(1_048_576) });
    await expectProblem(atLimit, 422, 'validation');
    assert.deepEqual(await snapshot(), before);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const before = await orderCount(client);
    const response = await client.request('POST', '/api/orders', {
      rawBody: 'customerId=cus_001',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await expectProblem(response, 415, 'unsupported-media-type');
    const text = await client.request('POST', '/api/orders', {
      rawBody: '{}',
      headers: { 'content-type': 'text/plain' },
    });
    await expectProblem(text, 415, 'unsupported-media-type');
    assert.equal(await orderCount(client), before);
  });

  it('answers 404 problem+json for unknown routes and methods', async () => {
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['POST', '/api/orders/ord_1/ship'],
      ['PUT', '/api/orders'],
      ['GET', '/nothing'],
      ['DELETE', '/api/_dev/nope'],
    ] as const) {
      const problem = await expectProblem(await client.request(method, path), 404, 'not-found');
      assert.equal(problem.instance, path);
    }
  });

  it('answers 422 for control characters in any query parameter, on every route (issue 14)', async () => {
    const none = await client.json<{ total: number }>('GET', '/api/orders?q=zzzz');
    assert.equal(none.body.total, 0);
    for (const [path, fields] of [
      ['/api/orders?q=%00zzzz', ['q']],
      ['/api/orders?q=zz%7F', ['q']],
      ['/api/orders?q=%C2%85', ['q']],
      ['/api/orders?q=a%0Ab&status=%00paid&page=1%09', ['page', 'q', 'status']],
      ['/api/orders?q=%00&q=%01', ['q']],
      ['/api/orders?%00=1', ['\u0000']],
      ['/api/customers?x=%1B', ['x']],
      ['/api/flags?v=%00', ['v']],
      ['/api/me?x=%00', ['x']],
      ['/api/_dev/stats?x=%00', ['x']],
    ] as const) {
      const problem = await expectProblem(await client.request('GET', path), 422, 'validation');
      assert.deepEqual(fieldsOf(problem), fields, path);
      assert.equal(problem.errors?.[0]?.message, 'must not contain control characters');
    }
    const sentry = await client.request(
      'POST',
      '/api/_dev/sentry/api/1/envelope/?sentry_key=dev%00key',
      { rawBody: '{}\n{"type":"event"}\n{}', headers: { 'content-type': 'text/plain' } },
    );
    await expectProblem(sentry, 422, 'validation');
    const kept = await (await fetch(`${server.base}/api/_dev/sentry/events`)).json();
    assert.deepEqual(kept, { envelopes: [], events: [] });
    // The token is checked first, unknown routes stay 404, and text that is merely not ASCII is fine.
    await expectProblem(
      await client.request('GET', '/api/orders?q=%00', { token: null }),
      401,
      'unauthorized',
    );
    await expectProblem(await client.request('GET', '/api/nope?q=%00'), 404, 'not-found');
    assert.equal((await client.request('GET', '/api/orders?q=caf%C3%A9%20au%20lait')).status, 200);
  });

  it('is still up and answering after all of it', async () => {
    assert.equal((await client.request('GET', '/api/me')).status, 200);
  });
});
