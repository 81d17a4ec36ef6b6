import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import type { Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { ApiVersionSignals } from './api-version-signals';
import { AppError } from './app-error';

import { attemptTimeoutInterceptor } from './attempt-timeout-interceptor';
import { ACCESS_TOKEN_SOURCE } from './access-token-source';
import { authInterceptor } from './auth-interceptor';
import { DEADLINE } from './deadline-interceptor';
import { dispatchInterceptor } from './dispatch-interceptor';
import { NETWORK_ERROR_REPORTER, type ReportedCall } from './error-mapper-interceptor';
import { type NetworkLayerOptions, SENTRY_TRACE_TARGET } from './network-layer-options';
import {
  BACKGROUND,
  STREAMING,
  NETWORK_CALL_SINK,
  NetworkActivity,
  type NetworkCallRecord,
} from './observability-interceptor';
import { IDEMPOTENCY_KEY, RETRY, retryInterceptor } from './retry-interceptor';
import {
  FakeTokenSource,
  collect,
  networkLayerTesting,
  type NetworkLayerTesting,
} from '@keel/network/testing';
import { SECRET_HEADERS } from './secret-names';
import { countUrlParses } from '../spec-support/count-url-parses';

describe('the network layer chain', () => {
  let layer: NetworkLayerTesting;
  let http: HttpClient;
  let backend: HttpTestingController;
  let records: NetworkCallRecord[];
  let reported: ReportedCall[];

  function setUp(options: NetworkLayerOptions = {}, extra: Provider[] = []): void {
    layer = networkLayerTesting(options);
    records = [];
    reported = [];
    TestBed.configureTestingModule({
      providers: [
        ...layer.providers,
        {
          provide: NETWORK_CALL_SINK,
          useValue: { record: (r: NetworkCallRecord) => records.push(r) },
        },
        {
          provide: NETWORK_ERROR_REPORTER,
          useValue: { report: (_: unknown, call: ReportedCall) => reported.push(call) },
        },
        ...extra,
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  }

  beforeEach(() => (backend = undefined as unknown as HttpTestingController));
  afterEach(() => backend?.verify());

  describe('sentry-trace', () => {
    it("carries the call's own trace and each attempt's span, only where the target says", () => {
      const asked: string[] = [];
      setUp({ apiOrigins: ['https://api.example.com'] }, [
        {
          provide: SENTRY_TRACE_TARGET,
          useValue: (origin: string, path: string) => {
            asked.push(`${origin}${path}`);
            return path.startsWith('/api/');
          },
        },
      ]);
      collect(http.get('https://api.example.com/api/orders'));
      const first = backend.expectOne('https://api.example.com/api/orders');
      fail503(first);
      layer.clock.advance(10_000);
      const second = backend.expectOne('https://api.example.com/api/orders');
      second.flush({});
      for (const attempt of [first, second]) {
        const [, trace, span] = (attempt.request.headers.get('traceparent') ?? '').split('-');
        // No sampling flag: the backend decides.
        expect(attempt.request.headers.get('sentry-trace')).toBe(`${trace}-${span}`);
      }
      expect(asked).toEqual([
        'https://api.example.com/api/orders',
        'https://api.example.com/api/orders',
      ]);

      collect(http.get('https://api.example.com/health'));
      const other = backend.expectOne('https://api.example.com/health');
      expect(other.request.headers.has('traceparent')).toBeTrue();
      expect(other.request.headers.has('sentry-trace')).toBeFalse();
      other.flush({});
      // Off the allow-list the target is not even asked.
      collect(http.get('https://cdn.example.com/api/x.json'));
      const cdn = backend.expectOne('https://cdn.example.com/api/x.json');
      expect(cdn.request.headers.has('sentry-trace')).toBeFalse();
      cdn.flush({});
      expect(asked.length).toBe(3);
    });
  });

  describe('order', () => {
    // What each place in NETWORK_INTERCEPTORS is for, observed through the real chain rather
    // than read off the constant: a call whose first attempt gets a 503 and whose second a 401,
    // replayed after a refresh. Moving any stage breaks one of these expectations.
    let source: FakeTokenSource;
    beforeEach(() => {
      source = new FakeTokenSource('old');
      layer = networkLayerTesting({ appVersion: '1.2.3' });
      records = [];
      TestBed.configureTestingModule({
        providers: [
          ...layer.providers,
          { provide: ACCESS_TOKEN_SOURCE, useValue: source },
          {
            provide: NETWORK_CALL_SINK,
            useValue: { record: (r: NetworkCallRecord) => records.push(r) },
          },
        ],
      });
      http = TestBed.inject(HttpClient);
      backend = TestBed.inject(HttpTestingController);
    });

    it('acts as error mapper, observability, correlation, deadline, retry, auth, version, dispatcher, attempt timeout, outermost first', () => {
      const call = collect(
        http.get('/api/orders', { context: new HttpContext().set(DEADLINE, 60_000) }),
      );
      const first = backend.expectOne('/api/orders');
      fail503(first);
      layer.clock.advance(150); // the backoff
      const second = backend.expectOne('/api/orders');
      second.flush(null, { status: 401, statusText: 'Unauthorized' });
      source.finishRefresh('new');
      const replay = backend.expectOne('/api/orders');
      replay.flush({ items: [] });
      const sent = [first, second, replay].map((r) => r.request.headers);

      // correlation outside retry: one id on every trip; retry outside auth: the replay is part
      // of attempt 2, not an attempt 3 (and not retried into a second refresh).
      expect(new Set(sent.map((h) => h.get('X-Request-Id'))).size).toBe(1);
      expect(sent.map((h) => h.get('X-Attempt'))).toEqual(['1', '2', '2']);
      // auth inside retry, read when the dispatcher sends: each trip carries the current token.
      expect(sent.map((h) => h.get('Authorization'))).toEqual([
        'Bearer old',
        'Bearer old',
        'Bearer new',
      ]);
      // version on every trip, below retry and auth.
      expect(sent.map((h) => h.get('X-App-Version'))).toEqual(['1.2.3', '1.2.3', '1.2.3']);
      // observability outside retry: one record of the logical call with all three trips, and
      // deadline outside retry: the backoff is a wait of the call.
      expect(records.length).toBe(1);
      expect(records[0].attempts.map((a) => [a.n, a.status, a.replay])).toEqual([
        [1, 503, false],
        [2, 401, false],
        [2, 200, true],
      ]);
      expect(records[0].waits.map((w) => w.kind)).toContain('backoff');
      expect(call.value).toEqual({ items: [] });
    });

    it('maps what leaves the chain to an AppError outermost: observability records the mapped kind', () => {
      const call = collect(http.get('/api/orders/x'));
      backend.expectOne('/api/orders/x').flush(null, { status: 404, statusText: 'Not Found' });
      expect(call.error).toEqual(jasmine.any(AppError));
      expect(call.error?.kind).toBe('not-found');
      expect(records[0].errorKind).toBe('not-found');
    });

    it('starts the attempt timeout when the dispatcher sends, not when the call is made', () => {
      layer = networkLayerTesting({ maxConcurrentPerOrigin: 1, attemptTimeoutMs: 1_000 });
      TestBed.resetTestingModule();
      TestBed.configureTestingModule({ providers: layer.providers });
      http = TestBed.inject(HttpClient);
      backend = TestBed.inject(HttpTestingController);
      collect(http.get('/api/a'));
      const queued = collect(http.get('/api/b'));
      layer.clock.advance(900);
      backend.expectOne('/api/a').flush({});
      layer.clock.advance(900); // 1,800 ms after the call, 900 ms after its dispatch
      backend.expectOne('/api/b').flush({ ok: true });
      expect(queued.value).toEqual({ ok: true });
    });
  });

  describe('wiring', () => {
    for (const [name, interceptor] of [
      ['retry', retryInterceptor],
      ['auth', authInterceptor],
      ['dispatch', dispatchInterceptor],
      ['attempt timeout', attemptTimeoutInterceptor],
    ] as const) {
      it(`throws in dev mode, naming the fix, when the ${name} stage runs without the error mapper`, () => {
        TestBed.configureTestingModule({
          providers: [
            provideHttpClient(withInterceptors([interceptor])),
            provideHttpClientTesting(),
          ],
        });
        let error: unknown;
        TestBed.inject(HttpClient)
          .get('/api/orders')
          .subscribe({ error: (e: unknown) => (error = e) });
        expect(String(error)).toContain(
          `The ${name} interceptor got a request without a call plan`,
        );
        expect(String(error)).toContain('Use provideNetworkLayer()');
        TestBed.inject(HttpTestingController).expectNone('/api/orders');
      });
    }
  });

  describe('the call plan', () => {
    beforeEach(() => setUp({ apiOrigins: ['https://api.example.com'] }));

    it('parses the URL of a call once, however many stages and attempts it has', () => {
      // The layer's own setup (the allow-list as a set) parses once per injector, at the first call.
      collect(http.get('/api/warm-up'));
      backend.expectOne('/api/warm-up').flush({});
      const parses = countUrlParses(() => {
        collect(http.get('https://api.example.com/v1/orders?page=2'));
        fail503(backend.expectOne('https://api.example.com/v1/orders?page=2'));
        layer.clock.advance(150);
        backend.expectOne('https://api.example.com/v1/orders?page=2').flush({});
      });
      expect(parses).toBe(1);
    });
  });

  describe('headers', () => {
    beforeEach(() => setUp({ appVersion: '1.2.3', platform: 'web' }));

    it('sends one X-Request-Id on every attempt of a call, with X-Attempt counting up', () => {
      const call = collect(http.get('/api/orders'));
      const first = backend.expectOne('/api/orders');
      fail503(first);
      layer.clock.advance(10_000);
      const second = backend.expectOne('/api/orders');
      second.flush({ items: [] });
      const id = first.request.headers.get('X-Request-Id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(second.request.headers.get('X-Request-Id')).toBe(id);
      expect([first, second].map((r) => r.request.headers.get('X-Attempt'))).toEqual(['1', '2']);
      expect(call.value).toEqual({ items: [] });
    });

    it('gives each logical call its own X-Request-Id', () => {
      collect(http.get('/api/a'));
      collect(http.get('/api/b'));
      const a = backend.expectOne('/api/a');
      const b = backend.expectOne('/api/b');
      expect(a.request.headers.get('X-Request-Id')).not.toBe(b.request.headers.get('X-Request-Id'));
      a.flush({});
      b.flush({});
    });

    it('sends a W3C traceparent: one trace per call, the request id, a new span per attempt', () => {
      const call = collect(http.get('/api/orders'));
      const first = backend.expectOne('/api/orders');
      fail503(first);
      layer.clock.advance(10_000);
      const second = backend.expectOne('/api/orders');
      second.flush({ items: [] });
      const [a, b] = [first, second].map((r) => r.request.headers.get('traceparent') ?? '');
      for (const header of [a, b]) expect(header).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      const id = first.request.headers.get('X-Request-Id') ?? '';
      expect(a.split('-')[1]).toBe(id.replace(/-/g, ''));
      // Retries are siblings: the same trace, each attempt its own span.
      expect(b.split('-')[1]).toBe(a.split('-')[1]);
      expect(b.split('-')[2]).not.toBe(a.split('-')[2]);
      expect(call.value).toEqual({ items: [] });
    });

    it('sends no sentry-trace unless SENTRY_TRACE_TARGET asks for one', () => {
      collect(http.get('/api/orders'));
      const req = backend.expectOne('/api/orders');
      expect(req.request.headers.has('sentry-trace')).toBeFalse();
      req.flush({});
    });

    it("gives each logical call its own trace, and a failed call's AppError names it", () => {
      collect(http.get('/api/a'));
      const failed = collect(http.get('/api/b'));
      const a = backend.expectOne('/api/a');
      const b = backend.expectOne('/api/b');
      const traceOf = (r: typeof a) => (r.request.headers.get('traceparent') ?? '').split('-')[1];
      expect(traceOf(a)).not.toBe(traceOf(b));
      a.flush({});
      b.flush(null, { status: 404, statusText: 'Not Found' });
      expect(failed.error?.traceId).toBe(traceOf(b));
      // The reporter (Sentry) hears the trace and the span of the attempt that failed.
      expect(reported).toEqual([
        {
          method: 'GET',
          url: '/api/b',
          trace: {
            traceId: traceOf(b),
            spanId: (b.request.headers.get('traceparent') ?? '').split('-')[2],
          },
        },
      ]);
    });

    it("reads a successful answer's X-Flags-Version and the first Deprecation notice, Sunset and Link with it", () => {
      const versions = TestBed.inject(ApiVersionSignals);
      collect(http.get('/api/orders'));
      backend.expectOne('/api/orders').flush(
        {},
        {
          headers: {
            'X-Flags-Version': '7',
            Deprecation: '@1767225600',
            Sunset: 'Wed, 01 Jul 2026 00:00:00 GMT',
            Link: '<https://example.com/v2>; rel="deprecation"',
          },
        },
      );
      expect(versions.flagsVersion()).toBe(7);
      expect(versions.deprecation()).toEqual({
        deprecatedAt: 1_767_225_600_000,
        sunsetAt: Date.parse('Wed, 01 Jul 2026 00:00:00 GMT'),
        link: 'https://example.com/v2',
      });
      // A later notice does not replace the first; a later version still moves the flags on.
      collect(http.get('/api/orders'));
      backend
        .expectOne('/api/orders')
        .flush({}, { headers: { 'X-Flags-Version': '8', Deprecation: '@1', Sunset: 'x' } });
      expect(versions.flagsVersion()).toBe(8);
      expect(versions.deprecation()?.link).toBe('https://example.com/v2');
      // Off the allow-list nothing is read.
      collect(http.get('https://cdn.example.com/x.json'));
      backend
        .expectOne('https://cdn.example.com/x.json')
        .flush({}, { headers: { 'X-Flags-Version': '99' } });
      expect(versions.flagsVersion()).toBe(8);
    });

    it('says X-App-Version and X-Platform on every attempt', () => {
      collect(http.get('/api/orders'));
      const first = backend.expectOne('/api/orders');
      fail503(first);
      layer.clock.advance(10_000);
      const second = backend.expectOne('/api/orders');
      second.flush({});
      for (const req of [first, second]) {
        expect(req.request.headers.get('X-App-Version')).toBe('1.2.3');
        expect(req.request.headers.get('X-Platform')).toBe('web');
      }
    });

    it('sends no Keel headers to an origin outside the allow-list', () => {
      collect(http.get('https://cdn.example.com/x.json'));
      const req = backend.expectOne('https://cdn.example.com/x.json');
      for (const name of [
        'X-Request-Id',
        'X-App-Version',
        'X-Platform',
        'X-Attempt',
        'traceparent',
      ])
        expect(req.request.headers.has(name)).withContext(name).toBeFalse();
      req.flush({});
      expect(records[0].traceId).toBeUndefined();
      expect(records[0].attempts[0].spanId).toBeUndefined();
    });

    it('keeps an Idempotency-Key the caller set as a header, on every attempt', () => {
      collect(http.post('/api/orders', {}, { headers: { 'Idempotency-Key': 'form-7' } }));
      const first = backend.expectOne('/api/orders');
      fail503(first);
      layer.clock.advance(10_000);
      const second = backend.expectOne('/api/orders');
      second.flush({}, { status: 201, statusText: 'Created' });
      expect([first, second].map((r) => r.request.headers.getAll('Idempotency-Key'))).toEqual([
        ['form-7'],
        ['form-7'],
      ]);
    });
  });

  describe('retry', () => {
    beforeEach(() => setUp());

    it('retries a 503 GET after full-jitter backoffs asked of the clock', () => {
      const call = collect(http.get('/api/orders'));
      fail503(backend.expectOne('/api/orders'));
      expect(layer.clock.requested).toContain(150); // random 0.5 × min(5000, 300 · 2^0)
      layer.clock.advance(149);
      backend.expectNone('/api/orders');
      layer.clock.advance(1);
      fail503(backend.expectOne('/api/orders'));
      expect(layer.clock.requested).toContain(300); // 0.5 × 600
      layer.clock.advance(300);
      backend.expectOne('/api/orders').flush({ ok: true });
      expect(call.value).toEqual({ ok: true });
    });

    it('gives up after 3 attempts with the last error as an AppError', () => {
      const call = collect(http.get('/api/orders'));
      for (let i = 0; i < 3; i++) {
        fail503(backend.expectOne('/api/orders'));
        layer.clock.advance(10_000);
      }
      expect(call.error?.kind).toBe('server');
      expect(call.error?.attempts).toBe(3);
      expect(call.error?.status).toBe(503);
    });

    it('never retries a POST without an idempotency key', () => {
      const call = collect(http.post('/api/orders', { a: 1 }));
      fail503(backend.expectOne('/api/orders'));
      layer.clock.advance(10_000);
      backend.expectNone('/api/orders');
      expect(call.error?.kind).toBe('server');
      expect(call.error?.attempts).toBe(1);
    });

    it('retries a POST that asks for an idempotency key, with the same key on every attempt', () => {
      const context = new HttpContext().set(IDEMPOTENCY_KEY, 'auto');
      collect(http.post('/api/orders', { a: 1 }, { context }));
      const first = backend.expectOne('/api/orders');
      fail503(first);
      layer.clock.advance(10_000);
      const second = backend.expectOne('/api/orders');
      second.flush({ id: '1' }, { status: 201, statusText: 'Created' });
      const key = first.request.headers.get('Idempotency-Key');
      expect(key).toMatch(/^[0-9a-f-]{36}$/);
      expect(second.request.headers.get('Idempotency-Key')).toBe(key);
    });

    it('retries a GET whose 200 body could not be parsed, and returns the next answer', () => {
      const call = collect(http.get('/api/orders'));
      backend
        .expectOne('/api/orders')
        .error(new ProgressEvent('error'), { status: 200, statusText: 'OK' });
      expect(layer.clock.requested).toContain(150);
      layer.clock.advance(150);
      backend.expectOne('/api/orders').flush({ items: [] });
      expect(call.value).toEqual({ items: [] });
      expect(records[0].attempts.map((a) => a.errorKind ?? a.status)).toEqual(['parse', 200]);
    });

    it('asks again, with the same key, when a keyed POST got an unreadable 201', () => {
      const context = new HttpContext().set(IDEMPOTENCY_KEY, 'auto');
      const call = collect(http.post('/api/orders', {}, { context }));
      const first = backend.expectOne('/api/orders');
      first.error(new ProgressEvent('error'), { status: 201, statusText: 'Created' });
      layer.clock.advance(150);
      const second = backend.expectOne('/api/orders');
      expect(second.request.headers.get('Idempotency-Key')).toBe(
        first.request.headers.get('Idempotency-Key'),
      );
      second.flush({ id: 'ord_1' }, { status: 201, statusText: 'Created' });
      expect(call.value).toEqual({ id: 'ord_1' });
    });

    it('does not repeat an unkeyed POST for an unreadable answer', () => {
      const call = collect(http.post('/api/orders', {}));
      backend
        .expectOne('/api/orders')
        .error(new ProgressEvent('error'), { status: 201, statusText: 'Created' });
      layer.clock.advance(10_000);
      backend.expectNone('/api/orders');
      expect(call.error?.kind).toBe('parse');
    });

    it('does not retry a 4xx such as 404', () => {
      const call = collect(http.get('/api/orders/9'));
      backend
        .expectOne('/api/orders/9')
        .flush(problem(404), { status: 404, statusText: 'Not Found' });
      layer.clock.advance(10_000);
      backend.expectNone('/api/orders/9');
      expect(call.error?.kind).toBe('not-found');
    });

    it('waits exactly the Retry-After seconds, without jitter', () => {
      const call = collect(http.get('/api/orders'));
      backend.expectOne('/api/orders').flush(problem(429), {
        status: 429,
        statusText: 'Too Many',
        headers: { 'Retry-After': '2' },
      });
      expect(layer.clock.requested).toContain(2000);
      layer.clock.advance(1999);
      backend.expectNone('/api/orders');
      layer.clock.advance(1);
      backend.expectOne('/api/orders').flush([]);
      expect(call.value).toEqual([]);
    });

    it('fails at once as rate-limited when Retry-After is past the cap', () => {
      const call = collect(http.get('/api/orders'));
      backend.expectOne('/api/orders').flush(problem(503), {
        status: 503,
        statusText: 'Busy',
        headers: { 'Retry-After': '120' },
      });
      expect(call.error?.kind).toBe('rate-limited');
      expect(call.error?.retryAfterMs).toBe(120_000);
      expect(call.error?.attempts).toBe(1);
    });

    it('keeps RETRY none calls outside an open breaker (the refresh and dev controls must get through)', () => {
      for (let i = 0; i < 10; i++) {
        collect(
          http.get(`/api/x${i}`, { context: new HttpContext().set(RETRY, { maxAttempts: 1 }) }),
        );
        fail503(backend.expectOne(`/api/x${i}`));
      }
      const control = collect(
        http.get('/api/_dev/chaos', { context: new HttpContext().set(RETRY, 'none') }),
      );
      backend.expectOne('/api/_dev/chaos').flush({});
      expect(control.value).toEqual({});
    });

    it('retries nothing once the RETRY context says none', () => {
      const call = collect(
        http.get('/api/orders', { context: new HttpContext().set(RETRY, 'none') }),
      );
      fail503(backend.expectOne('/api/orders'));
      layer.clock.advance(10_000);
      backend.expectNone('/api/orders');
      expect(call.error?.attempts).toBe(1);
    });

    it('stops retrying once the origin budget is spent, so an outage costs about 1× the calls', () => {
      let sent = 0;
      for (let call = 0; call < 10; call++) {
        collect(http.get(`/api/c${call}`));
        for (;;) {
          const pending = backend.match(() => true);
          if (pending.length === 0) break;
          sent += pending.length;
          pending.forEach(fail503);
          layer.clock.advance(10_000);
        }
      }
      // 10 calls, 5 retries from a full budget, then none; the breaker opens after 10 failures.
      expect(sent).toBeLessThanOrEqual(15);
    });

    it('opens the breaker after ≥ 50 % failures over 10 calls, fails fast, then lets one probe through', () => {
      for (let i = 0; i < 10; i++) {
        collect(
          http.get(`/api/x${i}`, { context: new HttpContext().set(RETRY, { maxAttempts: 1 }) }),
        );
        fail503(backend.expectOne(`/api/x${i}`));
      }
      const fast = collect(http.get('/api/y'));
      backend.expectNone('/api/y');
      expect(fast.error?.kind).toBe('circuit-open');

      layer.clock.advance(5000);
      const probe = collect(http.get('/api/probe'));
      const second = collect(http.get('/api/second'));
      backend.expectNone('/api/second');
      expect(second.error?.kind).toBe('circuit-open');
      backend.expectOne('/api/probe').flush({});
      expect(probe.value).toEqual({});
      collect(http.get('/api/after'));
      backend.expectOne('/api/after').flush({});
    });

    it('fails fast as offline while the browser is offline', () => {
      layer.network.goOffline();
      const call = collect(http.get('/api/orders'));
      backend.expectNone('/api/orders');
      expect(call.error?.kind).toBe('offline');
      expect(call.error?.retryable).toBeTrue();
    });

    it('pauses a pending retry while offline and resumes it on online', () => {
      const call = collect(http.get('/api/orders'));
      fail503(backend.expectOne('/api/orders'));
      layer.network.goOffline();
      layer.clock.advance(1000);
      backend.expectNone('/api/orders');
      layer.network.goOnline();
      backend.expectOne('/api/orders').flush({ back: true });
      expect(call.value).toEqual({ back: true });
    });

    it('aborts a pending retry when the caller unsubscribes', () => {
      const call = collect(http.get('/api/orders'));
      fail503(backend.expectOne('/api/orders'));
      expect(layer.clock.pendingCount).toBeGreaterThan(0);
      call.subscription.unsubscribe();
      expect(layer.clock.pendingCount).toBe(0);
      layer.clock.advance(10_000);
      backend.expectNone('/api/orders');
      expect(records.at(-1)?.outcome).toBe('aborted');
    });

    it('holds the deadline across attempts and fails as timeout', () => {
      const call = collect(
        http.get('/api/orders', { context: new HttpContext().set(DEADLINE, 1000) }),
      );
      fail503(backend.expectOne('/api/orders'));
      layer.clock.advance(150);
      const second = backend.expectOne('/api/orders');
      layer.clock.advance(850);
      expect(second.cancelled).toBeTrue();
      expect(call.error?.kind).toBe('timeout');
      expect(call.error?.attempts).toBe(2);
    });

    it('gives each attempt min(attempt timeout, time left) and retries a timed-out GET', () => {
      const call = collect(http.get('/api/orders'));
      const first = backend.expectOne('/api/orders');
      expect(layer.clock.requested).toEqual([30_000, 10_000]);
      layer.clock.advance(10_000);
      expect(first.cancelled).toBeTrue();
      layer.clock.advance(300);
      backend.expectOne('/api/orders').flush({});
      expect(call.value).toEqual({});
    });

    it('does not retry a timed-out POST even with a key: the server may still be writing', () => {
      const call = collect(
        http.post('/api/orders', {}, { context: new HttpContext().set(IDEMPOTENCY_KEY, 'k-1') }),
      );
      backend.expectOne('/api/orders');
      layer.clock.advance(10_000);
      layer.clock.advance(10_000);
      backend.expectNone('/api/orders');
      expect(call.error?.kind).toBe('timeout');
    });

    it('stops every retry once the API answered 426', () => {
      const call = collect(http.get('/api/orders'));
      backend
        .expectOne('/api/orders')
        .flush(
          { ...problem(426), minVersion: '2.0.0' },
          { status: 426, statusText: 'Upgrade Required' },
        );
      expect(call.error?.kind).toBe('upgrade-required');
      expect(call.error?.minVersion).toBe('2.0.0');
      expect(TestBed.inject(ApiVersionSignals).upgradeRequired()).toEqual({ minVersion: '2.0.0' });
      const later = collect(http.get('/api/other'));
      fail503(backend.expectOne('/api/other'));
      layer.clock.advance(10_000);
      backend.expectNone('/api/other');
      expect(later.error?.attempts).toBe(1);
    });
  });

  describe('STREAMING', () => {
    beforeEach(() => setUp());
    const streaming = () => ({ context: new HttpContext().set(STREAMING, true) });

    it('has no attempt timeout and no deadline: it stays open as long as the server sends', () => {
      const stream = collect(
        http.get('/api/flags/stream', { ...streaming(), responseType: 'text' }),
      );
      layer.clock.advance(10 * 60_000);
      expect(layer.clock.requested).toEqual([]);
      const req = backend.expectOne('/api/flags/stream');
      expect(req.cancelled).toBeFalse();
      expect(req.request.headers.has('X-Request-Id')).toBeTrue();
      req.flush('event: flags\ndata: 2\n\n');
      expect(stream.value).toBe('event: flags\ndata: 2\n\n');
      expect(records[0].outcome).toBe('ok');
    });

    it('is never retried, spends no budget and tells the breaker nothing', () => {
      for (let i = 0; i < 20; i++) {
        const stream = collect(http.get(`/api/s${i}`, streaming()));
        fail503(backend.expectOne(`/api/s${i}`));
        layer.clock.advance(10_000);
        backend.expectNone(`/api/s${i}`);
        expect(stream.error?.attempts).toBe(1);
      }
      // Twenty failed streams later an ordinary call still goes out and is retried from a
      // full budget: the breaker stayed closed and the budget untouched.
      const call = collect(http.get('/api/orders'));
      fail503(backend.expectOne('/api/orders'));
      layer.clock.advance(10_000);
      backend.expectOne('/api/orders').flush({});
      expect(call.value).toEqual({});
    });
  });

  describe('observability', () => {
    beforeEach(() => setUp());

    it('records one call with every attempt and the backoff wait', () => {
      collect(http.get('/api/orders?token=secret&page=2'));
      fail503(backend.expectOne('/api/orders?token=secret&page=2'));
      layer.clock.advance(150);
      backend.expectOne('/api/orders?token=secret&page=2').flush({});
      expect(records.length).toBe(1);
      const [record] = records;
      expect(record.url).toBe('/api/orders?token=[redacted]&page=2');
      expect(record.outcome).toBe('ok');
      expect(record.status).toBe(200);
      expect(record.attempts.map((a) => a.status)).toEqual([503, 200]);
      expect(record.attempts[0].errorKind).toBe('server');
      expect(record.waits).toEqual([
        { kind: 'backoff', startedAt: jasmine.any(Number), durationMs: 150 },
      ]);
    });

    it('shows each attempt with the headers it sent, every secret one redacted', () => {
      const headers: Record<string, string> = { Accept: 'application/json' };
      for (const name of SECRET_HEADERS) headers[name] = `value-of-${name}`;
      collect(http.get('/api/orders', { headers }));
      backend.expectOne('/api/orders').flush({});
      const sent = records[0].attempts[0].headers ?? {};
      for (const name of SECRET_HEADERS) expect(sent[name]).withContext(name).toBe('[redacted]');
      expect(sent['Accept']).toBe('application/json');
      expect(sent['X-Attempt']).toBe('1');
    });

    it('records a 304 answer to a conditional GET as ok, not as a failure', () => {
      const call = collect(http.get('/api/flags', { headers: { 'If-None-Match': '"1-a"' } }));
      backend.expectOne('/api/flags').flush(null, { status: 304, statusText: 'Not Modified' });
      expect(call.error?.status).toBe(304);
      expect(records[0].outcome).toBe('ok');
      expect(records[0].status).toBe(304);
    });

    it('records a failed call with its error kind', () => {
      collect(http.get('/api/orders/1'));
      backend
        .expectOne('/api/orders/1')
        .flush(problem(404), { status: 404, statusText: 'Not Found' });
      expect(records[0].outcome).toBe('error');
      expect(records[0].errorKind).toBe('not-found');
    });

    it('counts user-visible calls in flight, not background or streaming ones', () => {
      const activity = TestBed.inject(NetworkActivity);
      collect(http.get('/api/stream', { context: new HttpContext().set(STREAMING, true) }));
      expect(activity.busy()).toBeFalse();
      backend.expectOne('/api/stream').flush('');
    });

    it('counts user-visible calls in flight, not background ones', () => {
      const activity = TestBed.inject(NetworkActivity);
      collect(http.get('/api/flags', { context: new HttpContext().set(BACKGROUND, true) }));
      expect(activity.visibleInFlight()).toBe(0);
      collect(http.get('/api/orders'));
      expect(activity.busy()).toBeTrue();
      backend.expectOne('/api/orders').flush({});
      backend.expectOne('/api/flags').flush({});
      expect(activity.visibleInFlight()).toBe(0);
    });
  });
});

function problem(status: number): Record<string, unknown> {
  return { type: `/problems/${status}`, title: `Status ${status}`, status };
}

function fail503(req: TestRequest): void {
  req.flush(problem(503), { status: 503, statusText: 'Service Unavailable' });
}
