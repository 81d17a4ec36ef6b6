import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DevStatsJson } from '../../contracts/dev-api.ts';
import type { IntervalTimers } from '../src/flags/flag-stream.ts';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

/** Intervals the test fires by hand: a heartbeat without waiting 15 s. */
class ManualIntervals implements IntervalTimers {
  readonly ticks = new Map<number, () => void>();
  private next = 1;
  setInterval(tick: () => void): unknown {
    this.ticks.set(this.next, tick);
    return this.next++;
  }
  clearInterval(handle: unknown): void {
    this.ticks.delete(handle as number);
  }
  fire(): void {
    for (const tick of this.ticks.values()) tick();
  }
}

/** Reads one server-sent event (or comment) at a time from a response body. */
class EventReader {
  private buffer = '';
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }
  async next(): Promise<string> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        return block;
      }
      const { value, done } = await this.reader.read();
      if (done) throw new Error('the stream ended');
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }
}

describe('GET /api/flags/stream', () => {
  let server: TestServer;
  let client: Client;
  const intervals = new ManualIntervals();
  const streamStats = async () =>
    ((await (await fetch(`${server.base}/api/_dev/stats`)).json()) as DevStatsJson).flagStreams;

  before(async () => {
    server = await startServer({ intervals });
    client = new Client(server.base);
    await client.login();
  });
  after(() => server.close());

  it('announces the version on connect and on every change, with heartbeats between', async () => {
    const abort = new AbortController();
    const answer = await client.request('GET', '/api/flags/stream', { signal: abort.signal });
    assert.equal(answer.status, 200, answer.status === 200 ? '' : await answer.text());
    assert.match(answer.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.ok(answer.headers.get('x-request-id'));
    const events = new EventReader(answer.body as ReadableStream<Uint8Array>);
    const first = await events.next();
    const version = Number(/^event: flags\ndata: \{"version":(\d+)\}$/.exec(first)?.[1]);
    assert.ok(version >= 1, first);
    assert.deepEqual(await streamStats(), { open: 1, opened: 1, heartbeats: 0 });

    const put = await client.request('PUT', '/api/_dev/flags', {
      body: { flags: { enable_new_ui: true } },
    });
    assert.equal(put.status, 200);
    assert.equal(await events.next(), `event: flags\ndata: {"version":${version + 1}}`);

    intervals.fire();
    assert.equal(await events.next(), ': heartbeat');

    abort.abort();
    for (let i = 0; i < 1000 && (await streamStats()).open !== 0; i++)
      await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(await streamStats(), { open: 0, opened: 1, heartbeats: 1 });
    assert.equal(intervals.ticks.size, 0, 'the heartbeat stops with the stream');
  });

  it('refuses a caller without a valid token, as every data route does', async () => {
    const answer = await client.request('GET', '/api/flags/stream', { token: null });
    await expectProblem(answer, 401, 'unauthorized');
    const forged = await client.request('GET', '/api/flags/stream', { token: 'not-a-token' });
    assert.equal(forged.status, 401);
    assert.equal((await streamStats()).open, 0);
  });
});
