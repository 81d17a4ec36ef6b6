import { HttpContext, HttpHeaders, HttpRequest } from '@angular/common/http';
import { planOf } from './call-plan';
import { DEADLINE } from './deadline-interceptor';
import { STREAMING } from './observability-interceptor';
import { collect } from '@keel/network/testing';
import {
  type ChainTestBed,
  chainTestBed,
  problem,
  withNgDevMode,
} from '../spec-support/chain-test-bed';

describe('planOf', () => {
  const unplanned = new HttpRequest('GET', '/api/orders');

  it('throws in dev mode for a request without a plan, naming the stage and the fixes', () => {
    expect(() => planOf(unplanned, 'retry')).toThrowError(
      /The retry interceptor got a request without a call plan/,
    );
    let message = '';
    try {
      planOf(unplanned, 'retry');
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain('Use provideNetworkLayer() (networkLayerTesting() in tests)');
    expect(message).toContain('NETWORK_INTERCEPTORS in their order');
    expect(message).toContain('with the error mapper outermost, where the plan is made');
  });

  it('throws when ngDevMode was never defined, as Angular counts that as dev mode', () => {
    withNgDevMode(undefined, () =>
      expect(() => planOf(unplanned, 'auth')).toThrowError(/The auth interceptor got a request/),
    );
  });

  it('in production, finds no plan (null) and lets the stage step aside', () => {
    withNgDevMode(false, () => expect(planOf(unplanned, 'retry')).toBeNull());
  });
});

describe('the call plan, through the chain', () => {
  let chain: ChainTestBed;
  afterEach(() => chain.backend.verify());

  it('shows a header sent with several values as one comma-separated value', () => {
    chain = chainTestBed();
    collect(
      chain.http.get('/api/orders', { headers: { Accept: ['application/json', 'text/plain'] } }),
    );
    chain.backend.expectOne('/api/orders').flush({});
    expect(chain.records[0].attempts[0].headers?.['Accept']).toBe('application/json, text/plain');
  });

  it("replaces a caller's header that has the name of one of Keel's, whatever its case", () => {
    chain = chainTestBed();
    const headers = new HttpHeaders({ 'x-request-id': 'mine', 'X-Custom': 'kept' });
    collect(chain.http.get('/api/orders', { headers }));
    const sent = chain.backend.expectOne('/api/orders');
    sent.flush({});
    expect(sent.request.headers.getAll('X-Request-Id')).toEqual([chain.records[0].requestId]);
    expect(sent.request.headers.get('X-Custom')).toBe('kept');
    expect(sent.request.headers.get('X-Attempt')).toBe('1');
  });

  it('keeps every header the caller set, even one named __proto__', () => {
    chain = chainTestBed();
    const headers = new HttpHeaders().set('__proto__', 'odd').set('X-Custom', 'kept');
    collect(chain.http.get('/api/orders', { headers }));
    const sent = chain.backend.expectOne('/api/orders');
    sent.flush({});
    expect(sent.request.headers.get('__proto__')).toBe('odd');
    expect(sent.request.headers.get('X-Custom')).toBe('kept');
  });

  it("leaves the caller's context as it was: the layer's defaults are not written into it", () => {
    chain = chainTestBed();
    const context = new HttpContext();
    collect(chain.http.get('/api/orders', { context }));
    chain.backend.expectOne('/api/orders').flush({});
    expect([...context.keys()]).toEqual([]);
  });

  it('records a call that carries no token as first trips, not replays', () => {
    chain = chainTestBed();
    collect(chain.http.get('https://cdn.example.com/x.json'));
    chain.backend.expectOne('https://cdn.example.com/x.json').flush({});
    expect(chain.records[0].attempts.map((a) => a.replay)).toEqual([false]);
  });

  it('gives an attempt no more than the time left before the deadline', () => {
    chain = chainTestBed();
    collect(chain.http.get('/api/orders', { context: new HttpContext().set(DEADLINE, 4000) }));
    // The deadline, then the attempt timeout: min(10 s, 4 s left).
    expect(chain.clock.requested).toEqual([4000, 4000]);
    chain.clock.advance(4000);
    expect(chain.backend.expectOne('/api/orders').cancelled).toBeTrue();
  });

  it('fails at once as rate-limited when Retry-After would outlast the deadline', () => {
    chain = chainTestBed();
    const call = collect(
      chain.http.get('/api/orders', { context: new HttpContext().set(DEADLINE, 5000) }),
    );
    chain.clock.advance(2000);
    chain.backend.expectOne('/api/orders').flush(problem(429), {
      status: 429,
      statusText: 'Too Many Requests',
      headers: { 'Retry-After': '4' },
    });
    expect(call.error?.kind).toBe('rate-limited');
    expect(call.error?.retryAfterMs).toBe(4000);
  });

  it('queues a stream behind the user-visible calls, even those made after it', () => {
    chain = chainTestBed({ maxConcurrentPerOrigin: 1 });
    collect(chain.http.get('/api/first'));
    collect(
      chain.http.get('/api/stream', {
        context: new HttpContext().set(STREAMING, true),
        responseType: 'text',
      }),
    );
    collect(chain.http.get('/api/visible'));
    chain.backend.expectOne('/api/first').flush({});
    chain.backend.expectNone('/api/stream');
    chain.backend.expectOne('/api/visible').flush({});
    chain.backend.expectOne('/api/stream').flush('');
  });
});
