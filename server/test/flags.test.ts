import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

let server: TestServer;
let demo: Client;
let beta: Client;
before(async () => {
  server = await startServer();
  demo = new Client(server.base);
  beta = new Client(server.base);
  await demo.login();
  await beta.login('beta@keel.dev', 'keel-beta');
});
after(() => server.close());
beforeEach(async () => {
  await fetch(`${server.base}/api/_dev/reset`, { method: 'POST' });
});

interface FlagsBody {
  version: number;
  flags: Record<string, boolean | number | string>;
}

async function putFlags(body: unknown): Promise<Response> {
  return fetch(`${server.base}/api/_dev/flags`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function flagsVersion(): Promise<number> {
  return Number((await fetch(`${server.base}/api/_dev/stats`)).headers.get('x-flags-version'));
}

describe('GET /api/flags', () => {
  it('needs a token', async () => {
    await expectProblem(
      await demo.request('GET', '/api/flags', { token: null }),
      401,
      'unauthorized',
    );
  });

  it('answers the defaults with the version', async () => {
    const { status, body, response } = await demo.json<FlagsBody>('GET', '/api/flags');
    assert.equal(status, 200);
    assert.equal(body.version, Number(response.headers.get('x-flags-version')));
    assert.deepEqual(body.flags, {
      enable_new_ui: false,
      enable_order_export: true,
      enable_network_console: true,
      dashboard_refresh_seconds: 60,
      orders_page_size: 20,
    });
  });

  it('evaluates rules for the user, the app version and the platform', async () => {
    const forBeta = await beta.json<FlagsBody>('GET', '/api/flags');
    assert.equal(forBeta.body.flags['enable_new_ui'], true);
    const onPhone = await demo.json<FlagsBody>('GET', '/api/flags', {
      headers: { 'x-platform': 'iOS' },
    });
    assert.equal(onPhone.body.flags['enable_order_export'], false);
    const newApp = await demo.json<FlagsBody>('GET', '/api/flags', {
      headers: { 'x-app-version': '2.1.0' },
    });
    assert.equal(newApp.body.flags['orders_page_size'], 50);
    const oldApp = await demo.json<FlagsBody>('GET', '/api/flags', {
      headers: { 'x-app-version': '1.9.0', 'x-platform': 'web' },
    });
    assert.equal(oldApp.body.flags['orders_page_size'], 20);
    assert.equal(oldApp.body.flags['enable_order_export'], true);
  });

  it('answers 304 without a body when If-None-Match matches, 200 once values change', async () => {
    const first = await demo.request('GET', '/api/flags');
    const etag = first.headers.get('etag');
    assert.ok(etag);
    await first.arrayBuffer();
    const same = await demo.request('GET', '/api/flags', { headers: { 'if-none-match': etag } });
    assert.equal(same.status, 304);
    assert.equal(await same.text(), '');
    assert.equal(same.headers.get('etag'), etag);
    const weak = await demo.request('GET', '/api/flags', {
      headers: { 'if-none-match': `W/${etag}` },
    });
    assert.equal(weak.status, 304);
    // The ETag is per caller: another user's values differ.
    const other = await beta.request('GET', '/api/flags', { headers: { 'if-none-match': etag } });
    assert.equal(other.status, 200);
    await other.arrayBuffer();
    assert.equal((await putFlags({ flags: { dashboard_refresh_seconds: 15 } })).status, 200);
    const changed = await demo.request('GET', '/api/flags', { headers: { 'if-none-match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    assert.equal(((await changed.json()) as FlagsBody).flags['dashboard_refresh_seconds'], 15);
  });
});

describe('PUT /api/_dev/flags', () => {
  it('overrides values for everyone, over the rules, and bumps X-Flags-Version on every response', async () => {
    const before = await flagsVersion();
    const response = await putFlags({ flags: { enable_new_ui: true, orders_page_size: 10 } });
    assert.equal(response.status, 200);
    assert.equal(Number(response.headers.get('x-flags-version')), before + 1);
    const body = (await response.json()) as { version: number; overrides: Record<string, unknown> };
    assert.equal(body.version, before + 1);
    assert.deepEqual(body.overrides, { enable_new_ui: true, orders_page_size: 10 });

    const seen = await demo.json<FlagsBody>('GET', '/api/flags', {
      headers: { 'x-app-version': '3.0.0' },
    });
    assert.equal(seen.body.version, before + 1);
    assert.equal(seen.body.flags['enable_new_ui'], true);
    assert.equal(seen.body.flags['orders_page_size'], 10);
    // Any response says the new version, errors included.
    const notFound = await demo.request('GET', '/api/nope');
    assert.equal(Number(notFound.headers.get('x-flags-version')), before + 1);
  });

  it('clears one override with null, and reset clears all and still moves the version forward', async () => {
    await putFlags({ flags: { enable_new_ui: true, enable_order_export: false } });
    await putFlags({ flags: { enable_new_ui: null } });
    const partly = await demo.json<FlagsBody>('GET', '/api/flags');
    assert.equal(partly.body.flags['enable_new_ui'], false);
    assert.equal(partly.body.flags['enable_order_export'], false);
    const before = await flagsVersion();
    await fetch(`${server.base}/api/_dev/reset`, { method: 'POST' });
    assert.equal(await flagsVersion(), before + 1);
    const cleared = await demo.json<FlagsBody>('GET', '/api/flags');
    assert.equal(cleared.body.flags['enable_order_export'], true);
  });

  it('leaves the version where it is on a reset with no override to clear', async () => {
    await fetch(`${server.base}/api/_dev/reset`, { method: 'POST' });
    const before = await flagsVersion();
    await fetch(`${server.base}/api/_dev/reset`, { method: 'POST' });
    assert.equal(await flagsVersion(), before);
  });

  it('lists the definitions with their rules', async () => {
    const body = (await (await fetch(`${server.base}/api/_dev/flags`)).json()) as {
      definitions: { name: string; type: string }[];
    };
    assert.deepEqual(
      body.definitions.map((d) => `${d.name}:${d.type}`),
      [
        'enable_new_ui:boolean',
        'enable_order_export:boolean',
        'enable_network_console:boolean',
        'dashboard_refresh_seconds:number',
        'orders_page_size:number',
      ],
    );
  });
});
