import { HttpClient, HttpContext } from '@angular/common/http';
import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { SKIP_AUTH } from '@keel/network';
import {
  collect,
  networkLayerTesting,
  settle,
  type NetworkLayerTesting,
} from '@keel/network/testing';
import { AuthApi } from './auth-api';
import { provideSession } from './provide-session';
import { REFRESH_LOCK } from './refresh-lock';
import { RefreshCoordinator } from './refresh-coordinator';
import { SessionService } from './session-service';
import { SessionStore } from './session-store';
import { USER, unauthorized } from '../spec-support/session-fakes';

describe('token refresh', () => {
  let layer: NetworkLayerTesting;
  let http: HttpClient;
  let backend: HttpTestingController;
  let store: InstanceType<typeof SessionStore>;
  let lockRuns: number;
  /** When set, the browser refuses the refresh lock with it. */
  let lockRefusal: unknown;
  let navigations: unknown[][];

  beforeEach(() => {
    layer = networkLayerTesting();
    lockRuns = 0;
    lockRefusal = undefined;
    navigations = [];
    TestBed.configureTestingModule({
      providers: [
        ...layer.providers,
        provideSession(),
        provideRouter([]),
        {
          provide: REFRESH_LOCK,
          useValue: <T>(task: () => Promise<T>) => {
            if (lockRefusal) return Promise.reject(lockRefusal);
            lockRuns++;
            return task();
          },
        },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(SessionStore);
    const router = TestBed.inject(Router);
    spyOn(router, 'navigate').and.callFake((commands: unknown[], extras?: unknown) => {
      navigations.push([commands, extras]);
      return Promise.resolve(true);
    });
    store.signedIn(USER, 'old-token', 120_000, layer.clock.now());
  });

  afterEach(() => backend.verify());

  it('sends the current token as a Bearer header', () => {
    collect(http.get('/api/orders'));
    const req = backend.expectOne('/api/orders');
    expect(req.request.headers.get('Authorization')).toBe('Bearer old-token');
    req.flush({});
  });

  for (const [name, url] of [
    ['another host', 'https://evil.example/api/orders'],
    ['another port', `${location.protocol}//${location.hostname}:1/api/orders`],
    [
      'another scheme',
      `${location.protocol === 'https:' ? 'http:' : 'https:'}//${location.host}/api/orders`,
    ],
    ['a protocol-relative URL', '//evil.example/api/orders'],
  ]) {
    it(`never sends the token to ${name}`, () => {
      collect(http.get(url));
      const req = backend.expectOne(() => true);
      expect(req.request.headers.has('Authorization')).toBeFalse();
      req.flush({});
    });
  }

  it('answers N concurrent 401s with exactly one refresh and N replays carrying the new token', async () => {
    const calls = [1, 2, 3, 4, 5].map((i) => collect(http.get(`/api/item/${i}`)));
    for (let i = 1; i <= 5; i++) unauthorized(backend.expectOne(`/api/item/${i}`));
    await settle();
    backend.expectOne('/api/auth/refresh').flush({ accessToken: 'new-token', expiresIn: 120 });
    await settle();
    for (let i = 1; i <= 5; i++) {
      const replay = backend.expectOne(`/api/item/${i}`);
      expect(replay.request.headers.get('Authorization')).toBe('Bearer new-token');
      replay.flush({ i });
    }
    expect(calls.map((c) => c.value)).toEqual([1, 2, 3, 4, 5].map((i) => ({ i })));
    expect(store.accessToken()).toBe('new-token');
    expect(lockRuns).toBe(1);
  });

  it('makes a 401 that arrives while the refresh runs wait for that refresh', async () => {
    const early = collect(http.get('/api/a'));
    const late = collect(http.get('/api/b'));
    unauthorized(backend.expectOne('/api/a'));
    await settle();
    const refresh = backend.expectOne('/api/auth/refresh');
    unauthorized(backend.expectOne('/api/b'));
    await settle();
    backend.expectNone('/api/auth/refresh');
    refresh.flush({ accessToken: 'new-token', expiresIn: 120 });
    await settle();
    backend.expectOne('/api/a').flush('a');
    backend.expectOne('/api/b').flush('b');
    expect([early.value, late.value]).toEqual(['a', 'b']);
  });

  it('replays without refreshing when another refresh already replaced the failed token', async () => {
    store.tokenRefreshed('newer-token', 120_000, layer.clock.now());
    const call = collect(http.get('/api/a', { headers: {} }));
    const first = backend.expectOne('/api/a');
    expect(first.request.headers.get('Authorization')).toBe('Bearer newer-token');
    // Simulate a request that carried the old token: ask the coordinator directly.
    const coordinator = TestBed.inject(RefreshCoordinator);
    const replayToken = collect(coordinator.refreshAfter('old-token'));
    expect(replayToken.value).toBe('newer-token');
    first.flush({});
    await settle();
    backend.expectNone('/api/auth/refresh');
    expect(call.value).toEqual({});
  });

  it('settles every queued call as auth-expired and signs out once when the refresh gets 401', async () => {
    const calls = [1, 2, 3].map((i) => collect(http.get(`/api/item/${i}`)));
    for (let i = 1; i <= 3; i++) unauthorized(backend.expectOne(`/api/item/${i}`));
    await settle();
    const signedOut = spyOn(store, 'signedOut').and.callThrough();
    backend
      .expectOne('/api/auth/refresh')
      .flush(
        { type: '/problems/invalid-refresh-token', title: 'Invalid', status: 401 },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle();
    expect(calls.map((c) => c.error?.kind)).toEqual([
      'auth-expired',
      'auth-expired',
      'auth-expired',
    ]);
    expect(signedOut).toHaveBeenCalledTimes(1);
    expect(store.status()).toBe('signed-out');
    expect(navigations).toEqual([[['/sign-in'], { queryParams: { reason: 'expired' } }]]);
  });

  it('does not refresh again for a late 401 once the session has ended', async () => {
    store.signedOut();
    const call = collect(http.get('/api/late'));
    unauthorized(backend.expectOne('/api/late'));
    await settle();
    backend.expectNone('/api/auth/refresh');
    expect(call.error?.kind).toBe('auth-expired');
    expect(navigations).toEqual([]);
    expect(lockRuns).toBe(0);
  });

  it('treats a refresh answered 400 as the end of the session too', async () => {
    const call = collect(http.get('/api/a'));
    unauthorized(backend.expectOne('/api/a'));
    await settle();
    backend
      .expectOne('/api/auth/refresh')
      .flush(
        { type: '/problems/validation', title: 'Bad', status: 400 },
        { status: 400, statusText: 'Bad' },
      );
    await settle();
    expect(call.error?.kind).toBe('auth-expired');
  });

  it('fails queued calls as transient and keeps the session when the refresh gets 503', async () => {
    const calls = [1, 2].map((i) => collect(http.get(`/api/item/${i}`)));
    for (let i = 1; i <= 2; i++) unauthorized(backend.expectOne(`/api/item/${i}`));
    await settle();
    backend
      .expectOne('/api/auth/refresh')
      .flush(
        { type: '/problems/chaos', title: 'Down', status: 503 },
        { status: 503, statusText: 'Down' },
      );
    await settle();
    expect(calls.map((c) => c.error?.kind)).toEqual(['server', 'server']);
    expect(calls.every((c) => c.error?.retryable)).toBeTrue();
    expect(store.status()).toBe('signed-in');
    expect(store.accessToken()).toBe('old-token');
    expect(navigations).toEqual([]);
  });

  it('fails queued calls as network errors and keeps the session when the refresh cannot reach the server', async () => {
    const call = collect(http.get('/api/a'));
    unauthorized(backend.expectOne('/api/a'));
    await settle();
    backend.expectOne('/api/auth/refresh').error(new ProgressEvent('error'));
    await settle();
    expect(call.error?.kind).toBe('network');
    expect(store.isSignedIn()).toBeTrue();
  });

  it('never starts a refresh for a 401 from login', async () => {
    const api = TestBed.inject(AuthApi);
    const login = collect(api.login('demo@keel.dev', 'wrong'));
    const req = backend.expectOne('/api/auth/login');
    expect(req.request.headers.has('Authorization')).toBeFalse();
    unauthorized(req);
    await settle();
    backend.expectNone('/api/auth/refresh');
    expect(login.error?.kind).toBe('unauthorized');
  });

  it('never refreshes for an auth endpoint even without SKIP_AUTH', async () => {
    const logout = collect(http.post('/api/auth/logout', null));
    unauthorized(backend.expectOne('/api/auth/logout'));
    await settle();
    backend.expectNone('/api/auth/refresh');
    expect(logout.error?.kind).toBe('unauthorized');
  });

  it('does not refresh again when the replay gets 401 too (no loop)', async () => {
    const call = collect(http.get('/api/a'));
    unauthorized(backend.expectOne('/api/a'));
    await settle();
    backend.expectOne('/api/auth/refresh').flush({ accessToken: 'new-token', expiresIn: 120 });
    await settle();
    unauthorized(backend.expectOne('/api/a'));
    await settle();
    backend.expectNone('/api/auth/refresh');
    expect(call.error?.kind).toBe('unauthorized');
  });

  it('finishes the refresh even when the call that started it unsubscribes', async () => {
    const first = collect(http.get('/api/a'));
    unauthorized(backend.expectOne('/api/a'));
    await settle();
    const refresh = backend.expectOne('/api/auth/refresh');
    first.subscription.unsubscribe();
    expect(refresh.cancelled).toBeFalse();
    refresh.flush({ accessToken: 'new-token', expiresIn: 120 });
    await settle();
    expect(store.accessToken()).toBe('new-token');
  });

  it('sends the refresh through HttpClient with XSRF-able POST, no token and no retries', async () => {
    collect(http.get('/api/a'));
    unauthorized(backend.expectOne('/api/a'));
    await settle();
    const refresh = backend.expectOne('/api/auth/refresh');
    expect(refresh.request.method).toBe('POST');
    expect(refresh.request.headers.has('Authorization')).toBeFalse();
    expect(refresh.request.headers.get('X-App-Version')).toBeTruthy();
    refresh.flush(
      { type: '/problems/chaos', title: 'Down', status: 503 },
      { status: 503, statusText: 'Down' },
    );
    await settle();
    backend.expectNone('/api/auth/refresh');
  });

  it('refreshes proactively 30 s before a 120 s token expires', async () => {
    TestBed.inject(SessionService);
    TestBed.tick();
    expect(layer.clock.requested).toContain(90_000);
    layer.clock.advance(90_000);
    await settle();
    backend.expectOne('/api/auth/refresh').flush({ accessToken: 'fresh', expiresIn: 120 });
    await settle();
    expect(store.accessToken()).toBe('fresh');
  });

  it('hands whoever asked for the refresh the new token, and keeps its expiry', async () => {
    const asked = collect(TestBed.inject(RefreshCoordinator).refreshAfter('old-token'));
    await settle();
    backend.expectOne('/api/auth/refresh').flush({ accessToken: 'new-token', expiresIn: 90 });
    await settle();
    expect(asked.value).toBe('new-token');
    expect(store.expiresAt()).toBe(layer.clock.now() + 90_000);
  });

  it('refreshes again when the refreshed token is refused in turn, long after', async () => {
    const first = collect(http.get('/api/a'));
    unauthorized(backend.expectOne('/api/a'));
    await settle();
    backend.expectOne('/api/auth/refresh').flush({ accessToken: 'new-token', expiresIn: 120 });
    await settle();
    backend.expectOne('/api/a').flush('a');
    expect(first.value).toBe('a');
    layer.clock.advance(200_000);
    const second = collect(http.get('/api/b'));
    unauthorized(backend.expectOne('/api/b'));
    await settle();
    backend.expectOne('/api/auth/refresh').flush({ accessToken: 'newest', expiresIn: 120 });
    await settle();
    const replay = backend.expectOne('/api/b');
    expect(replay.request.headers.get('Authorization')).toBe('Bearer newest');
    replay.flush('b');
    expect(second.value).toBe('b');
    expect(lockRuns).toBe(2);
  });

  it('makes a 401 that comes after the first caller gave up join the refresh still on the wire', async () => {
    const first = collect(http.get('/api/a'));
    const second = collect(http.get('/api/b'));
    unauthorized(backend.expectOne('/api/a'));
    await settle();
    const refresh = backend.expectOne('/api/auth/refresh');
    first.subscription.unsubscribe();
    unauthorized(backend.expectOne('/api/b'));
    await settle();
    backend.expectNone('/api/auth/refresh');
    refresh.flush({ accessToken: 'new-token', expiresIn: 120 });
    await settle();
    const replay = backend.expectOne('/api/b');
    expect(replay.request.headers.get('Authorization')).toBe('Bearer new-token');
    replay.flush('b');
    expect(second.value).toBe('b');
    expect(lockRuns).toBe(1);
  });

  it('lets calls go out at once with the still-good token while a proactive refresh runs', async () => {
    TestBed.inject(SessionService);
    TestBed.tick();
    layer.clock.advance(90_000);
    await settle();
    const proactive = backend.expectOne('/api/auth/refresh');
    const call = collect(http.get('/api/orders'));
    await settle();
    const req = backend.expectOne('/api/orders');
    expect(req.request.headers.get('Authorization')).toBe('Bearer old-token');
    req.flush(['o1']);
    expect(call.value).toEqual(['o1']);
    proactive.flush({ accessToken: 'fresh', expiresIn: 120 });
    await settle();
  });

  for (const [outcome, answer] of [
    ['succeeded', (req: TestRequest) => req.flush({ accessToken: 'new-token', expiresIn: 120 })],
    ['failed', (req: TestRequest) => req.flush(null, { status: 503, statusText: 'Down' })],
  ] as const) {
    it(`holds no call back during a proactive refresh after a refresh for a refused token ${outcome}`, async () => {
      TestBed.inject(SessionService);
      TestBed.tick();
      collect(http.get('/api/a'));
      unauthorized(backend.expectOne('/api/a'));
      await settle();
      answer(backend.expectOne('/api/auth/refresh'));
      await settle();
      backend.match('/api/a').forEach((replay) => replay.flush('a'));
      TestBed.tick();
      layer.clock.advance(90_000);
      await settle();
      const proactive = backend.expectOne('/api/auth/refresh');
      const call = collect(http.get('/api/b'));
      await settle();
      backend.expectOne('/api/b').flush('b');
      expect(call.value).toBe('b');
      proactive.flush({ accessToken: 'fresh', expiresIn: 120 });
      await settle();
    });
  }

  it('fails waiting calls as network errors and keeps the session when the browser refuses the refresh lock', async () => {
    lockRefusal = new DOMException('The request is not allowed.', 'NotAllowedError');
    const call = collect(http.get('/api/a'));
    unauthorized(backend.expectOne('/api/a'));
    await settle();
    backend.expectNone('/api/auth/refresh');
    expect(call.error?.kind).toBe('network');
    expect(call.error?.cause).toBe(lockRefusal);
    expect(store.accessToken()).toBe('old-token');
    expect(navigations).toEqual([]);
  });

  it('leaves SKIP_AUTH calls without a token', () => {
    collect(http.get('/api/public', { context: new HttpContext().set(SKIP_AUTH, true) }));
    const req = backend.expectOne('/api/public');
    expect(req.request.headers.has('Authorization')).toBeFalse();
    req.flush({});
  });
});

describe('a refresh storm through the dispatcher', () => {
  it('costs one refresh, and only the calls already on the wire go out twice', async () => {
    const layer = networkLayerTesting({ maxConcurrentPerOrigin: 3 });
    TestBed.configureTestingModule({
      providers: [
        ...layer.providers,
        provideSession(),
        provideRouter([]),
        { provide: REFRESH_LOCK, useValue: <T>(task: () => Promise<T>) => task() },
      ],
    });
    const http = TestBed.inject(HttpClient);
    const backend = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).signedIn(USER, 'old-token', 120_000, layer.clock.now());
    const calls = Array.from({ length: 30 }, (_, i) => collect(http.get(`/api/item/${i}`)));
    const trips = new Map<string, string[]>();
    let refreshes = 0;
    for (let round = 0; round < 100; round++) {
      await settle();
      const pending = backend.match(() => true);
      if (!pending.length) break;
      expect(pending.length).toBeLessThanOrEqual(3);
      for (const req of pending) {
        if (req.request.url === '/api/auth/refresh') {
          refreshes++;
          req.flush({ accessToken: 'new-token', expiresIn: 120 });
          continue;
        }
        const auth = req.request.headers.get('Authorization') ?? '';
        trips.set(req.request.url, [...(trips.get(req.request.url) ?? []), auth]);
        if (auth === 'Bearer old-token') unauthorized(req);
        else req.flush({ ok: true });
      }
    }
    expect(refreshes).toBe(1);
    expect(calls.every((c) => c.value !== undefined)).toBeTrue();
    const twice = [...trips.values()].filter((t) => t.length > 1);
    // The 3 on the wire when the first 401 came back; every other call waited and went once.
    expect(twice.length).toBe(3);
    expect(
      twice.every((t) => t[0] === 'Bearer old-token' && t[1] === 'Bearer new-token'),
    ).toBeTrue();
    expect([...trips.values()].filter((t) => t.length === 1).length).toBe(27);
    backend.verify();
  });
});
