import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  Client,
  expectPlainProblem,
  expectProblem,
  orderCount,
  parseRawResponse,
  rawExchange,
  startServer,
  type PlainAnswer,
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

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The contract's headers on an answer Node's parser forced, with a request id made up. */
function expectCommonHeaders(answer: PlainAnswer, requestId: unknown): void {
  assert.match(String(answer.headers['x-request-id']), uuid);
  assert.equal(answer.headers['x-request-id'], requestId);
  assert.match(String(answer.headers['x-flags-version']), /^\d+$/);
}

describe("Fastify's and Node's own rejections", () => {
  it('answers a path with a broken %-escape as 400 problem+json with the request id', async () => {
    for (const path of ['/api/orders/%ZZ', '/api/_dev/%E0%A4%A']) {
      const response = await client.request('GET', path, { headers: { 'x-request-id': 'bad-1' } });
      const problem = await expectProblem(response, 400, 'bad-request');
      assert.equal(response.headers.get('x-request-id'), 'bad-1');
      assert.match(response.headers.get('x-flags-version') ?? '', /^\d+$/);
      assert.equal(problem['requestId'], 'bad-1');
      assert.equal(problem.instance, path);
    }
  });

  it('answers an order id over 100 characters as the 404 of any unknown id, after the token check', async () => {
    for (const length of [101, 1_000, 10_000]) {
      const id = `ord_${'x'.repeat(length)}`;
      for (const method of ['GET', 'PATCH', 'DELETE']) {
        const response = await client.request(method, `/api/orders/${id}`, {
          ...(method === 'PATCH' && { body: { notes: 'x' }, headers: { 'if-match': '"1"' } }),
        });
        await expectProblem(response, 404, 'not-found');
        assert.match(response.headers.get('x-request-id') ?? '', uuid);
      }
      await expectProblem(
        await client.request('GET', `/api/orders/${id}`, { token: null }),
        401,
        'unauthorized',
      );
    }
  });

  it('answers a 17 KB header with 431 problem+json written on the socket, with a new request id', async () => {
    const answer = parseRawResponse(
      await rawExchange(
        server.base,
        `GET /api/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: mine\r\nX-Big: ${'x'.repeat(17 * 1024)}\r\n\r\n`,
      ),
    );
    const problem = expectPlainProblem(answer, 431, 'bad-request');
    expectCommonHeaders(answer, problem['requestId']);
    assert.equal(answer.headers['connection'], 'close');
    assert.match(problem.detail ?? '', /16384 bytes/);
  });

  it('answers a Content-Length shorter than the body with 400 problem+json, and writes nothing', async () => {
    const before = await orderCount(client);
    const body = JSON.stringify({
      customerId: 'cus_001',
      items: [{ productId: 'prd_001', quantity: 1 }],
    });
    for (const connection of ['keep-alive', 'close']) {
      const answer = parseRawResponse(
        await rawExchange(
          server.base,
          `POST /api/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${client.token}\r\n` +
            `Content-Type: application/json\r\nContent-Length: 5\r\nConnection: ${connection}\r\n\r\n${body}`,
        ),
      );
      const problem = expectPlainProblem(answer, 400, 'bad-request');
      expectCommonHeaders(answer, problem['requestId']);
    }
    assert.equal(await orderCount(client), before);
  });

  it('answers a body cut short of its Content-Length, and bytes that are not HTTP, with 400 problem+json', async () => {
    // The client stops sending (half-close) 37 bytes short of what it announced.
    const cut = await rawExchange(
      server.base,
      'POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        'Content-Length: 50\r\n\r\n{"email":"a"}',
      { halfClose: true },
    );
    const short = parseRawResponse(cut);
    expectCommonHeaders(short, expectPlainProblem(short, 400, 'bad-request')['requestId']);
    const garbage = parseRawResponse(await rawExchange(server.base, 'GARBAGE\r\n\r\n'));
    expectCommonHeaders(garbage, expectPlainProblem(garbage, 400, 'bad-request')['requestId']);
  });

  it('is still up after all of it', async () => {
    assert.equal((await client.request('GET', '/api/me')).status, 200);
  });
});
