import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  Client,
  expectProblem,
  orderCount,
  putChaos,
  startServer,
  stats,
  untilStats,
  type TestServer,
} from './helpers.ts';

// Every chaos draw returns this: rates of 1 and 0 need no pinning, rates in between do.
let draw = 0.5;
let server: TestServer;
let client: Client;
before(async () => {
  server = await startServer({ random: () => draw });
  client = new Client(server.base);
  await client.login();
});
after(() => server.close());
beforeEach(async () => {
  draw = 0.5;
  await fetch(`${server.base}/api/_dev/reset`, { method: 'POST' });
});

const newOrder = { customerId: 'cus_001', items: [{ productId: 'prd_001', quantity: 1 }] };

describe('chaos config', () => {
  it('GET answers the defaults; PUT replaces the whole config', async () => {
    const initial = await (await fetch(`${server.base}/api/_dev/chaos`)).json();
    assert.deepEqual(initial, {
      latencyMs: 0,
      jitterMs: 0,
      failRate: 0,
      failStatus: 503,
      retryAfterS: null,
      dropRate: 0,
      hangRate: 0,
      malformedRate: 0,
      dropAfterCommitRate: 0,
      routes: [],
      seed: null,
    });
    await putChaos(server.base, { failRate: 0.25, retryAfterS: 3, routes: ['GET /api/orders'] });
    await putChaos(server.base, { latencyMs: 5 });
    const replaced = (await (await fetch(`${server.base}/api/_dev/chaos`)).json()) as Record<
      string,
      unknown
    >;
    assert.equal(replaced['latencyMs'], 5);
    assert.equal(replaced['failRate'], 0);
    assert.equal(replaced['retryAfterS'], null);
    assert.deepEqual(replaced['routes'], []);
  });
});

describe('chaos modes', () => {
  it('latency: delays the answer by latencyMs and says so', async () => {
    await putChaos(server.base, { latencyMs: 50 });
    const started = performance.now();
    const response = await client.request('GET', '/api/me');
    const elapsed = performance.now() - started;
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-chaos-latency-ms'), '50');
    assert.ok(elapsed >= 49, `took ${elapsed} ms`);
  });

  it('jitter: adds random(0, jitterMs) to the latency', async () => {
    await putChaos(server.base, { latencyMs: 10, jitterMs: 20 });
    const response = await client.request('GET', '/api/me');
    assert.equal(response.headers.get('x-chaos-latency-ms'), String(10 + Math.floor(0.5 * 21)));
  });

  it('fail: answers failStatus as /problems/chaos with Retry-After, without running the handler', async () => {
    await putChaos(server.base, { failRate: 1, retryAfterS: 7 });
    const before = (await stats(server.base)).ordersCreated;
    const response = await client.request('POST', '/api/orders', { body: newOrder });
    assert.equal(response.headers.get('retry-after'), '7');
    await expectProblem(response, 503, 'chaos');
    await putChaos(server.base, { failRate: 1, failStatus: 429 });
    const limited = await client.request('GET', '/api/me');
    assert.equal(limited.headers.get('retry-after'), null);
    await expectProblem(limited, 429, 'chaos');
    await putChaos(server.base, {});
    assert.equal((await stats(server.base)).ordersCreated, before);
  });

  it('fail: draws against the rate', async () => {
    draw = 0.3;
    await putChaos(server.base, { failRate: 0.2 });
    assert.equal((await client.request('GET', '/api/me')).status, 200);
    await putChaos(server.base, { failRate: 0.5 });
    await expectProblem(await client.request('GET', '/api/me'), 503, 'chaos');
  });

  it('drop: closes the socket with no response; the server counts it', async () => {
    await putChaos(server.base, { dropRate: 1, routes: ['GET /api/me'] });
    await assert.rejects(client.request('GET', '/api/me'), TypeError);
    const counted = await stats(server.base);
    assert.equal(counted.byStatus['dropped'], 1);
    assert.equal(counted.byRoute['GET /api/me'], 1);
    assert.equal(counted.requests, 1);
  });

  it('hang: never answers until the client gives up', async () => {
    await putChaos(server.base, { hangRate: 1, routes: ['GET /api/me'] });
    const abort = new AbortController();
    const pending = client.request('GET', '/api/me', { signal: abort.signal });
    await untilStats(server.base, (s) => s.byStatus['hung'] === 1);
    abort.abort();
    await assert.rejects(pending, { name: 'AbortError' });
    // Other routes are not affected.
    assert.equal((await client.request('GET', '/api/orders?pageSize=1')).status, 200);
  });

  it('hang: closing the server ends hung requests instead of waiting for them', async () => {
    const own = await startServer();
    const ownClient = new Client(own.base);
    await putChaos(own.base, { hangRate: 1, routes: ['/api/auth'] });
    const pending = ownClient.request('POST', '/api/auth/login', {
      body: { email: 'a@b.c', password: 'x' },
    });
    await untilStats(own.base, (s) => s.byStatus['hung'] === 1);
    await own.close();
    await assert.rejects(pending, TypeError);
  });

  it('malformed: answers 200 application/json with a body cut in half', async () => {
    await putChaos(server.base, {
      malformedRate: 1,
      routes: ['GET /api/orders', 'DELETE /api/orders'],
    });
    const response = await client.request('GET', '/api/orders');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    const text = await response.text();
    assert.ok(text.startsWith('{"items":['), text.slice(0, 20));
    assert.throws(() => JSON.parse(text), SyntaxError);
    // Errors come back broken too, as 200s.
    const missing = await client.request('DELETE', '/api/orders/ord_missing');
    assert.equal(missing.status, 200);
    const brokenProblem = await missing.text();
    assert.ok(brokenProblem.startsWith('{"type":"/problems/not-found"'), brokenProblem);
    assert.throws(() => JSON.parse(brokenProblem), SyntaxError);
    // A 204 has no body to cut: it gets a stock broken one, and the delete still happened.
    const created = await client.json<{ id: string }>('POST', '/api/orders', { body: newOrder });
    const deleted = await client.request('DELETE', `/api/orders/${created.body.id}`);
    assert.equal(deleted.status, 200);
    assert.equal(await deleted.text(), '{"items":[{');
    await putChaos(server.base, {});
    await expectProblem(
      await client.request('GET', `/api/orders/${created.body.id}`),
      404,
      'not-found',
    );
  });

  it('dropAfterCommit: commits the order, then closes the socket; a retry with the key replays it', async () => {
    const before = await orderCount(client);
    await putChaos(server.base, { dropAfterCommitRate: 1, routes: ['POST /api/orders'] });
    const headers = { 'idempotency-key': 'commit-then-drop' };
    await assert.rejects(
      client.request('POST', '/api/orders', { body: newOrder, headers }),
      TypeError,
    );
    const counted = await stats(server.base);
    assert.equal(counted.ordersCreated, 1);
    assert.equal(counted.byStatus['dropped'], 1);
    assert.equal(await orderCount(client), before + 1);

    await putChaos(server.base, {});
    const retry = await client.json<{ id: string }>('POST', '/api/orders', {
      body: newOrder,
      headers,
    });
    assert.equal(retry.status, 201);
    assert.equal(retry.response.headers.get('idempotent-replayed'), 'true');
    assert.equal(await orderCount(client), before + 1);
  });
});

