import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  Client,
  expectProblem,
  orderCount,
  putChaos,
  startServer,
  stats,
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
beforeEach(async () => {
  await fetch(`${server.base}/api/_dev/reset`, { method: 'POST' });
});

const newOrder = { customerId: 'cus_001', items: [{ productId: 'prd_001', quantity: 2 }] };

describe('GET /api/_dev/stats', () => {
  it('counts requests by route pattern and status, and the auth and order counters', async () => {
    await client.request('GET', '/api/orders');
    await client.request('GET', '/api/orders/ord_missing');
    await client.request('GET', '/api/nope');
    const other = new Client(server.base);
    await other.request('POST', '/api/auth/login', {
      body: { email: 'demo@keel.dev', password: 'bad' },
    });
    await other.login();
    assert.equal((await other.refresh()).status, 200);
    await new Client(server.base).refresh();
    const headers = { 'idempotency-key': 'stats-key' };
    await client.request('POST', '/api/orders', { body: newOrder, headers });
    await client.request('POST', '/api/orders', { body: newOrder, headers });

    const counted = await stats(server.base);
    assert.deepEqual(counted.byRoute, {
      'GET /api/orders': 1,
      'GET /api/orders/:id': 1,
      'GET <unmatched>': 1,
      'POST /api/auth/login': 2,
      'POST /api/auth/refresh': 2,
      'POST /api/orders': 2,
    });
    assert.equal(counted.requests, 9);
    // 401: the wrong password and the refresh without a cookie.
    assert.deepEqual(counted.byStatus, { '200': 3, '201': 2, '401': 2, '404': 2 });
    assert.deepEqual(counted.refresh, { ok: 1, failed: 1 });
    assert.equal(counted.logins, 1);
    assert.equal(counted.loginFailures, 1);
    assert.equal(counted.ordersCreated, 1);
    assert.equal(counted.idempotentReplays, 1);
  });

  it('leaves the dev routes out', async () => {
    await fetch(`${server.base}/api/_dev/chaos`);
    await fetch(`${server.base}/api/_dev/stats`);
    const counted = await stats(server.base);
    assert.equal(counted.requests, 0);
    assert.deepEqual(counted.byRoute, {});
  });
});

describe('POST /api/_dev/reset', () => {
  it('clears stats, chaos, version policy, flag overrides and login limits, and keeps the data', async () => {
    const created = await client.json<{ id: string }>('POST', '/api/orders', { body: newOrder });
    await putChaos(server.base, { latencyMs: 1 });
    const put = (path: string, body: unknown) =>
      fetch(`${server.base}/api/_dev/${path}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await put('version-policy', { minVersion: '1.0.0' });
    await put('flags', { flags: { enable_new_ui: true } });
    const wrong = new Client(server.base);
    for (let i = 0; i < 5; i++) {
      await wrong.request('POST', '/api/auth/login', {
        body: { email: 'beta@keel.dev', password: 'bad' },
      });
    }

    const reset = await fetch(`${server.base}/api/_dev/reset`, { method: 'POST' });
    assert.equal(reset.status, 204);

    assert.equal((await stats(server.base)).requests, 0);
    assert.equal(
      ((await (await fetch(`${server.base}/api/_dev/chaos`)).json()) as { latencyMs: number })
        .latencyMs,
      0,
    );
    assert.equal((await client.request('GET', '/api/me')).status, 200);
    const flags = await client.json<{ flags: Record<string, unknown> }>('GET', '/api/flags');
    assert.equal(flags.body.flags['enable_new_ui'], false);
    await wrong.login('beta@keel.dev', 'keel-beta');
    assert.equal((await client.request('GET', `/api/orders/${created.body.id}`)).status, 200);
  });

  it('with {"data": true} reseeds: the seed orders only, and every session ends', async () => {
    const own = await startServer();
    try {
      const ownClient = new Client(own.base);
      await ownClient.login();
      await ownClient.request('POST', '/api/orders', { body: newOrder });
      assert.equal(await orderCount(ownClient), 401);
      const reset = await fetch(`${own.base}/api/_dev/reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"data":true}',
      });
      assert.equal(reset.status, 204);
      await expectProblem(await ownClient.request('GET', '/api/me'), 401, 'unauthorized');
      await expectProblem(await ownClient.refresh(), 401, 'invalid-refresh-token');
      await ownClient.login();
      assert.equal(await orderCount(ownClient), 400);
    } finally {
      await own.close();
    }
  });
});

