import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  Client,
  expectProblem,
  orderCount,
  startServer,
  stats,
  type TestServer,
} from './helpers.ts';

// Concurrency, as a retrying or double-clicking client makes it: many requests in flight at
// once with Promise.all, and what shared/API.md says each must answer.

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
const times = <T>(n: number, make: (index: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, index) => make(index)));

async function createOrder(): Promise<{ id: string }> {
  const { status, body } = await client.json<{ id: string }>('POST', '/api/orders', {
    body: newOrder,
  });
  assert.equal(status, 201);
  return body;
}

describe('races', () => {
  it('20 concurrent creates with one Idempotency-Key make one order; the other 19 replay it', async () => {
    const before = await orderCount(client);
    const headers = { 'idempotency-key': 'race-create' };
    const answers = await times(20, () =>
      client.json<{ id: string }>('POST', '/api/orders', { body: newOrder, headers }),
    );
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(20).fill(201),
    );
    assert.equal(new Set(answers.map((a) => a.body.id)).size, 1);
    const replayed = answers.filter((a) => a.response.headers.get('idempotent-replayed'));
    assert.equal(replayed.length, 19);
    assert.equal(await orderCount(client), before + 1);
    const counted = await stats(server.base);
    assert.equal(counted.ordersCreated, 1);
    assert.equal(counted.idempotentReplays, 19);
  });

  it('20 concurrent creates with one key and different bodies: one 201, 19 idempotency-key-reused', async () => {
    const before = await orderCount(client);
    const headers = { 'idempotency-key': 'race-bodies' };
    const answers = await times(20, (index) =>
      client.request('POST', '/api/orders', {
        body: { ...newOrder, notes: `attempt ${index}` },
        headers,
      }),
    );
    const created = answers.filter((a) => a.status === 201);
    assert.equal(created.length, 1);
    for (const answer of answers.filter((a) => a.status !== 201)) {
      await expectProblem(answer, 422, 'idempotency-key-reused');
    }
    assert.equal(await orderCount(client), before + 1);
  });

  it('10 concurrent PATCHes with the same If-Match: exactly one 200, the others 412', async () => {
    const { id } = await createOrder();
    const answers = await times(10, (index) =>
      client.request('PATCH', `/api/orders/${id}`, {
        body: { notes: `edit ${index}` },
        headers: { 'if-match': '"1"' },
      }),
    );
    const won = answers.filter((a) => a.status === 200);
    assert.equal(won.length, 1);
    assert.equal(won[0]?.headers.get('etag'), '"2"');
    for (const answer of answers.filter((a) => a.status !== 200)) {
      const problem = await expectProblem(answer, 412, 'precondition-failed');
      assert.equal(problem['currentVersion'], 2);
      assert.equal(answer.headers.get('etag'), '"2"');
    }
    const { body } = await client.json<{ version: number; notes: string }>(
      'GET',
      `/api/orders/${id}`,
    );
    assert.equal(body.version, 2);
    assert.equal(body.notes, ((await won[0]?.json()) as { notes: string }).notes);
  });

  it('10 concurrent DELETEs of one order: one 204, the others 404', async () => {
    const { id } = await createOrder();
    const answers = await times(10, () => client.request('DELETE', `/api/orders/${id}`));
    assert.equal(answers.filter((a) => a.status === 204).length, 1);
    for (const answer of answers.filter((a) => a.status !== 204)) {
      await expectProblem(answer, 404, 'not-found');
    }
  });

  it('10 concurrent refreshes with one refresh token: one 200, the others reuse it, which ends the session', async () => {
    const tab = new Client(server.base);
    await tab.login();
    const headers = await tab.xsrfHeaders();
    const cookie = [...tab.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const answers = await times(10, () =>
      fetch(`${server.base}/api/auth/refresh`, {
        method: 'POST',
        headers: { ...headers, cookie },
      }),
    );
    const won = answers.filter((a) => a.status === 200);
    assert.equal(won.length, 1);
    const details: string[] = [];
    for (const answer of answers.filter((a) => a.status !== 200)) {
      details.push((await expectProblem(answer, 401, 'invalid-refresh-token')).detail ?? '');
    }
    // The first loser reuses the spent token and revokes the family; the rest find it revoked.
    assert.ok(
      details.some((detail) => /already used/.test(detail)),
      details.join(' | '),
    );
    assert.ok(details.every((detail) => /already used|session was ended/.test(detail)));
    // shared/API.md: a reused refresh token revokes its whole family, the winner's new
    // tokens included.
    const winner = won[0];
    assert.ok(winner);
    const { accessToken } = (await winner.json()) as { accessToken: string };
    await expectProblem(
      await tab.request('GET', '/api/me', { token: accessToken }),
      401,
      'unauthorized',
    );
    const rotated = winner.headers.getSetCookie().find((c) => c.startsWith('keel_refresh='));
    assert.ok(rotated);
    const next = await fetch(`${server.base}/api/auth/refresh`, {
      method: 'POST',
      headers: {
        ...headers,
        cookie: `${rotated.split(';')[0]}; XSRF-TOKEN=${headers['x-xsrf-token']}`,
      },
    });
    await expectProblem(next, 401, 'invalid-refresh-token');
    const counted = await stats(server.base);
    assert.deepEqual(counted.refresh, { ok: 1, failed: 10 });
  });
});
