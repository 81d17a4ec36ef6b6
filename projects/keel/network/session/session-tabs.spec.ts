import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import {
  collect,
  networkLayerTesting,
  settle,
  type NetworkLayerTesting,
} from '@keel/network/testing';
import { provideSession } from './provide-session';
import { REFRESH_LOCK } from './refresh-lock';
import { REMOTE_REFRESH_WAIT_MS, RefreshCoordinator } from './refresh-coordinator';
import { SESSION_CHANNEL, type SessionMessage, isSessionMessage } from './session-channel';
import { SessionService } from './session-service';
import { SessionStore } from './session-store';
import { FakeChannel, FakeLock, USER, unauthorized } from '../spec-support/session-fakes';

describe('one session across tabs', () => {
  let layer: NetworkLayerTesting;
  let http: HttpClient;
  let backend: HttpTestingController;
  let store: InstanceType<typeof SessionStore>;
  let channel: FakeChannel;
  let lock: FakeLock;
  let router: Router;

  beforeEach(async () => {
    layer = networkLayerTesting();
    channel = new FakeChannel();
    lock = new FakeLock();
    TestBed.configureTestingModule({
      providers: [
        ...layer.providers,
        provideSession(),
        provideRouter([
          { path: 'sign-in', children: [] },
          { path: 'orders', children: [] },
          { path: 'orders/:id', children: [] },
          { path: 'dashboard', children: [] },
        ]),
        { provide: REFRESH_LOCK, useValue: lock.run },
        { provide: SESSION_CHANNEL, useValue: channel },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(SessionStore);
    router = TestBed.inject(Router);
    // provideSession starts the coordinator with the app: it listens before any call.
    TestBed.inject(RefreshCoordinator);
    store.signedIn(USER, 'old-token', 120_000, layer.clock.now());
    await router.navigateByUrl('/orders/7');
  });

  afterEach(() => backend.verify());

  const token = (accessToken: string, inMs = 120_000): SessionMessage => ({
    type: 'token',
    accessToken,
    expiresAt: layer.clock.now() + inMs,
  });

  it('adopts the token another tab refreshed, with its expiry, and sends it on the next call', () => {
    channel.deliver(token('other-tab-token', 60_000));
    expect(store.accessToken()).toBe('other-tab-token');
    expect(store.expiresAt()).toBe(layer.clock.now() + 60_000);
    collect(http.get('/api/orders'));
    const req = backend.expectOne('/api/orders');
    expect(req.request.headers.get('Authorization')).toBe('Bearer other-tab-token');
    req.flush([]);
  });

  it('ignores a token that has already expired', () => {
    channel.deliver(token('stale', -1));
    channel.deliver(token('expiring-now', 0));
    expect(store.accessToken()).toBe('old-token');
  });

  it('ignores a token another tab refreshed once this tab has signed out', () => {
    store.signedOut();
    channel.deliver(token('other-tab-token'));
    expect(store.accessToken()).toBeNull();
    expect(store.status()).toBe('signed-out');
  });

  it('does not wait for a tab whose announced refresh already failed', async () => {
    channel.deliver({ type: 'refreshing' });
    channel.deliver({ type: 'refresh-failed' });
    collect(http.get('/api/orders'));
    unauthorized(backend.expectOne('/api/orders'));
    await settle();
    expect(layer.clock.requested).not.toContain(REMOTE_REFRESH_WAIT_MS);
    backend.expectOne('/api/auth/refresh').flush({ accessToken: 'mine', expiresIn: 120 });
    await settle();
    backend.expectOne('/api/orders').flush([]);
  });

  it('stops waiting and refreshes itself as soon as the announcing tab says its refresh failed', async () => {
    channel.deliver({ type: 'refreshing' });
    const call = collect(http.get('/api/orders'));
    unauthorized(backend.expectOne('/api/orders'));
    await settle();
    backend.expectNone('/api/auth/refresh');
    channel.deliver({ type: 'refresh-failed' });
    await settle();
    backend.expectOne('/api/auth/refresh').flush({ accessToken: 'mine', expiresIn: 120 });
    await settle();
    backend.expectOne('/api/orders').flush(['o1']);
    expect(call.value).toEqual(['o1']);
  });

  it('makes a 401 that comes while another tab refreshes wait for that tab: one refresh for both', async () => {
    lock.hold();
    channel.deliver({ type: 'refreshing' });
    const call = collect(http.get('/api/orders'));
    unauthorized(backend.expectOne('/api/orders'));
    await settle();
    backend.expectNone('/api/auth/refresh');
    channel.deliver(token('other-tab-token'));
    lock.release();
    await settle();
    backend.expectNone('/api/auth/refresh');
    const replay = backend.expectOne('/api/orders');
    expect(replay.request.headers.get('Authorization')).toBe('Bearer other-tab-token');
    replay.flush(['o1']);
    expect(call.value).toEqual(['o1']);
    expect(channel.posted).toEqual([]);
  });

  it('refreshes itself when the tab that announced a refresh closed without a result', async () => {
    channel.deliver({ type: 'refreshing' });
    const call = collect(http.get('/api/orders'));
    unauthorized(backend.expectOne('/api/orders'));
    await settle();
    // The lock came free (the closed tab released it) but no token came: wait, bounded.
    backend.expectNone('/api/auth/refresh');
    expect(layer.clock.requested).toContain(REMOTE_REFRESH_WAIT_MS);
    layer.clock.advance(REMOTE_REFRESH_WAIT_MS);
    await settle();
    backend.expectOne('/api/auth/refresh').flush({ accessToken: 'mine', expiresIn: 120 });
    await settle();
    backend.expectOne('/api/orders').flush(['o1']);
    expect(call.value).toEqual(['o1']);
    expect(channel.posted.map((m) => m.type)).toEqual(['refreshing', 'token']);
    // Waited out once: the next refused token is refreshed at once.
    layer.clock.advance(200_000);
    const later = collect(http.get('/api/orders'));
    unauthorized(backend.expectOne('/api/orders'));
    await settle();
    backend.expectOne('/api/auth/refresh').flush({ accessToken: 'mine-again', expiresIn: 120 });
    await settle();
    backend.expectOne('/api/orders').flush(['o2']);
    expect(later.value).toEqual(['o2']);
  });

  it("announces its own refresh and posts the new token with its expiry before the lock's release", async () => {
    collect(http.get('/api/orders'));
    unauthorized(backend.expectOne('/api/orders'));
    await settle();
    expect(channel.posted).toEqual([{ type: 'refreshing' }]);
    backend.expectOne('/api/auth/refresh').flush({ accessToken: 'new-token', expiresIn: 90 });
    await settle();
    expect(channel.posted[1]).toEqual({
      type: 'token',
      accessToken: 'new-token',
      expiresAt: layer.clock.now() + 90_000,
    });
    expect(store.expiresAt()).toBe(layer.clock.now() + 90_000);
    backend.expectOne('/api/orders').flush([]);
    expect(lock.grants).toBe(1);
  });

  it('tells the other tabs a failed refresh so they stop waiting, and keeps the session', async () => {
    const call = collect(http.get('/api/orders'));
    unauthorized(backend.expectOne('/api/orders'));
    await settle();
    backend
      .expectOne('/api/auth/refresh')
      .flush(null, { status: 503, statusText: 'Service Unavailable' });
    await settle();
    expect(call.error?.kind).toBe('server');
    expect(channel.posted.map((m) => m.type)).toEqual(['refreshing', 'refresh-failed']);
    expect(store.isSignedIn()).toBeTrue();
  });

  it('signs out when another tab signs out: tokens dropped, sign-in page saying so, calls fail without a refresh', async () => {
    const pending = collect(http.get('/api/orders'));
    channel.deliver({ type: 'signed-out', reason: 'signed-out' });
    expect(store.status()).toBe('signed-out');
    expect(store.accessToken()).toBeNull();
    await waitForUrl('/sign-in?reason=signed-out&returnUrl=%2Forders%2F7');
    // The call that was on the wire is refused by the server: no refresh is tried.
    unauthorized(backend.expectOne('/api/orders'));
    await settle();
    backend.expectNone('/api/auth/refresh');
    expect(pending.error?.kind).toBe('auth-expired');
  });

  it('drops the token its refresh brings back when another tab signed out while it was on the wire', async () => {
    const call = collect(http.get('/api/orders'));
    unauthorized(backend.expectOne('/api/orders'));
    await settle();
    const refresh = backend.expectOne('/api/auth/refresh');
    channel.deliver({ type: 'signed-out', reason: 'signed-out' });
    refresh.flush({ accessToken: 'fresh', expiresIn: 120 });
    await settle();
    expect(store.status()).toBe('signed-out');
    expect(store.accessToken()).toBeNull();
    expect(call.error?.kind).toBe('auth-expired');
    expect(channel.posted.map((m) => m.type)).toEqual(['refreshing']);
    // Nothing this tab sends from now on carries the token the refresh brought back.
    const next = collect(http.get('/api/customers'));
    const sent = backend.expectOne('/api/customers');
    expect(sent.request.headers.has('Authorization')).toBeFalse();
    unauthorized(sent);
    await settle();
    backend.expectNone('/api/auth/refresh');
    expect(next.error?.kind).toBe('auth-expired');
  });

  it('ends the session once when the end is heard twice', async () => {
    const signedOut = spyOn(store, 'signedOut').and.callThrough();
    const navigate = spyOn(router, 'navigate').and.callThrough();
    channel.deliver({ type: 'signed-out', reason: 'expired' });
    channel.deliver({ type: 'signed-out', reason: 'expired' });
    await settle();
    expect(signedOut).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledTimes(1);
    await waitForUrl('/sign-in?reason=expired&returnUrl=%2Forders%2F7');
  });

  it('tells the other tabs when its refresh is refused, once, as an expired session', async () => {
    const calls = [1, 2].map((i) => collect(http.get(`/api/item/${i}`)));
    for (const i of [1, 2]) unauthorized(backend.expectOne(`/api/item/${i}`));
    await settle();
    backend
      .expectOne('/api/auth/refresh')
      .flush(
        { type: '/problems/invalid-refresh-token', title: 'Invalid', status: 401 },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle();
    expect(calls.map((c) => c.error?.kind)).toEqual(['auth-expired', 'auth-expired']);
    expect(channel.posted).toEqual([
      { type: 'refreshing' },
      { type: 'signed-out', reason: 'expired' },
    ]);
  });

  it('tells the other tabs only that the session ended when its refresh is refused with 400', async () => {
    const call = collect(http.get('/api/orders'));
    unauthorized(backend.expectOne('/api/orders'));
    await settle();
    backend
      .expectOne('/api/auth/refresh')
      .flush({ title: 'Bad', status: 400 }, { status: 400, statusText: 'Bad Request' });
    await settle();
    expect(call.error?.kind).toBe('auth-expired');
    expect(channel.posted).toEqual([
      { type: 'refreshing' },
      { type: 'signed-out', reason: 'expired' },
    ]);
  });

  it('fails a late 401 at once once the session has ended, without waiting for the lock another tab holds', async () => {
    store.signedOut();
    lock.hold();
    const call = collect(http.get('/api/orders'));
    unauthorized(backend.expectOne('/api/orders'));
    await settle();
    expect(call.error?.kind).toBe('auth-expired');
    expect(lock.grants).toBe(0);
    lock.release();
  });

  it('ends the session on the sign-in page without leaving it, so its return URL stays', async () => {
    await router.navigateByUrl('/sign-in?returnUrl=%2Forders%2F3');
    const navigate = spyOn(router, 'navigate').and.callThrough();
    channel.deliver({ type: 'signed-out', reason: 'expired' });
    for (let i = 0; i < 5; i++) await settle();
    expect(store.status()).toBe('signed-out');
    expect(navigate).not.toHaveBeenCalled();
    expect(router.url).toBe('/sign-in?returnUrl=%2Forders%2F3');
  });

  it('fails a call waiting for the lock as auth-expired, without a refresh, when another tab ends the session', async () => {
    lock.hold();
    const call = collect(http.get('/api/orders'));
    unauthorized(backend.expectOne('/api/orders'));
    await settle();
    channel.deliver({ type: 'signed-out', reason: 'signed-out' });
    lock.release();
    await settle();
    backend.expectNone('/api/auth/refresh');
    expect(call.error?.kind).toBe('auth-expired');
    expect(channel.posted).toEqual([]);
  });

  it('joins a sign-in made in another tab and goes to its own return URL', async () => {
    store.signedOut();
    await router.navigateByUrl('/sign-in?returnUrl=%2Forders%2F3');
    channel.deliver({
      type: 'signed-in',
      user: USER,
      accessToken: 'signed-in-elsewhere',
      expiresAt: layer.clock.now() + 120_000,
    });
    expect(store.isSignedIn()).toBeTrue();
    expect(store.accessToken()).toBe('signed-in-elsewhere');
    expect(store.expiresAt()).toBe(layer.clock.now() + 120_000);
    await waitForUrl('/orders/3');
  });

  it('joins a sign-in on the sign-in page asked for twice with two return URLs, and goes to the dashboard', async () => {
    store.signedOut();
    await router.navigateByUrl('/sign-in?returnUrl=%2Forders%2F3&returnUrl=%2Forders%2F4');
    channel.deliver({
      type: 'signed-in',
      user: USER,
      accessToken: 'signed-in-elsewhere',
      expiresAt: layer.clock.now() + 120_000,
    });
    await waitForUrl('/dashboard');
  });

  it('ignores a sign-in whose token has already expired', () => {
    store.signedOut();
    channel.deliver({
      type: 'signed-in',
      user: USER,
      accessToken: 'expiring-now',
      expiresAt: layer.clock.now(),
    });
    expect(store.status()).toBe('signed-out');
    expect(store.accessToken()).toBeNull();
  });

  for (const page of ['/orders/7', '/']) {
    it(`joins a sign-in on ${page}, which is not the sign-in page, without moving`, async () => {
      await router.navigateByUrl(page);
      const navigateByUrl = spyOn(router, 'navigateByUrl').and.callThrough();
      channel.deliver({
        type: 'signed-in',
        user: { ...USER, name: 'Other' },
        accessToken: 't',
        expiresAt: layer.clock.now() + 120_000,
      });
      for (let i = 0; i < 5; i++) await settle();
      expect(store.user()?.name).toBe('Other');
      expect(navigateByUrl).not.toHaveBeenCalled();
      expect(router.url).toBe(page);
    });
  }

  it('posts sign-in and sign-out to the other tabs', async () => {
    const session = TestBed.inject(SessionService);
    const signingIn = session.signIn('demo@keel.dev', 'keel-demo');
    backend
      .expectOne('/api/auth/login')
      .flush({ accessToken: 'fresh', expiresIn: 120, user: USER });
    await signingIn;
    const signingOut = session.signOut();
    backend.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await signingOut;
    expect(channel.posted).toEqual([
      {
        type: 'signed-in',
        user: USER,
        accessToken: 'fresh',
        expiresAt: layer.clock.now() + 120_000,
      },
      { type: 'signed-out', reason: 'signed-out' },
    ]);
  });

  it('restores a new tab with the token another tab posted while it waited for the lock', async () => {
    backend.verify();
    // A fresh tab (its session status unknown) of a browser with a session cookie.
    TestBed.resetTestingModule();
    document.cookie = 'XSRF-TOKEN=x; path=/';
    const fresh = networkLayerTesting();
    const freshChannel = new FakeChannel();
    const freshLock = new FakeLock();
    TestBed.configureTestingModule({
      providers: [
        ...fresh.providers,
        provideSession(),
        provideRouter([]),
        { provide: REFRESH_LOCK, useValue: freshLock.run },
        { provide: SESSION_CHANNEL, useValue: freshChannel },
      ],
    });
    const freshBackend = TestBed.inject(HttpTestingController);
    const freshStore = TestBed.inject(SessionStore);
    TestBed.inject(RefreshCoordinator);
    freshLock.hold();
    const restored = TestBed.inject(SessionService).restore();
    freshChannel.deliver({
      type: 'token',
      accessToken: 'from-other-tab',
      expiresAt: fresh.clock.now() + 120_000,
    });
    freshLock.release();
    await settle();
    freshBackend.expectNone('/api/auth/refresh');
    const me = freshBackend.expectOne('/api/me');
    expect(me.request.headers.get('Authorization')).toBe('Bearer from-other-tab');
    me.flush(USER);
    expect(await restored).toBeTrue();
    expect(freshStore.accessToken()).toBe('from-other-tab');
    document.cookie = 'XSRF-TOKEN=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    backend = freshBackend;
  });

  async function waitForUrl(url: string): Promise<void> {
    for (let i = 0; i < 20 && router.url !== url; i++) await settle();
    expect(router.url).toBe(url);
  }
});

describe('isSessionMessage', () => {
  const good: SessionMessage[] = [
    { type: 'refreshing' },
    { type: 'refresh-failed' },
    { type: 'token', accessToken: 't', expiresAt: 1 },
    { type: 'signed-in', user: USER, accessToken: 't', expiresAt: 1 },
    { type: 'signed-out', reason: 'signed-out' },
    { type: 'signed-out', reason: 'expired' },
  ];
  for (const message of good) {
    it(`believes ${JSON.stringify(message)}`, () => expect(isSessionMessage(message)).toBeTrue());
  }
  const bad: unknown[] = [
    null,
    undefined,
    'signed-out',
    42,
    [],
    {},
    { type: 'reload' },
    { type: 'token' },
    { type: 'token', accessToken: 7, expiresAt: 1 },
    { type: 'token', accessToken: 't', expiresAt: 'soon' },
    { type: 'token', accessToken: 't', expiresAt: Number.NaN },
    { type: 'signed-in', accessToken: 't', expiresAt: 1 },
    { type: 'signed-in', user: null, accessToken: 't', expiresAt: 1 },
    { type: 'signed-out' },
    { type: 'signed-out', reason: 'because' },
  ];
  for (const data of bad) {
    it(`ignores ${JSON.stringify(data) ?? String(data)}`, () =>
      expect(isSessionMessage(data)).toBeFalse());
  }
});
