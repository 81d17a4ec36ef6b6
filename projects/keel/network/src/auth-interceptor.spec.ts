import {
  HttpClient,
  HttpContext,
  type HttpInterceptorFn,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { catchError, throwError } from 'rxjs';
import { ACCESS_TOKEN_SOURCE } from './access-token-source';
import { AppError, isAppError } from './app-error';
import { SKIP_AUTH, authInterceptor } from './auth-interceptor';
import { NETWORK_CLOCK } from './network-clock';
import { NETWORK_STATUS } from './network-status';
import { NETWORK_INTERCEPTORS } from './provide-network-layer';
import {
  FakeNetworkClock,
  FakeNetworkStatus,
  FakeTokenSource,
  collect,
} from '@keel/network/testing';
import { chainTestBed } from '../spec-support/chain-test-bed';

describe('the auth stage', () => {
  it('leaves SKIP_AUTH off on a call that does not set it', () => {
    expect(new HttpContext().get(SKIP_AUTH)).toBeFalse();
  });

  it('records the time a 401 waited for the refresh as a refresh wait of the call', () => {
    const source = new FakeTokenSource('old');
    const chain = chainTestBed({}, [{ provide: ACCESS_TOKEN_SOURCE, useValue: source }]);
    const call = collect(chain.http.get('/api/orders'));
    chain.backend.expectOne('/api/orders').flush(null, { status: 401, statusText: 'Unauthorized' });
    chain.clock.advance(80);
    source.finishRefresh('new');
    chain.backend.expectOne('/api/orders').flush({ ok: true });
    chain.backend.verify();
    expect(call.value).toEqual({ ok: true });
    expect(chain.records[0].waits).toEqual([
      { kind: 'refresh', startedAt: chain.records[0].startedAt, durationMs: 80 },
    ]);
  });

  it('leaves alone a 401 that a stage below it decided on: no refresh, no replay', () => {
    // A stage of the app's own between auth and the dispatcher, which answers a refused token
    // with its own AppError (as if it knew the session was over).
    const decides: HttpInterceptorFn = (req, next) =>
      next(req).pipe(
        catchError((error: unknown) =>
          throwError(() =>
            isAppError(error) && error.status === 401
              ? new AppError({ kind: 'auth-expired', status: 401, cause: error })
              : error,
          ),
        ),
      );
    const auth = NETWORK_INTERCEPTORS.indexOf(authInterceptor);
    const source = new FakeTokenSource('old');
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(
          withInterceptors([
            ...NETWORK_INTERCEPTORS.slice(0, auth + 1),
            decides,
            ...NETWORK_INTERCEPTORS.slice(auth + 1),
          ]),
        ),
        provideHttpClientTesting(),
        { provide: NETWORK_CLOCK, useValue: new FakeNetworkClock() },
        { provide: NETWORK_STATUS, useValue: new FakeNetworkStatus() },
        { provide: ACCESS_TOKEN_SOURCE, useValue: source },
      ],
    });
    const backend = TestBed.inject(HttpTestingController);
    const call = collect(TestBed.inject(HttpClient).get('/api/orders'));
    backend.expectOne('/api/orders').flush(null, { status: 401, statusText: 'Unauthorized' });
    backend.verify();
    expect(source.refreshes).toBe(0);
    expect(call.error?.kind).toBe('auth-expired');
  });
});
