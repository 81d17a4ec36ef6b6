import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { networkLayerTesting, settle, type NetworkLayerTesting } from '@keel/network/testing';
import { provideSession } from './provide-session';
import { REFRESH_LOCK } from './refresh-lock';
import { SESSION_CHANNEL, type SessionChannel, type SessionMessage } from './session-channel';
import { SessionService } from './session-service';
import { SessionStore } from './session-store';
import { USER } from '../spec-support/session-fakes';

/** A page load with a session cookie, restored while the server cannot be asked (issue 12). */
describe('SessionService.restore out of reach', () => {
  let layer: NetworkLayerTesting;
  let backend: HttpTestingController;
  let store: InstanceType<typeof SessionStore>;
  let session: SessionService;
  let lockRuns: number;
  const listeners = new Set<(message: SessionMessage) => void>();

  beforeEach(() => {
    document.cookie = 'XSRF-TOKEN=x; path=/';
    localStorage.removeItem('keel.session.logout-pending');
    pageLoad();
  });

  /** A fresh app in this browser: cookies and localStorage stay. */
  function pageLoad(): void {
    TestBed.resetTestingModule();
    layer = networkLayerTesting();
    lockRuns = 0;
    listeners.clear();
    const channel: SessionChannel = {
      post: () => undefined,
      listen: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    TestBed.configureTestingModule({
      providers: [
        ...layer.providers,
        provideSession(),
        provideRouter([
          { path: 'sign-in', children: [] },
          { path: 'orders', children: [] },
        ]),
        {
          provide: REFRESH_LOCK,
          useValue: (task: () => Promise<unknown>) => {
            lockRuns++;
            return task();
          },
        },
        { provide: SESSION_CHANNEL, useValue: channel },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(SessionStore);
    session = TestBed.inject(SessionService);
  }

  afterEach(() => {
    backend.verify();
    document.cookie = 'XSRF-TOKEN=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    localStorage.removeItem('keel.session.logout-pending');
  });

  /** Offline, the browser fails the refresh at once (the refresh call has no retries to pause). */
  async function restoreOffline(): Promise<boolean> {
    layer.network.goOffline();
    const restored = session.restore();
    await settle();
    backend.expectOne('/api/auth/refresh').error(new ProgressEvent('error'));
    return restored;
  }

  /** Another tab's message. */
  function deliver(message: SessionMessage): void {
    for (const listener of listeners) listener(message);
  }

  function answerRefresh(status: number): void {
    const refresh = backend.expectOne('/api/auth/refresh');
    if (status === 200) refresh.flush({ accessToken: 'fresh', expiresIn: 900 });
    else refresh.flush({ title: 'no' }, { status, statusText: 'No' });
  }

  it('opens the app offline as signed in, with no user and no token', async () => {
    expect(await restoreOffline()).toBeTrue();
    expect(store.status()).toBe('signed-in');
    expect(store.user()).toBeNull();
    expect(store.accessToken()).toBeNull();
    TestBed.tick();
    backend.expectNone('/api/me');
  });

  it('confirms the session when the connection is back: one refresh, then the user', async () => {
    await restoreOffline();
    layer.network.goOnline();
    await settle();
    answerRefresh(200);
    await settle();
    TestBed.tick();
    backend.expectOne('/api/me').flush(USER);
    await settle();
    expect(store.user()).toEqual(USER);
    expect(store.accessToken()).toBe('fresh');
    layer.network.goOffline();
    layer.network.goOnline();
    await settle();
    backend.expectNone('/api/auth/refresh');
  });

  it('tries again on the next reconnect when the confirming refresh could not reach the server', async () => {
    await restoreOffline();
    layer.network.goOnline();
    await settle();
    backend.expectOne('/api/auth/refresh').error(new ProgressEvent('error'));
    await settle();
    expect(store.status()).toBe('signed-in');
    layer.network.goOffline();
    layer.network.goOnline();
    await settle();
    answerRefresh(200);
    await settle();
    TestBed.tick();
    backend.expectOne('/api/me').flush(USER);
    await settle();
    expect(store.user()).toEqual(USER);
  });

  it('leaves a session another tab ended alone on reconnect: no lock, no call', async () => {
    await restoreOffline();
    deliver({ type: 'signed-out', reason: 'signed-out' });
    lockRuns = 0;
    layer.network.goOnline();
    await settle();
    expect(lockRuns).toBe(0);
    expect(store.status()).toBe('signed-out');
  });

  it('stays signed out when another tab ends the session during the confirming refresh', async () => {
    await restoreOffline();
    layer.network.goOnline();
    await settle();
    const refresh = backend.expectOne('/api/auth/refresh');
    deliver({ type: 'signed-out', reason: 'signed-out' });
    refresh.flush({ accessToken: 'fresh', expiresIn: 900 });
    await settle();
    TestBed.tick();
    backend.match('/api/me').forEach((me) => me.flush(USER));
    await settle();
    expect(store.status()).toBe('signed-out');
    expect(store.user()).toBeNull();
  });

  it('stays signed out when another tab ends the session while the confirming /api/me is on the wire', async () => {
    await restoreOffline();
    layer.network.goOnline();
    await settle();
    answerRefresh(200);
    await settle();
    TestBed.tick();
    const me = backend.expectOne('/api/me');
    deliver({ type: 'signed-out', reason: 'signed-out' });
    me.flush(USER);
    await settle();
    expect(store.status()).toBe('signed-out');
    expect(store.user()).toBeNull();
  });

  it('after a refused confirmation, joins a sign-in made in another tab without asking who it is', async () => {
    await restoreOffline();
    layer.network.goOnline();
    await settle();
    answerRefresh(401);
    await settle();
    expect(store.status()).toBe('signed-out');
    deliver({
      type: 'signed-in',
      user: USER,
      accessToken: 'elsewhere',
      expiresAt: layer.clock.now() + 120_000,
    });
    TestBed.tick();
    await settle();
    backend.expectNone('/api/me');
    expect(store.user()).toEqual(USER);
  });

  it('forgets a sign-out made offline once the user signs in again', async () => {
    store.signedIn(USER, 'token', 60_000, layer.clock.now());
    layer.network.goOffline();
    const signingOut = session.signOut();
    backend.expectOne('/api/auth/logout').error(new ProgressEvent('error'));
    await signingOut;
    layer.network.goOnline();
    const signingIn = session.signIn('demo@keel.dev', 'keel-demo');
    backend
      .expectOne('/api/auth/login')
      .flush({ accessToken: 'fresh', expiresIn: 900, user: USER });
    await signingIn;

    pageLoad();
    const restored = session.restore();
    await settle();
    backend.expectNone('/api/auth/logout');
    answerRefresh(401);
    expect(await restored).toBeFalse();
  });

  it('ends the session when the refresh is refused on reconnect, with a way back', async () => {
    await TestBed.inject(Router).navigateByUrl('/orders');
    await restoreOffline();
    layer.network.goOnline();
    await settle();
    answerRefresh(401);
    for (let i = 0; i < 10 && !TestBed.inject(Router).url.startsWith('/sign-in'); i++) {
      await settle();
    }
    expect(store.status()).toBe('signed-out');
    expect(TestBed.inject(Router).url).toBe('/sign-in?reason=expired&returnUrl=%2Forders');
  });

  it('treats a server error as out of reach, and confirms with a token another tab posts', async () => {
    const restored = session.restore();
    await settle();
    for (let i = 0; i < 5; i++) {
      const refresh = backend.match('/api/auth/refresh');
      if (refresh.length === 0) break;
      refresh.forEach((r) => r.flush(null, { status: 503, statusText: 'Unavailable' }));
      layer.clock.advance(60_000);
      await settle();
    }
    expect(await restored).toBeTrue();
    expect(store.user()).toBeNull();
    for (const listener of listeners)
      listener({ type: 'token', accessToken: 'other-tab', expiresAt: layer.clock.now() + 60_000 });
    TestBed.tick();
    await settle();
    const me = backend.expectOne('/api/me');
    expect(me.request.headers.get('Authorization')).toBe('Bearer other-tab');
    me.flush(USER);
    await settle();
    expect(store.user()).toEqual(USER);
  });

  it('honours a sign-out made offline on the next page load, and tells the server then', async () => {
    store.signedIn(USER, 'token', 60_000, layer.clock.now());
    layer.network.goOffline();
    const signingOut = session.signOut();
    backend.expectOne('/api/auth/logout').error(new ProgressEvent('error'));
    await signingOut;

    pageLoad(); // online again, the refresh cookie still valid on the server
    const restored = session.restore();
    await settle();
    backend.expectNone('/api/auth/refresh');
    backend.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    expect(await restored).toBeFalse();
    expect(store.status()).toBe('signed-out');

    pageLoad(); // told: the next load restores as usual
    const again = session.restore();
    await settle();
    answerRefresh(401);
    expect(await again).toBeFalse();
  });

  it('still signs out at once when the refresh is refused at restore', async () => {
    const restored = session.restore();
    await settle();
    answerRefresh(401);
    expect(await restored).toBeFalse();
    expect(store.status()).toBe('signed-out');
  });
});
