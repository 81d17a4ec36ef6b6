import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { collect, networkLayerTesting } from '@keel/network/testing';
import { assertUnderAuthPaths, provideSession } from './provide-session';
import { withNgDevMode } from '../spec-support/chain-test-bed';
import { SESSION_CHANNEL, type SessionChannel, type SessionMessage } from './session-channel';
import { SessionStore } from './session-store';

const USER = { id: 'u1', email: 'demo@keel.dev', name: 'Demo', roles: ['user'] };

describe('provideSession', () => {
  let listeners: ((message: SessionMessage) => void)[];

  beforeEach(() => {
    listeners = [];
    const channel: SessionChannel = {
      post: () => undefined,
      listen: (listener) => {
        listeners.push(listener);
        return () => undefined;
      },
    };
    TestBed.configureTestingModule({
      providers: [
        ...networkLayerTesting().providers,
        provideSession(),
        provideRouter([]),
        { provide: SESSION_CHANNEL, useValue: channel },
      ],
    });
  });

  it('hears the other tabs from the start, before the app makes a call', () => {
    const store = TestBed.inject(SessionStore);
    const expiresAt = Date.UTC(2026, 0, 1) + 120_000;
    for (const listener of listeners)
      listener({ type: 'signed-in', user: USER, accessToken: 'from-other-tab', expiresAt });
    expect(store.isSignedIn()).toBeTrue();
    expect(store.accessToken()).toBe('from-other-tab');
  });

  it("gives the network layer the session's token", () => {
    TestBed.inject(SessionStore).signedIn(USER, 'token', 120_000, Date.UTC(2026, 0, 1));
    collect(TestBed.inject(HttpClient).get('/api/orders'));
    const req = TestBed.inject(HttpTestingController).expectOne('/api/orders');
    expect(req.request.headers.get('Authorization')).toBe('Bearer token');
    req.flush([]);
  });
});

describe('provideSession with endpoints outside the layer’s authPaths', () => {
  it('throws in dev mode, naming each endpoint and the fix', () => {
    TestBed.configureTestingModule({
      providers: [
        ...networkLayerTesting({ authPaths: ['/api/auth/', '/sso/'] }).providers,
        provideSession({
          endpoints: { login: '/auth/login', refresh: 'https://id.example.com/oauth/token' },
        }),
        provideRouter([]),
      ],
    });
    expect(() => TestBed.inject(SessionStore)).toThrowError(
      "provideSession: login (/auth/login), refresh (https://id.example.com/oauth/token) not under the network layer's authPaths (/api/auth/, /sso/): add the path to provideNetworkLayer({ authPaths }).",
    );
  });

  it('accepts them once authPaths covers them, a full URL by its path', () => {
    expect(() =>
      assertUnderAuthPaths(
        {
          login: '/auth/login',
          refresh: 'https://id.example.com/oauth/token',
          logout: '/auth/logout',
          me: '/me',
        },
        ['/auth/', '/oauth/'],
      ),
    ).not.toThrow();
  });

  it('says nothing in production', () => {
    withNgDevMode(false, () => {
      TestBed.configureTestingModule({
        providers: [
          ...networkLayerTesting().providers,
          provideSession({ endpoints: { login: '/auth/login' } }),
          provideRouter([]),
        ],
      });
      expect(() => TestBed.inject(SessionStore)).not.toThrow();
    });
  });
});
