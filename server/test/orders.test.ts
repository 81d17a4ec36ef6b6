import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  Client,
  expectProblem,
  fieldsOf,
  orderCount,
  startServer,
  stats,
  type TestServer,
} from './helpers.ts';

interface Order {
  id: string;
  number: string;
  customerId: string;
  customerName: string;
  status: string;
  items: { productId: string; productName: string; quantity: number; unitPriceCents: number }[];
  totalCents: number;
  currency: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

interface OrderPage {
  items: Order[];
  total: number;
  page: number;
  pageSize: number;
}

let server: TestServer;
let client: Client;
before(async () => {
  server = await startServer();
  client = new Client(server.base);
  await client.login();
});
after(() => server.close());
// Stats only: reseeding would end the session, and each login costs a deliberate scrypt.
// Tests that write count relative to what was there before them.
beforeEach(async () => {
  await fetch(`${server.base}/api/_dev/reset`, { method: 'POST' });
});

const newOrder = {
  customerId: 'cus_001',
  items: [
    { productId: 'prd_001', quantity: 2 },
    { productId: 'prd_002', quantity: 1 },
  ],
  notes: 'Ring twice',
};

async function createOrder(body: unknown = newOrder, headers: Record<string, string> = {}) {
  return client.json<Order>('POST', '/api/orders', { body, headers });
}

// Runs first, before any test writes: the seed as it is.
describe('GET /api/orders', () => {
  it('lists the seed newest first, 20 a page by default', async () => {
    const { status, body } = await client.json<OrderPage>('GET', '/api/orders');
    assert.equal(status, 200);
    assert.equal(body.total, 400);
    assert.equal(body.page, 1);
    assert.equal(body.pageSize, 20);
    assert.equal(body.items.length, 20);
    const times = body.items.map((o) => o.createdAt);
    assert.deepEqual(times, [...times].sort().reverse());
    const [first] = body.items;
    assert.ok(first);
    assert.match(first.id, /^ord_/);
    assert.match(first.number, /^ORD-\d{5}$/);
    assert.equal(first.currency, 'EUR');
    assert.equal(
      first.totalCents,
      first.items.reduce((sum, i) => sum + i.quantity * i.unitPriceCents, 0),
    );
  });

  it('seeds every status', async () => {
    for (const status of ['pending', 'paid', 'shipped', 'delivered', 'cancelled']) {
      const { body } = await client.json<OrderPage>(
        'GET',
        `/api/orders?status=${status}&pageSize=100`,
      );
      assert.ok(body.total > 0, `some ${status} orders`);
      assert.ok(body.items.every((o) => o.status === status));
    }
  });

  it('pages without overlap', async () => {
    const one = await client.json<OrderPage>('GET', '/api/orders?page=1&pageSize=7');
    const two = await client.json<OrderPage>('GET', '/api/orders?page=2&pageSize=7');
    assert.equal(two.body.page, 2);
    assert.equal(two.body.items.length, 7);
    const ids = new Set(one.body.items.map((o) => o.id));
    assert.ok(two.body.items.every((o) => !ids.has(o.id)));
    const last = await client.json<OrderPage>('GET', '/api/orders?page=4&pageSize=100');
    assert.equal(last.body.items.length, 100);
    const beyond = await client.json<OrderPage>('GET', '/api/orders?page=9&pageSize=100');
    assert.deepEqual(beyond.body.items, []);
    assert.equal(beyond.body.total, await orderCount(client));
  });

  it('searches number, customer name and notes, case-insensitively', async () => {
    const byNumber = await client.json<OrderPage>('GET', '/api/orders?q=ord-10001');
    assert.deepEqual(
      byNumber.body.items.map((o) => o.number),
      ['ORD-10001'],
    );
    const { body: created } = await createOrder({
      ...newOrder,
      notes: 'Deliver to the LIGHTHOUSE keeper',
    });
    const byNotes = await client.json<OrderPage>('GET', '/api/orders?q=lighthouse');
    assert.deepEqual(
      byNotes.body.items.map((o) => o.id),
      [created.id],
    );
    const name = created.customerName.split(' ')[1] ?? '';
    const byName = await client.json<OrderPage>(
      'GET',
      `/api/orders?q=${encodeURIComponent(name.toUpperCase())}&pageSize=100`,
    );
    assert.ok(byName.body.total > 0);
    assert.ok(
      byName.body.items.every(
        (o) => o.customerName.includes(name) || o.notes.toLowerCase().includes(name.toLowerCase()),
      ),
    );
    const none = await client.json<OrderPage>('GET', '/api/orders?q=%25_nothing%25');
    assert.equal(none.body.total, 0);
  });

  it('combines status and q, and treats empty parameters as absent', async () => {
    const { body } = await client.json<OrderPage>('GET', '/api/orders?status=&q=&page=&pageSize=');
    assert.equal(body.total, await orderCount(client));
    assert.equal(body.pageSize, 20);
    const filtered = await client.json<OrderPage>('GET', '/api/orders?status=delivered&q=ORD-100');
    assert.ok(
      filtered.body.items.every((o) => o.status === 'delivered' && o.number.startsWith('ORD-100')),
    );
  });

  it('answers 422 for a bad status, page, pageSize over 100, long q or unknown parameters', async () => {
    const cases: [string, string[]][] = [
      ['status=lost', ['status']],
      ['page=0', ['page']],
      ['page=1.5', ['page']],
      ['page=two', ['page']],
      ['pageSize=101', ['pageSize']],
      ['pageSize=0', ['pageSize']],
      [`q=${'x'.repeat(201)}`, ['q']],
      ['sort=name', ['sort']],
      ['status=paid&status=pending', ['status']],
    ];
    for (const [query, fields] of cases) {
      const problem = await expectProblem(
        await client.request('GET', `/api/orders?${query}`),
        422,
        'validation',
      );
      assert.deepEqual(fieldsOf(problem), fields, query);
    }
    const ok = await client.json<OrderPage>('GET', '/api/orders?pageSize=100');
    assert.equal(ok.body.items.length, 100);
  });
});

describe('GET /api/orders/:id', () => {
  it('answers the order with its version as ETag', async () => {
    const { body: page } = await client.json<OrderPage>('GET', '/api/orders?pageSize=1');
    const listed = page.items[0];
    assert.ok(listed);
    const { status, body, response } = await client.json<Order>('GET', `/api/orders/${listed.id}`);
    assert.equal(status, 200);
    assert.deepEqual(body, listed);
    assert.equal(response.headers.get('etag'), `"${listed.version}"`);
  });

  it('answers 404 for an unknown id', async () => {
    await expectProblem(await client.request('GET', '/api/orders/ord_missing'), 404, 'not-found');
  });
});

describe('POST /api/orders', () => {
  it('creates a pending order at version 1 with 201, Location and ETag', async () => {
    const before = await client.json<OrderPage>('GET', '/api/orders?pageSize=1');
    const { status, body, response } = await createOrder();
    assert.equal(status, 201);
    assert.equal(response.headers.get('location'), `/api/orders/${body.id}`);
    assert.equal(response.headers.get('etag'), '"1"');
    assert.equal(body.status, 'pending');
    assert.equal(body.version, 1);
    assert.equal(body.number, `ORD-${Number(before.body.items[0]?.number.slice(4)) + 1}`);
    assert.equal(body.customerId, 'cus_001');
    assert.equal(body.notes, 'Ring twice');
    assert.equal(body.items.length, 2);
    assert.equal(body.items[0]?.quantity, 2);
    assert.equal(
      body.totalCents,
      body.items.reduce((sum, i) => sum + i.quantity * i.unitPriceCents, 0),
    );
    assert.equal(body.createdAt, new Date(server.clock.now()).toISOString());
    const fetched = await client.json<Order>('GET', `/api/orders/${body.id}`);
    assert.deepEqual(fetched.body, body);
    assert.equal((await stats(server.base)).ordersCreated, 1);
  });

  it('defaults notes to an empty string', async () => {
    const { body } = await createOrder({
      customerId: 'cus_002',
      items: [{ productId: 'prd_003', quantity: 1 }],
    });
    assert.equal(body.notes, '');
  });

  it('answers 422 listing every bad field, and writes nothing', async () => {
    const cases: [unknown, string[]][] = [
      [{}, ['customerId', 'items']],
      [{ customerId: 'cus_001', items: [] }, ['items']],
      [
        {
          customerId: 'cus_001',
          items: Array.from({ length: 51 }, () => ({ productId: 'prd_001', quantity: 1 })),
        },
        ['items'],
      ],
      [
        {
          customerId: 7,
          items: [
            { productId: 'prd_001', quantity: 0 },
            { productId: 'prd_001', quantity: 1000 },
          ],
        },
        ['customerId', 'items[0].quantity', 'items[1].quantity'],
      ],
      [
        { customerId: 'cus_001', items: [{ productId: 'prd_001', quantity: 1.5 }] },
        ['items[0].quantity'],
      ],
      [
        { customerId: 'cus_001', items: [{ productId: 'prd_001' }, 'x'] },
        ['items[0].quantity', 'items[1]'],
      ],
      [
        {
          customerId: 'cus_001',
          items: [{ productId: 'prd_001', quantity: 1, price: 1 }],
          notes: 'x'.repeat(2001),
          extra: true,
        },
        ['extra', 'items[0].price', 'notes'],
      ],
      [
        {
          customerId: 'cus_999',
          items: [
            { productId: 'prd_001', quantity: 1 },
            { productId: 'prd_999', quantity: 1 },
          ],
        },
        ['customerId', 'items[1].productId'],
      ],
      [[newOrder], ['body']],
    ];
    const before = await orderCount(client);
    for (const [body, fields] of cases) {
      const problem = await expectProblem(
        await client.request('POST', '/api/orders', { body }),
        422,
        'validation',
      );
      assert.deepEqual(fieldsOf(problem), fields, JSON.stringify(body).slice(0, 80));
    }
    assert.equal(await orderCount(client), before);
    assert.equal((await stats(server.base)).ordersCreated, 0);
  });

  it('accepts 50 items and notes of 2000 characters', async () => {
    const items = Array.from({ length: 50 }, (_, i) => ({
      productId: `prd_${String((i % 30) + 1).padStart(3, '0')}`,
      quantity: 999,
    }));
    const { status } = await createOrder({ customerId: 'cus_001', items, notes: 'x'.repeat(2000) });
    assert.equal(status, 201);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body, without a second order', async () => {
    const headers = { 'idempotency-key': 'key-1' };
    const before = await orderCount(client);
    const first = await createOrder(newOrder, headers);
    assert.equal(first.status, 201);
    assert.equal(first.response.headers.get('idempotent-replayed'), null);
    // The same body with its keys in another order is the same request.
    const reordered = {
      notes: newOrder.notes,
      items: newOrder.items,
      customerId: newOrder.customerId,
    };
    const second = await createOrder(reordered, headers);
    assert.equal(second.status, 201);
    assert.deepEqual(second.body, first.body);
    assert.equal(second.response.headers.get('idempotent-replayed'), 'true');
    assert.equal(second.response.headers.get('location'), first.response.headers.get('location'));
    assert.equal(second.response.headers.get('etag'), '"1"');
    assert.equal(await orderCount(client), before + 1);
    const counted = await stats(server.base);
    assert.equal(counted.ordersCreated, 1);
    assert.equal(counted.idempotentReplays, 1);
  });

  it('answers 422 idempotency-key-reused for the same key with another body', async () => {
    const headers = { 'idempotency-key': 'key-2' };
    await createOrder(newOrder, headers);
    const before = await orderCount(client);
    const other = await client.request('POST', '/api/orders', {
      body: { ...newOrder, notes: 'other' },
      headers,
    });
    await expectProblem(other, 422, 'idempotency-key-reused');
    assert.equal(await orderCount(client), before);
  });

  it('scopes keys per user', async () => {
    const headers = { 'idempotency-key': 'shared' };
    const before = await orderCount(client);
    await createOrder(newOrder, headers);
    const beta = new Client(server.base);
    await beta.login('beta@keel.dev', 'keel-beta');
    const theirs = await beta.json<Order>('POST', '/api/orders', {
      body: { ...newOrder, notes: 'beta' },
      headers,
    });
    assert.equal(theirs.status, 201);
    assert.equal(theirs.response.headers.get('idempotent-replayed'), null);
    assert.equal(await orderCount(client), before + 2);
  });

  it('does not store a rejected request: the key can be used again with a fixed body', async () => {
    const headers = { 'idempotency-key': 'key-3' };
    await expectProblem(
      await client.request('POST', '/api/orders', {
        body: { ...newOrder, customerId: 'cus_999' },
        headers,
      }),
      422,
      'validation',
    );
    assert.equal((await createOrder(newOrder, headers)).status, 201);
  });

  it('answers 422 for an unusable key', async () => {
    const before = await orderCount(client);
    const problem = await expectProblem(
      await client.request('POST', '/api/orders', {
        body: newOrder,
        headers: { 'idempotency-key': 'x'.repeat(256) },
      }),
      422,
      'validation',
    );
    assert.deepEqual(fieldsOf(problem), ['Idempotency-Key']);
    assert.equal(await orderCount(client), before);
  });

  it('replays a PATCH too, so a retried edit does not fail its own If-Match', async () => {
    const { body: order } = await createOrder();
    const options = {
      body: { status: 'paid' },
      headers: { 'if-match': '"1"', 'idempotency-key': 'patch-1' },
    };
    const first = await client.json<Order>('PATCH', `/api/orders/${order.id}`, options);
    const again = await client.json<Order>('PATCH', `/api/orders/${order.id}`, options);
    assert.equal(again.status, 200);
    assert.equal(again.response.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body);
    assert.equal(again.body.version, 2);
  });
});

describe('PATCH /api/orders/:id', () => {
  it('answers 428 without If-Match and changes nothing', async () => {
    const { body: order } = await createOrder();
    await expectProblem(
      await client.request('PATCH', `/api/orders/${order.id}`, { body: { status: 'paid' } }),
      428,
      'precondition-required',
    );
    assert.equal(
      (await client.json<Order>('GET', `/api/orders/${order.id}`)).body.status,
      'pending',
    );
  });

  it('answers 412 with the current version for a stale If-Match', async () => {
    const { body: order } = await createOrder();
    await client.request('PATCH', `/api/orders/${order.id}`, {
      body: { notes: 'v2' },
      headers: { 'if-match': '"1"' },
    });
    const stale = await client.request('PATCH', `/api/orders/${order.id}`, {
      body: { status: 'paid' },
      headers: { 'if-match': '"1"' },
    });
    assert.equal(stale.headers.get('etag'), '"2"');
    const problem = await expectProblem(stale, 412, 'precondition-failed');
    assert.equal(problem['currentVersion'], 2);
    assert.equal(
      (await client.json<Order>('GET', `/api/orders/${order.id}`)).body.status,
      'pending',
    );
  });

  it('applies the change, bumps the version and answers the new ETag; W/ and lists are accepted', async () => {
    const { body: order } = await createOrder();
    server.clock.advance(60_000);
    const paid = await client.json<Order>('PATCH', `/api/orders/${order.id}`, {
      body: { status: 'paid', notes: 'Paid by card' },
      headers: { 'if-match': '"1"' },
    });
    assert.equal(paid.status, 200);
    assert.equal(paid.response.headers.get('etag'), '"2"');
    assert.equal(paid.body.status, 'paid');
    assert.equal(paid.body.notes, 'Paid by card');
    assert.equal(paid.body.version, 2);
    assert.equal(paid.body.updatedAt, new Date(server.clock.now()).toISOString());
    assert.equal(paid.body.createdAt, order.createdAt);
    const weak = await client.json<Order>('PATCH', `/api/orders/${order.id}`, {
      body: { status: 'shipped' },
      headers: { 'if-match': 'W/"2"' },
    });
    assert.equal(weak.body.version, 3);
    const listed = await client.json<Order>('PATCH', `/api/orders/${order.id}`, {
      body: { status: 'delivered' },
      headers: { 'if-match': '"1", "3"' },
    });
    assert.equal(listed.body.version, 4);
  });

  it('leaves the version alone when nothing changes', async () => {
    const { body: order } = await createOrder();
    const same = await client.json<Order>('PATCH', `/api/orders/${order.id}`, {
      body: { status: 'pending', notes: order.notes },
      headers: { 'if-match': '"1"' },
    });
    assert.equal(same.status, 200);
    assert.equal(same.body.version, 1);
  });

  it('moves status forward only, skipping allowed, cancelling only before shipping', async () => {
    const allowed: [string, string][] = [
      ['pending', 'paid'],
      ['pending', 'shipped'],
      ['pending', 'delivered'],
      ['pending', 'cancelled'],
      ['paid', 'shipped'],
      ['paid', 'delivered'],
      ['paid', 'cancelled'],
      ['shipped', 'delivered'],
    ];
    const refused: [string, string][] = [
      ['paid', 'pending'],
      ['shipped', 'paid'],
      ['shipped', 'cancelled'],
      ['delivered', 'shipped'],
      ['delivered', 'cancelled'],
      ['cancelled', 'pending'],
      ['cancelled', 'paid'],
    ];
    for (const [from, to] of [...allowed, ...refused]) {
      const { body: order } = await createOrder();
      let version = 1;
      if (from !== 'pending') {
        const moved = await client.json<Order>('PATCH', `/api/orders/${order.id}`, {
          body: { status: from },
          headers: { 'if-match': '"1"' },
        });
        assert.equal(moved.status, 200);
        version = moved.body.version;
      }
      const response = await client.request('PATCH', `/api/orders/${order.id}`, {
        body: { status: to },
        headers: { 'if-match': `"${version}"` },
      });
      if (allowed.some(([a, b]) => a === from && b === to)) {
        assert.equal(response.status, 200, `${from} → ${to}`);
        await response.arrayBuffer();
      } else {
        const problem = await expectProblem(response, 422, 'validation');
        assert.deepEqual(fieldsOf(problem), ['status'], `${from} → ${to}`);
        assert.equal(
          (await client.json<Order>('GET', `/api/orders/${order.id}`)).body.status,
          from,
        );
      }
    }
  });

  it('answers 422 for bad fields and 404 for an unknown order', async () => {
    const { body: order } = await createOrder();
    const headers = { 'if-match': '"1"' };
    const bad = await expectProblem(
      await client.request('PATCH', `/api/orders/${order.id}`, {
        body: { status: 'lost', notes: 5, total: 1 },
        headers,
      }),
      422,
      'validation',
    );
    assert.deepEqual(fieldsOf(bad), ['notes', 'status', 'total']);
    await expectProblem(
      await client.request('PATCH', '/api/orders/ord_missing', {
        body: { status: 'paid' },
        headers,
      }),
      404,
      'not-found',
    );
  });
});

describe('DELETE /api/orders/:id', () => {
  it('answers 204, then 404', async () => {
    const { body: order } = await createOrder();
    const before = await orderCount(client);
    const gone = await client.request('DELETE', `/api/orders/${order.id}`);
    assert.equal(gone.status, 204);
    assert.equal(await gone.text(), '');
    await expectProblem(await client.request('GET', `/api/orders/${order.id}`), 404, 'not-found');
    await expectProblem(
      await client.request('DELETE', `/api/orders/${order.id}`),
      404,
      'not-found',
    );
    assert.equal(await orderCount(client), before - 1);
  });

  it('honours an If-Match when one is sent', async () => {
    const { body: order } = await createOrder();
    await expectProblem(
      await client.request('DELETE', `/api/orders/${order.id}`, { headers: { 'if-match': '"9"' } }),
      412,
      'precondition-failed',
    );
    assert.equal(
      (
        await client.request('DELETE', `/api/orders/${order.id}`, {
          headers: { 'if-match': '"1"' },
        })
      ).status,
      204,
    );
  });
});
