import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { traceParentOf } from '../src/http/trace-context.ts';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';
const VALID = `00-${TRACE}-${SPAN}-01`;

describe('traceParentOf', () => {
  it('reads a valid version-00 header, and a later version with more fields', () => {
    assert.deepEqual(traceParentOf({ traceparent: VALID }), {
      version: '00',
      traceId: TRACE,
      parentId: SPAN,
      flags: '01',
    });
    assert.equal(traceParentOf({ traceparent: `01-${TRACE}-${SPAN}-00-extra` })?.version, '01');
  });

  it('refuses malformed, wrongly typed, oversized and all-zero headers', () => {
    const bad: unknown[] = [
      undefined,
      '',
      'garbage',
      [VALID, VALID],
      VALID.toUpperCase(),
      `00-${TRACE}-${SPAN}-01-extra`, // version 00 has nothing after the flags
      `ff-${TRACE}-${SPAN}-01`,
      `00-${'0'.repeat(32)}-${SPAN}-01`,
      `00-${TRACE}-${'0'.repeat(16)}-01`,
      `00-${TRACE.slice(1)}-${SPAN}-01`,
      `00-${TRACE}-${SPAN}-1`,
      `01-${TRACE}-${SPAN}-01-${'x'.repeat(600)}`,
    ];
    for (const value of bad)
      assert.equal(traceParentOf({ traceparent: value as string }), null, String(value));
  });
});

describe('trace context in the API', () => {
  let server: TestServer;
  let client: Client;
  const lines: string[] = [];
  before(async () => {
    server = await startServer({ log: (line) => lines.push(line) });
    client = new Client(server.base);
  });
  after(() => server.close());

  it('echoes the trace id in problem bodies and logs it with the request id', async () => {
    const answer = await client.request('GET', '/api/nope', {
      headers: { traceparent: VALID, 'x-request-id': 'trace-1' },
    });
    const problem = await expectProblem(answer, 404, 'not-found');
    assert.equal(problem['traceId'], TRACE);
    assert.equal(problem['requestId'], 'trace-1');
    assert.ok(
      lines.some((line) => line.includes('id=trace-1') && line.includes(`trace=${TRACE}/${SPAN}`)),
      lines.join('\n'),
    );
  });

  it('leaves the trace out for a request without a valid traceparent, and still answers', async () => {
    for (const traceparent of [undefined, 'not-a-trace', `00-${'0'.repeat(32)}-${SPAN}-01`]) {
      const answer = await client.request('GET', '/api/nope', {
        headers: traceparent ? { traceparent } : {},
      });
      const problem = await expectProblem(answer, 404, 'not-found');
      assert.equal('traceId' in problem, false, String(traceparent));
    }
  });
});