describe('Sentry envelope sink', () => {
  const envelope = [
    JSON.stringify({
      event_id: 'e1',
      sent_at: '2026-01-01T00:00:00Z',
      dsn: 'http://devkey@localhost:4200/api/_dev/sentry/1',
    }),
    JSON.stringify({ type: 'event' }),
    JSON.stringify({ event_id: 'e1', level: 'error', message: 'Boom – in the café' }),
    // `length` counts bytes: "é" is two, and the payload may hold a newline.
    JSON.stringify({ type: 'attachment', length: 13, filename: 'note.txt' }),
    'caf\u00e9\nau lait',
    JSON.stringify({ type: 'session' }),
    JSON.stringify({ sid: 's1', status: 'ok' }),
  ].join('\n');

  it('parses what the browser SDK sends (text/plain) and lists envelopes and events', async () => {
    const response = await fetch(
      `${server.base}/api/_dev/sentry/api/1/envelope/?sentry_key=devkey&sentry_version=7`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        body: envelope,
      },
    );
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {});
    const listed = (await (await fetch(`${server.base}/api/_dev/sentry/events`)).json()) as {
      envelopes: {
        project: string;
        receivedAt: string;
        header: Record<string, unknown>;
        items: { header: Record<string, unknown>; payload: unknown }[];
      }[];
      events: { project: string; event: Record<string, unknown> }[];
    };
    assert.equal(listed.envelopes.length, 1);
    const [received] = listed.envelopes;
    assert.ok(received);
    assert.equal(received.project, '1');
    assert.equal(received.header['event_id'], 'e1');
    assert.deepEqual(
      received.items.map((i) => i.header['type']),
      ['event', 'attachment', 'session'],
    );
    assert.equal(received.items[1]?.payload, 'café\nau lait');
    assert.deepEqual(received.items[2]?.payload, { sid: 's1', status: 'ok' });
    assert.equal(listed.events.length, 1);
    assert.equal(listed.events[0]?.project, '1');
    assert.equal(listed.events[0]?.event['message'], 'Boom – in the café');
  });

  it('accepts application/x-sentry-envelope and a path without the trailing slash', async () => {
    const response = await fetch(`${server.base}/api/_dev/sentry/api/7/envelope`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-sentry-envelope' },
      body: envelope,
    });
    assert.equal(response.status, 200);
    const listed = (await (await fetch(`${server.base}/api/_dev/sentry/events`)).json()) as {
      envelopes: { project: string }[];
    };
    assert.deepEqual(
      listed.envelopes.map((e) => e.project),
      ['7'],
    );
  });

  it('answers 400 for an envelope it cannot read, and DELETE clears the list', async () => {
    const bad = await fetch(`${server.base}/api/_dev/sentry/api/1/envelope/`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'not json\n{}',
    });
    await expectProblem(bad, 400, 'malformed-envelope');
    const short = await fetch(`${server.base}/api/_dev/sentry/api/1/envelope/`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}\n{"type":"attachment","length":99}\nabc',
    });
    await expectProblem(short, 400, 'malformed-envelope');
    await fetch(`${server.base}/api/_dev/sentry/api/1/envelope/`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: envelope,
    });
    assert.equal(
      (await fetch(`${server.base}/api/_dev/sentry/events`, { method: 'DELETE' })).status,
      204,
    );
    const listed = (await (await fetch(`${server.base}/api/_dev/sentry/events`)).json()) as {
      envelopes: unknown[];
      events: unknown[];
    };
    assert.deepEqual(listed, { envelopes: [], events: [] });
  });
  const postEnvelope = (body: string) =>
    fetch(`${server.base}/api/_dev/sentry/api/1/envelope/`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body,
    });
  const listed = async () =>
    (await fetch(`${server.base}/api/_dev/sentry/events`)).json() as Promise<{
      envelopes: { header: Record<string, unknown>; items: unknown[] }[];
      events: { event: unknown }[];
    }>;
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it('refuses JSON nested deeper than 64 levels (issue 14: 200,000) with 400, keeps nothing of it, and the list still answers', async () => {
    assert.equal((await postEnvelope(envelope)).status, 200);
    // The probe's envelope: 400,000 bytes in one item, so the size bound refuses it first.
    await expectProblem(
      await postEnvelope(`{}\n{"type":"event"}\n${nested(200_000)}`),
      400,
      'malformed-envelope',
    );
    for (const body of [
      `{}\n{"type":"event"}\n${nested(100_000)}`,
      `{"a":${nested(200_000)}}\n{"type":"event"}\n{}`,
      `{}\n{"type":"event","x":${nested(200_000)}}\n{}`,
      `{}\n{"type":"event"}\n{}\n{"type":"event"}\n${nested(65)}`,
    ]) {
      const problem = await expectProblem(await postEnvelope(body), 400, 'malformed-envelope');
      assert.match(problem.detail ?? '', /nests deeper than 64 levels/);
    }
    const response = await fetch(`${server.base}/api/_dev/sentry/events`);
    assert.equal(response.status, 200);
    const kept = (await response.json()) as Awaited<ReturnType<typeof listed>>;
    assert.equal(kept.envelopes.length, 1, 'only the earlier, good envelope');
    assert.equal(kept.events.length, 1);
    // 64 levels are kept, and text that merely looks deep is an attachment like any other.
    assert.equal((await postEnvelope(`{}\n{"type":"event"}\n${nested(64)}`)).status, 200);
    const text = `{}\n{"type":"attachment"}\n${'['.repeat(1000)}`;
    assert.equal((await postEnvelope(text)).status, 200);
    assert.equal((await listed()).envelopes.length, 3);
  });

  it('refuses an item over 256 KiB and an envelope of more than 100 items, keeping nothing of them', async () => {
    const limit = 256 * 1024;
    const item = (bytes: number) => `{"type":"attachment","length":${bytes}}\n${'x'.repeat(bytes)}`;
    const over = await expectProblem(
      await postEnvelope(`{}\n${item(10)}\n${item(limit + 1)}`),
      400,
      'malformed-envelope',
    );
    assert.match(over.detail ?? '', /^Item 1: its payload is 262145 bytes/);
    const many = Array.from({ length: 101 }, () => '{"type":"session"}\n{}').join('\n');
    await expectProblem(await postEnvelope(`{}\n${many}`), 400, 'malformed-envelope');
    assert.equal((await listed()).envelopes.length, 0);
    assert.equal((await postEnvelope(`{}\n${item(limit)}`)).status, 200);
    assert.equal(
      (await postEnvelope(`{}\n${many.slice(0, many.lastIndexOf('\n{"type"'))}`)).status,
      200,
    );
    assert.deepEqual(
      (await listed()).envelopes.map((e) => e.items.length),
      [1, 100],
    );
  });

  it('keeps at most 16 MiB of envelopes, dropping the oldest', async () => {
    const quarter = `{"type":"attachment","length":250000}\n${'x'.repeat(250_000)}`;
    for (let n = 0; n < 20; n++) {
      const body = [JSON.stringify({ event_id: `e${n}` }), quarter, quarter, quarter, quarter];
      assert.equal((await postEnvelope(body.join('\n'))).status, 200);
    }
    const ids = (await listed()).envelopes.map((e) => e.header['event_id']);
    assert.ok(ids.length >= 15 && ids.length <= 16, `${ids.length} kept`);
    assert.equal(ids.at(-1), 'e19');
    assert.equal(ids[0], `e${20 - ids.length}`);
  });
});

