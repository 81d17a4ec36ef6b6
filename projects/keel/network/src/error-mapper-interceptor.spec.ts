import { collect } from '@keel/network/testing';
import { type ChainTestBed, chainTestBed, fail503, problem } from '../spec-support/chain-test-bed';

describe('the error mapper', () => {
  let chain: ChainTestBed;
  beforeEach(() => (chain = chainTestBed()));
  afterEach(() => chain.backend.verify());

  it('gives the failed call its duration on the call clock, waits and retries included', () => {
    const call = collect(chain.http.get('/api/orders'));
    chain.clock.advance(40);
    fail503(chain.backend.expectOne('/api/orders'));
    chain.clock.advance(150); // the backoff
    chain.clock.advance(60);
    chain.backend
      .expectOne('/api/orders')
      .flush(problem(404), { status: 404, statusText: 'Not Found' });
    expect(call.error?.kind).toBe('not-found');
    expect(call.error?.durationMs).toBe(250);
    expect(chain.reported.map((r) => r.error.durationMs)).toEqual([250]);
  });

  it('reports a failed call once, however many attempts it took', () => {
    const call = collect(chain.http.get('/api/orders'));
    for (let i = 0; i < 3; i++) {
      fail503(chain.backend.expectOne('/api/orders'));
      chain.clock.advance(10_000);
    }
    expect(chain.reported.length).toBe(1);
    expect(chain.reported[0].error).toBe(call.error as NonNullable<typeof call.error>);
    expect(chain.reported[0].call.url).toBe('/api/orders');
  });

  it('does not report a 304, which answers a conditional GET, though the caller gets it as an error', () => {
    const call = collect(chain.http.get('/api/flags', { headers: { 'If-None-Match': '"7"' } }));
    chain.backend.expectOne('/api/flags').flush(null, { status: 304, statusText: 'Not Modified' });
    expect(call.error?.status).toBe(304);
    expect(chain.reported).toEqual([]);
  });
});
