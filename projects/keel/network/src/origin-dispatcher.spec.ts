import {
  HttpClient,
  HttpContext,
  HttpErrorResponse,
  HttpEventType,
  HttpHeaderResponse,
  HttpResponse,
  type HttpEvent,
  type HttpInterceptorFn,
  type HttpUserEvent,
  withInterceptors,
} from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  EMPTY,
  Observable,
  type Subscriber,
  catchError,
  concat,
  forkJoin,
  of,
  take,
  throwError,
} from 'rxjs';
import { ACCESS_TOKEN_SOURCE, type AccessTokenSource } from './access-token-source';
import { SKIP_AUTH } from './auth-interceptor';
import { DEADLINE } from './deadline-interceptor';
import { NETWORK_CLOCK } from './network-clock';
import type { NetworkLayerOptions } from './network-layer-options';
import { NETWORK_STATUS } from './network-status';
import {
  BACKGROUND,
  NETWORK_CALL_SINK,
  STREAMING,
  type NetworkCallRecord,
} from './observability-interceptor';
import { OriginDispatcher } from './origin-dispatcher';
import { OriginHealth } from './origin-health';
import { provideNetworkLayer } from './provide-network-layer';
import { RETRY } from './retry-interceptor';
import {
  FakeNetworkClock,
  FakeNetworkStatus,
  FakeTokenSource,
  collect,
  networkLayerTesting,
  type NetworkLayerTesting,
} from '@keel/network/testing';