describe('chaos routes', () => {
  it('limits chaos to the listed "METHOD /path" prefixes', async () => {
    await putChaos(server.base, { failRate: 1, routes: ['POST /api/orders'] });
    assert.equal((await client.request('GET', '/api/orders?pageSize=1')).status, 200);
    await expectProblem(
      await client.request('POST', '/api/orders', { body: newOrder }),
      503,
      'chaos',
    );

    await putChaos(server.base, { failRate: 1, routes: ['GET /api/orders'] });
    await expectProblem(await client.request('GET', '/api/orders/ord_x'), 503, 'chaos');

    await putChaos(server.base, { failRate: 1, routes: ['/api/dashboard'] });
    await expectProblem(await client.request('GET', '/api/dashboard/revenue'), 503, 'chaos');
    assert.equal((await client.request('GET', '/api/me')).status, 200);

    // Prefixes end on a segment boundary.
    await putChaos(server.base, { failRate: 1, routes: ['/api/order'] });
    assert.equal((await client.request('GET', '/api/orders?pageSize=1')).status, 200);
  });

  it('applies to auth routes but never to the dev controls', async () => {
    await putChaos(server.base, { failRate: 1 });
    await expectProblem(
      await client.request('POST', '/api/auth/login', { body: { email: 'x', password: 'y' } }),
      503,
      'chaos',
    );
    assert.equal((await fetch(`${server.base}/api/_dev/stats`)).status, 200);
    await putChaos(server.base, {});
    assert.equal((await client.request('GET', '/api/me')).status, 200);
  });
});

describe('chaos seed', () => {
  it('makes fractional rates repeat the same faults after each PUT', async () => {
    const run = async () => {
      await putChaos(server.base, { failRate: 0.5, routes: ['GET /api/me'], seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await client.request('GET', '/api/me')).status);
      return statuses;
    };
    const first = await run();
    assert.deepEqual(await run(), first);
    assert.ok(first.includes(503) && first.includes(200), `expected a mix, got ${first.join(',')}`);
  });
});