describe('headers on every response', () => {
  it('echoes X-Request-Id, or makes one up, also into problem bodies', async () => {
    const echoed = await client.request('GET', '/api/me', {
      headers: { 'x-request-id': 'req-123' },
    });
    assert.equal(echoed.headers.get('x-request-id'), 'req-123');
    const made = await client.request('GET', '/api/nope');
    const id = made.headers.get('x-request-id') ?? '';
    assert.match(id, /^[0-9a-f-]{36}$/);
    const problem = await expectProblem(made, 404, 'not-found');
    assert.equal(problem['requestId'], id);
    const tooLong = await client.request('GET', '/api/me', {
      headers: { 'x-request-id': 'x'.repeat(201) },
    });
    assert.match(tooLong.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('says X-Flags-Version on successes, errors and dev routes alike', async () => {
    const responses = [
      await client.request('GET', '/api/me'),
      await client.request('GET', '/api/me', { token: null }),
      await fetch(`${server.base}/api/_dev/stats`),
    ];
    for (const response of responses)
      assert.match(response.headers.get('x-flags-version') ?? '', /^\d+$/);
  });
});

describe('catalog and dashboard', () => {
  it('lists customers and products whole', async () => {
    const customers = await client.json<{ items: Record<string, unknown>[]; total: number }>(
      'GET',
      '/api/customers',
    );
    assert.equal(customers.body.total, 40);
    assert.equal(customers.body.items.length, 40);
    assert.deepEqual(Object.keys(customers.body.items[0] ?? {}), ['id', 'name', 'email']);
    const products = await client.json<{ items: Record<string, unknown>[]; total: number }>(
      'GET',
      '/api/products',
    );
    assert.equal(products.body.total, 30);
    assert.deepEqual(Object.keys(products.body.items[0] ?? {}), [
      'id',
      'name',
      'sku',
      'priceCents',
      'currency',
    ]);
    await expectProblem(
      await client.request('GET', '/api/products', { token: null }),
      401,
      'unauthorized',
    );
  });

  it('summary, revenue, top products and activity reflect a new order', async () => {
    const before = (await client.json<Record<string, number>>('GET', '/api/dashboard/summary'))
      .body;
    const revenueBefore = (
      await client.json<{ days: { date: string; totalCents: number }[] }>(
        'GET',
        '/api/dashboard/revenue',
      )
    ).body;
    const { body: order } = await client.json<{ id: string; number: string; totalCents: number }>(
      'POST',
      '/api/orders',
      { body: newOrder },
    );

    const summary = await client.json<Record<string, unknown>>('GET', '/api/dashboard/summary');
    assert.deepEqual(Object.keys(summary.body).sort(), [
      'currency',
      'customers',
      'openOrders',
      'ordersToday',
      'revenueTodayCents',
    ]);
    assert.equal(summary.body['ordersToday'], (before['ordersToday'] ?? 0) + 1);
    assert.equal(
      summary.body['revenueTodayCents'],
      (before['revenueTodayCents'] ?? 0) + order.totalCents,
    );
    assert.equal(summary.body['openOrders'], (before['openOrders'] ?? 0) + 1);
    assert.equal(summary.body['customers'], 40);
    assert.equal(summary.body['currency'], 'EUR');

    const revenue = await client.json<{
      currency: string;
      days: { date: string; totalCents: number }[];
    }>('GET', '/api/dashboard/revenue');
    assert.equal(revenue.body.currency, 'EUR');
    assert.equal(revenue.body.days.length, 30);
    const today = new Date(server.clock.now()).toISOString().slice(0, 10);
    assert.equal(revenue.body.days.at(-1)?.date, today);
    const dates = revenue.body.days.map((d) => Date.parse(d.date));
    assert.ok(dates.every((date, i) => i === 0 || date - (dates[i - 1] ?? 0) === 86_400_000));
    assert.equal(
      revenue.body.days.at(-1)?.totalCents,
      (revenueBefore.days.at(-1)?.totalCents ?? 0) + order.totalCents,
    );

    const top = await client.json<{
      items: { productId: string; productName: string; quantity: number; revenueCents: number }[];
    }>('GET', '/api/dashboard/top-products');
    assert.equal(top.body.items.length, 5);
    const revenues = top.body.items.map((i) => i.revenueCents);
    assert.deepEqual(
      revenues,
      [...revenues].sort((a, b) => b - a),
    );

    const activity = await client.json<{
      items: {
        id: string;
        type: string;
        orderId: string;
        orderNumber: string;
        message: string;
        at: string;
      }[];
    }>('GET', '/api/dashboard/activity');
    assert.equal(activity.body.items.length, 10);
    const [latest] = activity.body.items;
    assert.equal(latest?.type, 'order.created');
    assert.equal(latest?.orderId, order.id);
    assert.equal(latest?.orderNumber, order.number);
    assert.match(latest?.message ?? '', new RegExp(`^${order.number} created for `));
    assert.match(latest?.id ?? '', /^act_\d+$/);
  });
});

describe('production', () => {
  it('mounts no dev controls and turns the network console flag off', async () => {
    const prod = await startServer({ production: true });
    try {
      await expectProblem(await fetch(`${prod.base}/api/_dev/stats`), 404, 'not-found');
      await expectProblem(
        await fetch(`${prod.base}/api/_dev/reset`, { method: 'POST' }),
        404,
        'not-found',
      );
      const prodClient = new Client(prod.base);
      prodClient.cookies.set('XSRF-TOKEN', 'x');
      await prodClient.login();
      const flags = await prodClient.json<{ flags: Record<string, unknown> }>('GET', '/api/flags');
      assert.equal(flags.body.flags['enable_network_console'], false);
    } finally {
      await prod.close();
    }
  });
});