describe('the dispatcher (through the chain)', () => {
  let layer: NetworkLayerTesting;
  let http: HttpClient;
  let backend: HttpTestingController;
  let records: NetworkCallRecord[];

  function setUp(options: NetworkLayerOptions = {}, tokens?: () => AccessTokenSource): void {
    layer = networkLayerTesting({ maxConcurrentPerOrigin: 2, ...options });
    records = [];
    TestBed.configureTestingModule({
      providers: [
        ...layer.providers,
        {
          provide: NETWORK_CALL_SINK,
          useValue: { record: (r: NetworkCallRecord) => records.push(r) },
        },
        ...(tokens ? [{ provide: ACCESS_TOKEN_SOURCE, useFactory: tokens }] : []),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  }

  afterEach(() => backend.verify());

  const inFlight = () => TestBed.inject(OriginDispatcher).snapshot()[0];

  describe('the limit per origin', () => {
    beforeEach(() => setUp());

    it('sends at most maxConcurrentPerOrigin attempts at once and the next when one settles', () => {
      const calls = ['/api/a', '/api/b', '/api/c'].map((url) => collect(http.get(url)));
      const [a, b] = [backend.expectOne('/api/a'), backend.expectOne('/api/b')];
      backend.expectNone('/api/c');
      expect(inFlight()).toEqual({ origin: location.origin, inFlight: 2, queued: 1 });
      a.flush({ a: 1 });
      backend.expectOne('/api/c').flush({ c: 1 });
      b.flush({ b: 1 });
      expect(calls.map((c) => c.value)).toEqual([{ a: 1 }, { b: 1 }, { c: 1 }]);
      expect(inFlight()).toEqual({ origin: location.origin, inFlight: 0, queued: 0 });
    });

    it('completes the call once its answer is in', () => {
      let completed = false;
      http.get('/api/a').subscribe({ complete: () => (completed = true) });
      backend.expectOne('/api/a').flush({});
      expect(completed).toBeTrue();
    });

    it('frees the slot when the headers of the answer are in, before its body is read', () => {
      collect(http.get('/api/a'));
      collect(http.get('/api/b'));
      const late = collect(http.get('/api/c'));
      const a = backend.expectOne('/api/a');
      expect(a.request.reportProgress).toBeTrue();
      a.event(new HttpHeaderResponse({ status: 200, url: '/api/a' }));
      backend.expectOne('/api/c').flush({ c: 1 });
      expect(late.value).toEqual({ c: 1 });
      a.flush({});
      backend.expectOne('/api/b').flush({});
    });

    it('keeps the slot of a STREAMING call while it is open, as the browser keeps its connection', () => {
      const stream = collect(
        http.get('/api/stream', {
          context: new HttpContext().set(STREAMING, true),
          responseType: 'text',
        }),
      );
      collect(http.get('/api/b'));
      const late = collect(http.get('/api/c'));
      const open = backend.expectOne('/api/stream');
      open.event(new HttpHeaderResponse({ status: 200, url: '/api/stream' }));
      backend.expectNone('/api/c');
      expect(inFlight()).toEqual({ origin: location.origin, inFlight: 2, queued: 1 });
      open.flush('event: flags\ndata: {"version":1}\n\n');
      expect(stream.value).toContain('event: flags');
      backend.expectOne('/api/c').flush({ c: 1 });
      expect(late.value).toEqual({ c: 1 });
      backend.expectOne('/api/b').flush({});
    });

    it('keeps the slot of a 401 until its error has been handed up', () => {
      collect(http.get('/api/a'));
      collect(http.get('/api/b'));
      collect(http.get('/api/c'));
      const a = backend.expectOne('/api/a');
      a.event(new HttpHeaderResponse({ status: 401, url: '/api/a' }));
      backend.expectNone('/api/c');
      a.flush(null, { status: 401, statusText: 'Unauthorized' });
      backend.expectOne('/api/c').flush({});
      backend.expectOne('/api/b').flush({});
    });

    it('hands progress events only to a caller that asked for them', () => {
      const seen = (reportProgress: boolean) => {
        const types: HttpEventType[] = [];
        http
          .get('/api/p', { observe: 'events', reportProgress })
          .subscribe((event: HttpEvent<unknown>) => types.push(event.type));
        const req = backend.expectOne('/api/p');
        req.event(new HttpHeaderResponse({ status: 200, url: '/api/p' }));
        req.event({ type: HttpEventType.DownloadProgress, loaded: 2 });
        req.flush({});
        return types;
      };
      expect(seen(false)).toEqual([HttpEventType.Sent, HttpEventType.Response]);
      expect(seen(true)).toEqual([
        HttpEventType.Sent,
        HttpEventType.ResponseHeader,
        HttpEventType.DownloadProgress,
        HttpEventType.Response,
      ]);
    });

    it('keeps a queue per origin: another origin is not held up', () => {
      collect(http.get('/api/a'));
      collect(http.get('/api/b'));
      const cdn = collect(http.get('https://cdn.example.com/x.json'));
      backend.expectOne('https://cdn.example.com/x.json').flush({ cdn: true });
      expect(cdn.value).toEqual({ cdn: true });
      backend.expectOne('/api/a').flush({});
      backend.expectOne('/api/b').flush({});
    });

    it('records the time a call waited in the queue as a queue wait, not as its attempt', () => {
      collect(http.get('/api/a'));
      collect(http.get('/api/b'));
      collect(http.get('/api/c'));
      layer.clock.advance(700);
      backend.expectOne('/api/a').flush({});
      backend.expectOne('/api/b').flush({});
      layer.clock.advance(50);
      backend.expectOne('/api/c').flush({});
      const c = records.find((r) => r.url === '/api/c');
      expect(c?.waits).toEqual([
        { kind: 'queue', startedAt: jasmine.any(Number), durationMs: 700 },
      ]);
      expect(c?.attempts.map((a) => a.durationMs)).toEqual([50]);
      expect(c?.durationMs).toBe(750);
    });
  });

  describe('the attempt clock', () => {
    beforeEach(() => setUp({ maxConcurrentPerOrigin: 1 }));

    it('starts the attempt timeout when the attempt is sent, not when the call is made', () => {
      collect(http.get('/api/slow'));
      const queued = collect(http.get('/api/queued'));
      layer.clock.advance(9000);
      backend.expectOne('/api/slow').flush({});
      const req = backend.expectOne('/api/queued');
      // Sent 9 s into its 30 s deadline: the full 10 s attempt timeout, from now.
      expect(layer.clock.requested.at(-1)).toBe(10_000);
      layer.clock.advance(9999);
      expect(req.cancelled).toBeFalse();
      req.flush({ ok: true });
      expect(queued.value).toEqual({ ok: true });
    });

    it('fails a call whose deadline passes in the queue as timeout, without sending it', () => {
      const health = TestBed.inject(OriginHealth);
      collect(http.get('/api/hang'));
      const queued = collect(
        http.get('/api/late', { context: new HttpContext().set(DEADLINE, 1000) }),
      );
      layer.clock.advance(1000);
      expect(queued.error?.kind).toBe('timeout');
      expect(queued.error?.attempts).toBe(0);
      expect(inFlight().queued).toBe(0);
      // Nothing was spent and the breaker heard nothing.
      expect(health.snapshot()[0]).toEqual({
        origin: location.origin,
        budgetTokens: 10,
        breaker: 'closed',
      });
      backend.expectOne('/api/hang').flush({});
      backend.expectNone('/api/late');
    });
  });

  describe('priorities and cancellation', () => {
    beforeEach(() => setUp({ maxConcurrentPerOrigin: 1 }));

    it('sends the refresh first, then user-visible calls, then background ones', () => {
      collect(http.get('/api/busy'));
      collect(http.get('/api/poll', { context: new HttpContext().set(BACKGROUND, true) }));
      collect(http.get('/api/visible'));
      const refresh = new HttpContext().set(SKIP_AUTH, true).set(RETRY, 'none');
      collect(http.post('/api/auth/refresh', null, { context: refresh }));
      const order: string[] = [];
      backend.expectOne('/api/busy').flush({});
      for (let i = 0; i < 3; i++) {
        const [next] = backend.match(() => true);
        order.push(next.request.url);
        next.flush({});
      }
      expect(order).toEqual(['/api/auth/refresh', '/api/visible', '/api/poll']);
    });

    it('lets a breaker probe out before the calls waiting for it', () => {
      const once = new HttpContext().set(RETRY, { maxAttempts: 1 });
      for (let i = 0; i < 10; i++) {
        collect(http.get(`/api/x${i}`, { context: once }));
        fail503(backend.expectOne(`/api/x${i}`));
      }
      layer.clock.advance(5000);
      collect(http.get('/api/busy', { context: new HttpContext().set(RETRY, 'none') }));
      collect(http.get('/api/probe'));
      expect(backend.match('/api/probe').length).toBe(0);
      backend.expectOne('/api/busy').flush({});
      backend.expectOne('/api/probe').flush({});
    });

    it('removes a cancelled call from the queue without sending it', () => {
      collect(http.get('/api/busy'));
      const queued = collect(http.get('/api/cancelled'));
      queued.subscription.unsubscribe();
      expect(inFlight().queued).toBe(0);
      backend.expectOne('/api/busy').flush({});
      backend.expectNone('/api/cancelled');
      const record = records.find((r) => r.url === '/api/cancelled');
      expect(record?.outcome).toBe('aborted');
      expect(record?.attempts).toEqual([]);
    });

    it('keeps the order of a long queue with cancelled calls in it, and loses none', () => {
      collect(http.get('/api/busy'));
      const calls = Array.from({ length: 700 }, (_, i) => collect(http.get(`/api/q/${i}`)));
      calls.forEach((call, i) => i % 3 === 0 && call.subscription.unsubscribe());
      backend.expectOne('/api/busy').flush({});
      const order: number[] = [];
      for (let i = 0; i < 700; i++) {
        const pending = backend.match(() => true);
        if (!pending.length) break;
        expect(pending.length).toBe(1);
        order.push(Number(pending[0].request.url.split('/').pop()));
        pending[0].flush({});
      }
      const expected = calls.map((_, i) => i).filter((i) => i % 3 !== 0);
      expect(order).toEqual(expected);
      expect(calls.filter((c) => c.value !== undefined).length).toBe(expected.length);
    });

    it('aborts an attempt its caller drops as soon as it is sent, and frees its slot', () => {
      collect(http.get('/api/busy'));
      http.get('/api/beacon', { observe: 'events' }).pipe(take(1)).subscribe();
      const next = collect(http.get('/api/next'));
      backend.expectOne('/api/busy').flush({});
      expect(backend.expectOne('/api/beacon').cancelled).toBeTrue();
      backend.expectOne('/api/next').flush({ ok: true });
      expect(next.value).toEqual({ ok: true });
    });

    it('sends the calls already waiting before one made in answer to a failure other than 401', () => {
      const logout = new HttpContext().set(SKIP_AUTH, true);
      // The failure's handler makes a call that would otherwise go first (an auth path).
      http
        .get('/api/failing', { context: new HttpContext().set(RETRY, 'none') })
        .pipe(catchError(() => http.post('/api/auth/logout', null, { context: logout })))
        .subscribe();
      collect(http.get('/api/waiting'));
      backend.expectOne('/api/failing').flush(null, { status: 404, statusText: 'Not Found' });
      const order: string[] = [];
      for (let i = 0; i < 2; i++) {
        const [next] = backend.match(() => true);
        order.push(next.request.url);
        next.flush({});
      }
      expect(order).toEqual(['/api/waiting', '/api/auth/logout']);
    });

    it('frees the slot of an attempt cancelled on the wire', () => {
      const first = collect(http.get('/api/first'));
      collect(http.get('/api/second'));
      first.subscription.unsubscribe();
      expect(backend.expectOne('/api/first').cancelled).toBeTrue();
      backend.expectOne('/api/second').flush({});
    });
  });

  describe('during a token refresh', () => {
    let source: FakeTokenSource;

    beforeEach(() =>
      setUp({ maxConcurrentPerOrigin: 1 }, () => (source = new FakeTokenSource('old'))),
    );

    it('holds queued calls and sends each once with the new token', () => {
      const calls = ['/api/a', '/api/b', '/api/c'].map((url) => collect(http.get(url)));
      const a = backend.expectOne('/api/a');
      expect(a.request.headers.get('Authorization')).toBe('Bearer old');
      a.flush(null, { status: 401, statusText: 'Unauthorized' });
      // The refresh runs: b and c stay in the queue instead of going out with the old token.
      expect(source.refreshes).toBe(1);
      backend.expectNone(() => true);
      source.finishRefresh('new');
      const order: string[] = [];
      for (let i = 0; i < 3; i++) {
        const [next] = backend.match(() => true);
        order.push(`${next.request.url} ${next.request.headers.get('Authorization')}`);
        next.flush({ ok: next.request.url });
      }
      // a's replay first (it was on the wire already), then b and c, each sent once.
      expect(order).toEqual(['/api/a Bearer new', '/api/b Bearer new', '/api/c Bearer new']);
      expect(calls.map((c) => c.value)).toEqual([
        { ok: '/api/a' },
        { ok: '/api/b' },
        { ok: '/api/c' },
      ]);
      expect(
        records.find((r) => r.url === '/api/a')?.attempts.map((x) => [x.status, x.replay]),
      ).toEqual([
        [401, false],
        [200, true],
      ]);
    });

    it("gives a 401's replay its own span in the call's trace", () => {
      collect(http.get('/api/a'));
      const first = backend.expectOne('/api/a');
      first.flush(null, { status: 401, statusText: 'Unauthorized' });
      source.finishRefresh('new');
      const replay = backend.expectOne('/api/a');
      replay.flush({});
      const [sent, replayed] = [first, replay].map((r) =>
        (r.request.headers.get('traceparent') ?? '').split('-'),
      );
      expect(replayed[1]).toBe(sent[1]);
      expect(replayed[2]).not.toBe(sent[2]);
      const record = records.find((r) => r.url === '/api/a');
      expect(record?.traceId).toBe(sent[1]);
      expect(record?.attempts.map((x) => x.spanId)).toEqual([sent[2], replayed[2]]);
    });

    it('releases held calls when the refresh fails, and they fail on their own answers', () => {
      const calls = ['/api/a', '/api/b'].map((url) => collect(http.get(url)));
      backend.expectOne('/api/a').flush(null, { status: 401, statusText: 'Unauthorized' });
      source.failRefresh();
      expect(calls[0].error?.kind).toBe('auth-expired');
      const b = backend.expectOne('/api/b');
      expect(b.request.headers.has('Authorization')).toBeFalse();
      b.flush(null, { status: 401, statusText: 'Unauthorized' });
      expect(calls[1].error?.kind).toBe('auth-expired');
    });

    it('never sends a held call its caller cancelled, and stops counting it', () => {
      const calls = ['/api/a', '/api/b', '/api/c'].map((url) => collect(http.get(url)));
      backend.expectOne('/api/a').flush(null, { status: 401, statusText: 'Unauthorized' });
      expect(inFlight()).toEqual({ origin: location.origin, inFlight: 0, queued: 2 });
      calls[1].subscription.unsubscribe();
      expect(inFlight().queued).toBe(1);
      source.finishRefresh('new');
      const sent: string[] = [];
      for (let i = 0; i < 3; i++) {
        const [next] = backend.match(() => true);
        if (!next) break;
        sent.push(next.request.url);
        next.flush({});
      }
      expect(sent).toEqual(['/api/a', '/api/c']);
      expect(inFlight()).toEqual({ origin: location.origin, inFlight: 0, queued: 0 });
    });

    it('holds a call to an auth path that carries the token as well, and sends it first', () => {
      collect(http.get('/api/a'));
      const session = collect(http.get('/api/auth/session'));
      backend.expectOne('/api/a').flush(null, { status: 401, statusText: 'Unauthorized' });
      backend.expectNone('/api/auth/session');
      source.finishRefresh('new');
      const order: string[] = [];
      for (let i = 0; i < 2; i++) {
        const [next] = backend.match(() => true);
        order.push(`${next.request.url} ${next.request.headers.get('Authorization')}`);
        next.flush({ ok: true });
      }
      expect(order).toEqual(['/api/auth/session Bearer new', '/api/a Bearer new']);
      expect(session.value).toEqual({ ok: true });
    });

    it('does not hold calls that carry no token', () => {
      collect(http.get('/api/a'));
      backend.expectOne('/api/a').flush(null, { status: 401, statusText: 'Unauthorized' });
      collect(http.get('https://cdn.example.com/x.json'));
      backend.expectOne('https://cdn.example.com/x.json').flush({});
      source.finishRefresh('new');
      backend.expectOne('/api/a').flush({});
    });
  });

  describe('with a source that hands out its refresh before a 401 and after it settled', () => {
    let finish: () => void;

    beforeEach(() => {
      const waiting: Subscriber<string>[] = [];
      let token = 'old';
      let settled = false;
      // Completes the subscribers it has when finished; one that comes later waits forever.
      const refresh = new Observable<string>((subscriber) => {
        if (!settled) waiting.push(subscriber);
      });
      finish = () => {
        token = 'new';
        settled = true;
        for (const subscriber of waiting) {
          subscriber.next(token);
          subscriber.complete();
        }
      };
      const source: AccessTokenSource = {
        current: () => token,
        refreshAfter: () => refresh,
        refreshInFlight: () => refresh,
      };
      setUp({ maxConcurrentPerOrigin: 2 }, () => source);
    });

    it('holds a call made with a free slot while the refresh runs, and sends it once settled', () => {
      const first = collect(http.get('/api/first'));
      backend.expectNone('/api/first');
      finish();
      const sent = backend.expectOne('/api/first');
      expect(sent.request.headers.get('Authorization')).toBe('Bearer new');
      sent.flush({ ok: 1 });
      expect(first.value).toEqual({ ok: 1 });
      // The source still hands out the refresh that has settled: nothing waits for it again.
      const later = collect(http.get('/api/later'));
      backend.expectOne('/api/later').flush({ ok: 2 });
      expect(later.value).toEqual({ ok: 2 });
    });
  });

  describe('with a stage inside the layer that answers at once (a mock, a cache)', () => {
    /** Answers /at-once/ calls itself, synchronously; adds a User event to /with-user-event. */
    const answersAtOnce: HttpInterceptorFn = (req, next) => {
      const { url } = req;
      if (url.endsWith('/at-once/fail'))
        return throwError(() => new HttpErrorResponse({ status: 404, url }));
      if (url.endsWith('/at-once/nothing')) return EMPTY;
      if (url.includes('/at-once/')) return of(new HttpResponse({ status: 200, body: url, url }));
      if (url.endsWith('/with-user-event')) {
        const event: HttpUserEvent<unknown> = { type: HttpEventType.User };
        return concat(of(event), next(req));
      }
      return next(req);
    };

    beforeEach(() => {
      TestBed.configureTestingModule({
        providers: [
          provideNetworkLayer({ maxConcurrentPerOrigin: 1 }, withInterceptors([answersAtOnce])),
          provideHttpClientTesting(),
          { provide: NETWORK_CLOCK, useValue: new FakeNetworkClock() },
          { provide: NETWORK_STATUS, useValue: new FakeNetworkStatus() },
        ],
      });
      http = TestBed.inject(HttpClient);
      backend = TestBed.inject(HttpTestingController);
    });

    it('sends a long queue of such calls one after another, without recursing', () => {
      collect(http.get('/api/busy'));
      const calls = Array.from({ length: 1000 }, (_, i) =>
        collect(http.get(`/api/at-once/${i}`, { responseType: 'text' })),
      );
      backend.expectOne('/api/busy').flush({});
      expect(calls.filter((c, i) => c.value === `/api/at-once/${i}`).length).toBe(1000);
      expect(inFlight()).toEqual({ origin: location.origin, inFlight: 0, queued: 0 });
    });

    it('puts a call made while the queue is being sent behind the calls already waiting', () => {
      collect(http.get('/api/busy'));
      // Sent when busy is answered, fails at once, and its handler makes a new call right then.
      const failing = http.get('/api/at-once/fail', {
        context: new HttpContext().set(RETRY, 'none'),
      });
      collect(failing.pipe(catchError(() => http.get('/api/made-then'))));
      collect(http.get('/api/waiting'));
      backend.expectOne('/api/busy').flush({});
      const order: string[] = [];
      for (let i = 0; i < 2; i++) {
        const pending = backend.match(() => true);
        expect(pending.length).toBe(1);
        order.push(pending[0].request.url);
        pending[0].flush({});
      }
      expect(order).toEqual(['/api/waiting', '/api/made-then']);
    });

    it('fills a slot another origin frees while a call is being sent', () => {
      collect(http.get('/api/busy'));
      // The call answered at once with a failure ends the call joined to it, on another origin.
      const joined = collect(
        forkJoin([http.get('/api/at-once/fail'), http.get('https://cdn.example.com/first')]),
      );
      const next = collect(http.get('https://cdn.example.com/next'));
      const first = backend.expectOne('https://cdn.example.com/first');
      backend.expectOne('/api/busy').flush({});
      expect(joined.error?.kind).toBe('not-found');
      expect(first.cancelled).toBeTrue();
      backend.expectOne('https://cdn.example.com/next').flush({ ok: true });
      expect(next.value).toEqual({ ok: true });
    });

    it('frees the slot of an attempt that ends without an answer, and completes the call', () => {
      let completed = false;
      http.get('/api/at-once/nothing').subscribe({ complete: () => (completed = true) });
      expect(completed).toBeTrue();
      const next = collect(http.get('/api/next'));
      backend.expectOne('/api/next').flush({ ok: true });
      expect(next.value).toEqual({ ok: true });
    });

    it('hands the caller the events a stage inside adds (HttpEventType.User)', () => {
      const types: HttpEventType[] = [];
      http
        .get('/api/with-user-event', { observe: 'events' })
        .subscribe((event: HttpEvent<unknown>) => types.push(event.type));
      backend.expectOne('/api/with-user-event').flush({});
      expect(types).toEqual([HttpEventType.User, HttpEventType.Sent, HttpEventType.Response]);
    });
  });
});

function fail503(req: TestRequest): void {
  req.flush(
    { type: '/problems/503', title: 'Unavailable', status: 503 },
    { status: 503, statusText: 'Service Unavailable' },
  );
}
