import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { collect, networkLayerTesting, settle } from '@keel/network/testing';
import { provideRouter } from '@angular/router';
import { AuthApi } from './auth-api';
import { provideSession } from './provide-session';

const USER = { id: 'u1', email: 'demo@keel.dev', name: 'Demo', roles: ['user'] };

describe('AuthApi', () => {
  let api: AuthApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: networkLayerTesting().providers });
    api = TestBed.inject(AuthApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('signs in with the email and password as the JSON body of one POST', async () => {
    const login = collect(api.login('demo@keel.dev', 'keel-demo'));
    const req = backend.expectOne('/api/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ email: 'demo@keel.dev', password: 'keel-demo' });
    req.flush({ accessToken: 't', expiresIn: 900, user: USER });
    await settle();
    expect(login.value).toEqual({ accessToken: 't', expiresIn: 900, user: USER });
  });

  it('never retries a sign-in the server failed', async () => {
    const login = collect(api.login('demo@keel.dev', 'keel-demo'));
    backend.expectOne('/api/auth/login').flush(null, { status: 503, statusText: 'Down' });
    await settle();
    backend.expectNone('/api/auth/login');
    expect(login.error?.kind).toBe('server');
  });

  it('signs out with one POST carrying no token', () => {
    collect(api.logout());
    const req = backend.expectOne('/api/auth/logout');
    expect(req.request.method).toBe('POST');
    expect(req.request.headers.has('Authorization')).toBeFalse();
    req.flush(null, { status: 204, statusText: 'No Content' });
  });

  it('asks who is signed in with a GET of /api/me', () => {
    const me = collect(api.me());
    const req = backend.expectOne('/api/me');
    expect(req.request.method).toBe('GET');
    req.flush(USER);
    expect(me.value).toEqual(USER);
  });
});

describe('AuthApi with the endpoints of another backend', () => {
  it('calls the endpoints provideSession names, and the defaults for the rest', () => {
    TestBed.configureTestingModule({
      providers: [
        ...networkLayerTesting({ authPaths: ['/auth/v2/', '/api/auth/'] }).providers,
        provideSession({
          endpoints: { login: '/auth/v2/sign-in', refresh: '/auth/v2/token', me: '/v2/profile' },
        }),
        provideRouter([]),
      ],
    });
    const api = TestBed.inject(AuthApi);
    const backend = TestBed.inject(HttpTestingController);
    collect(api.login('demo@keel.dev', 'keel-demo'));
    collect(api.refresh());
    collect(api.me());
    collect(api.logout());
    backend.expectOne({ method: 'POST', url: '/auth/v2/sign-in' }).flush({});
    backend.expectOne({ method: 'POST', url: '/auth/v2/token' }).flush({});
    backend.expectOne({ method: 'GET', url: '/v2/profile' }).flush(USER);
    backend
      .expectOne({ method: 'POST', url: '/api/auth/logout' })
      .flush(null, { status: 204, statusText: 'No Content' });
    backend.verify();
  });
});
