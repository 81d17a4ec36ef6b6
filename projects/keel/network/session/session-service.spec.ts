import { DOCUMENT } from '@angular/common';
import { HttpTestingController } from '@angular/common/http/testing';
import { EnvironmentInjector, createEnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { throwError } from 'rxjs';

import { AppError, type AppErrorKind } from '@keel/network';
import { networkLayerTesting, settle, type NetworkLayerTesting } from '@keel/network/testing';
import { AuthApi } from './auth-api';
import { provideSession } from './provide-session';
import { REFRESH_LOCK } from './refresh-lock';
import { SESSION_CHANNEL } from './session-channel';
import { SessionService, signInErrorMessage } from './session-service';
import { SessionStore } from './session-store';
import { FakeChannel, USER } from '../spec-support/session-fakes';

describe('signInErrorMessage', () => {
  it('says the email or password is wrong for a refused sign-in', () => {
    expect(signInErrorMessage(new AppError({ kind: 'unauthorized', status: 401 }))).toBe(
      'Wrong email or password.',
    );
  });

  it('says how many seconds to wait, rounded up, when the server asked for a pause', () => {
    const error = new AppError({ kind: 'rate-limited', status: 429, retryAfterMs: 30_500 });
    expect(signInErrorMessage(error)).toBe('Too many attempts. Try again in 31 seconds.');
  });

  for (const retryAfterMs of [undefined, 0]) {
    it(`asks to wait a minute when too many attempts came without a usable pause (${retryAfterMs})`, () => {
      const error = new AppError({ kind: 'rate-limited', status: 429, retryAfterMs });
      expect(signInErrorMessage(error)).toBe('Too many attempts. Wait a minute, then try again.');
    });
  }

  it("shows any other failure's own safe message", () => {
    const error = new AppError({ kind: 'offline', message: 'You are offline.' });
    expect(signInErrorMessage(error)).toBe('You are offline.');
  });

  it('says to try again for something that is not an AppError', () => {
    expect(signInErrorMessage(new TypeError('x is undefined'))).toBe(
      'Sign-in failed. Try again in a moment.',
    );
  });
});

function sessionTesting(...providers: unknown[]) {
  const layer = networkLayerTesting();
  const channel = new FakeChannel();
  TestBed.configureTestingModule({
    providers: [
      ...layer.providers,
      provideSession(),
      provideRouter([{ path: 'sign-in', children: [] }]),
      { provide: REFRESH_LOCK, useValue: <T>(task: () => Promise<T>) => task() },
      { provide: SESSION_CHANNEL, useValue: channel },
      ...(providers as []),
    ],
  });
  return {
    layer,
    channel,
    store: TestBed.inject(SessionStore),
    session: TestBed.inject(SessionService),
  };
}

describe('SessionService', () => {
  let layer: NetworkLayerTesting;
  let channel: FakeChannel;
  let backend: HttpTestingController;
  let store: InstanceType<typeof SessionStore>;
  let session: SessionService;

  beforeEach(() => {
    ({ layer, channel, store, session } = sessionTesting());
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('schedules no refresh while no one is signed in', async () => {
    TestBed.tick();
    layer.clock.advance(3_600_000);
    await settle();
    expect(layer.clock.requested).toEqual([]);
    backend.expectNone('/api/auth/refresh');
  });

  it('keeps refreshing ahead of expiry after a proactive refresh failed', async () => {
    store.signedIn(USER, 'token', 120_000, layer.clock.now());
    TestBed.tick();
    layer.clock.advance(90_000);
    await settle();
    backend.expectOne('/api/auth/refresh').flush(null, { status: 503, statusText: 'Down' });
    await settle();
    expect(store.accessToken()).toBe('token');
    channel.deliver({
      type: 'token',
      accessToken: 'from-other-tab',
      expiresAt: layer.clock.now() + 120_000,
    });
    TestBed.tick();
    layer.clock.advance(90_000);
    await settle();
    backend.expectOne('/api/auth/refresh').flush({ accessToken: 'fresh', expiresIn: 120 });
    await settle();
    expect(store.accessToken()).toBe('fresh');
  });

  it("signs in with the answer's user and token, and asks nothing more of the server", async () => {
    const signingIn = session.signIn('demo@keel.dev', 'keel-demo');
    backend
      .expectOne('/api/auth/login')
      .flush({ accessToken: 'fresh', expiresIn: 120, user: USER });
    await signingIn;
    expect(store.user()).toEqual(USER);
    expect(store.accessToken()).toBe('fresh');
    expect(store.expiresAt()).toBe(layer.clock.now() + 120_000);
    TestBed.tick();
    layer.network.goOffline();
    layer.network.goOnline();
    await settle();
    backend.expectNone('/api/me');
  });

  it('joins a sign-in made in another tab after signing out, without asking who it is', async () => {
    store.signedIn(USER, 'token', 120_000, layer.clock.now());
    const signingOut = session.signOut();
    backend.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await signingOut;
    channel.deliver({
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

  it('answers a restore from the session it already knows, without a call', async () => {
    store.signedIn(USER, 'token', 120_000, layer.clock.now());
    expect(await session.restore()).toBeTrue();
    store.signedOut();
    expect(await session.restore()).toBeFalse();
  });
});

describe('SessionService.restore', () => {
  let layer: NetworkLayerTesting;
  let channel: FakeChannel;
  let backend: HttpTestingController;
  let store: InstanceType<typeof SessionStore>;
  let session: SessionService;

  beforeEach(() => {
    document.cookie = 'XSRF-TOKEN=x; path=/';
    ({ layer, channel, store, session } = sessionTesting());
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    document.cookie = 'XSRF-TOKEN=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    localStorage.removeItem('keel.session.logout-pending');
  });

  /** A restore whose refresh answers: signed in, with `/api/me` now on the wire. */
  async function restoreWithFreshToken(): Promise<void> {
    const restored = session.restore();
    await settle();
    backend.expectOne('/api/auth/refresh').flush({ accessToken: 'fresh', expiresIn: 900 });
    expect(await restored).toBeTrue();
    await settle();
  }

  it('restores the session from the refresh cookie: signed in with the new token, the user after', async () => {
    const restored = session.restore();
    await settle();
    backend.expectOne('/api/auth/refresh').flush({ accessToken: 'fresh', expiresIn: 900 });
    // Signed in once the token is back: the page's first calls need not wait for /api/me.
    expect(await restored).toBeTrue();
    expect(store.isSignedIn()).toBeTrue();
    expect(store.user()).toBeNull();
    expect(store.expiresAt()).toBe(layer.clock.now() + 900_000);
    await settle();
    const me = backend.expectOne('/api/me');
    expect(me.request.headers.get('Authorization')).toBe('Bearer fresh');
    me.flush(USER);
    await settle();
    expect(store.user()).toEqual(USER);
  });

  it('shares one attempt between every caller, and asks who the user is once', async () => {
    const first = session.restore();
    const second = session.restore();
    await settle();
    backend.expectOne('/api/auth/refresh').flush({ accessToken: 'fresh', expiresIn: 900 });
    expect(await first).toBeTrue();
    expect(await second).toBeTrue();
    await settle();
    backend.expectOne('/api/me').flush(USER);
    await settle();
    backend.expectNone('/api/me');
  });

  it('ends a restored session whose token /api/me refuses and the refresh cannot renew', async () => {
    await restoreWithFreshToken();
    backend.expectOne('/api/me').flush(null, { status: 401, statusText: 'Unauthorized' });
    await settle();
    // The 401 asks the refresh coordinator for a new token, which the server refuses too.
    backend.expectOne('/api/auth/refresh').flush(null, { status: 401, statusText: 'Unauthorized' });
    await settle();
    expect(store.status()).toBe('signed-out');
    expect(store.accessToken()).toBeNull();
  });

  it('keeps a restored session whose /api/me cannot reach the server, and asks again on reconnect', async () => {
    await restoreWithFreshToken();
    layer.network.goOffline();
    backend.expectOne('/api/me').error(new ProgressEvent('error'));
    await settle();
    expect(store.isSignedIn()).toBeTrue();
    expect(store.user()).toBeNull();
    layer.network.goOnline();
    await settle();
    backend.expectOne('/api/me').flush(USER);
    await settle();
    expect(store.user()).toEqual(USER);
  });

  it('restores nothing, and asks nothing, without the XSRF cookie of a sign-in', async () => {
    document.cookie = 'XSRF-TOKEN=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    expect(await session.restore()).toBeFalse();
    expect(store.status()).toBe('signed-out');
    backend.expectNone('/api/auth/refresh');
  });

  it('finds the XSRF cookie among other cookies', async () => {
    document.cookie = 'XSRF-TOKEN=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    document.cookie = 'theme=dark; path=/';
    document.cookie = 'XSRF-TOKEN=x; path=/';
    try {
      const restored = session.restore();
      await settle();
      backend.expectOne('/api/auth/refresh').flush(null, { status: 401, statusText: 'No' });
      expect(await restored).toBeFalse();
    } finally {
      document.cookie = 'theme=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    }
  });

  it('honours a sign-out an earlier page load could not tell the server', async () => {
    localStorage.setItem('keel.session.logout-pending', '1');
    const restored = session.restore();
    await settle();
    backend.expectNone('/api/auth/refresh');
    backend.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    expect(await restored).toBeFalse();
    expect(localStorage.getItem('keel.session.logout-pending')).toBeNull();
  });

  it('restores as usual where the browser blocks localStorage', async () => {
    // Blocked storage (cookies off): reading window.localStorage throws.
    const blocked = {
      cookie: document.cookie,
      defaultView: {
        get localStorage(): Storage {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      },
    };
    const page = createEnvironmentInjector(
      [{ provide: DOCUMENT, useValue: blocked }, SessionService],
      TestBed.inject(EnvironmentInjector),
    );
    const restored = page.get(SessionService).restore();
    await settle();
    backend.expectNone('/api/auth/logout');
    backend.expectOne('/api/auth/refresh').flush({ accessToken: 'fresh', expiresIn: 900 });
    expect(await restored).toBeTrue();
    await settle();
    backend.expectOne('/api/me').flush(USER);
    page.destroy();
  });

  it('stays signed out when another tab ends the session while the refresh is on the wire', async () => {
    const restored = session.restore();
    await settle();
    const refresh = backend.expectOne('/api/auth/refresh');
    channel.deliver({ type: 'signed-out', reason: 'signed-out' });
    refresh.flush({ accessToken: 'fresh', expiresIn: 900 });
    await settle();
    // The token the refresh brought back is dropped: no /api/me with it, none kept.
    backend.expectNone('/api/me');
    expect(await restored).toBeFalse();
    expect(store.status()).toBe('signed-out');
    expect(store.accessToken()).toBeNull();
  });

  it('stays signed out when another tab ends the session while /api/me is on the wire', async () => {
    await restoreWithFreshToken();
    const me = backend.expectOne('/api/me');
    channel.deliver({ type: 'signed-out', reason: 'signed-out' });
    me.flush(USER);
    await settle();
    expect(store.status()).toBe('signed-out');
    expect(store.user()).toBeNull();
  });

  it('stays signed out when another tab ends the session and then the refresh cannot reach the server', async () => {
    const restored = session.restore();
    await settle();
    const refresh = backend.expectOne('/api/auth/refresh');
    channel.deliver({ type: 'signed-out', reason: 'signed-out' });
    refresh.error(new ProgressEvent('error'));
    expect(await restored).toBeFalse();
    expect(store.status()).toBe('signed-out');
  });
});

describe('SessionService.restore when the refresh fails', () => {
  let kind: AppErrorKind;

  beforeEach(() => (document.cookie = 'XSRF-TOKEN=x; path=/'));
  afterEach(() => (document.cookie = 'XSRF-TOKEN=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT'));

  function restoreFailingAs(failure: AppErrorKind) {
    kind = failure;
    const refreshFails = () => throwError(() => new AppError({ kind }));
    return sessionTesting({ provide: AuthApi, useValue: { refresh: refreshFails } });
  }

  for (const outOfReach of [
    'offline',
    'network',
    'timeout',
    'server',
    'rate-limited',
    'circuit-open',
    'budget-exhausted',
  ] as const) {
    it(`opens the app unconfirmed when the server is out of reach (${outOfReach})`, async () => {
      const { session, store } = restoreFailingAs(outOfReach);
      expect(await session.restore()).toBeTrue();
      expect(store.status()).toBe('signed-in');
      expect(store.user()).toBeNull();
    });
  }

  for (const refusal of ['unauthorized', 'forbidden', 'validation'] as const) {
    it(`signs out when the server refuses the refresh (${refusal})`, async () => {
      const { session, store } = restoreFailingAs(refusal);
      expect(await session.restore()).toBeFalse();
      expect(store.status()).toBe('signed-out');
    });
  }
});
