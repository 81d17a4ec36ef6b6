import {
  HttpClient,
  HttpContext,
  HttpErrorResponse,
  HttpEventType,
  type HttpInterceptorFn,
  withInterceptors,
} from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type Observable, filter, of, skip, take, throwError } from 'rxjs';
import { ACCESS_TOKEN_SOURCE, type AccessTokenSource } from './access-token-source';
import { AppError } from './app-error';
import { NETWORK_CALL_SINK, type NetworkCallRecord } from './observability-interceptor';
import { NETWORK_CLOCK } from './network-clock';
import { NETWORK_STATUS } from './network-status';
import { OriginHealth } from './origin-health';
import { provideNetworkLayer } from './provide-network-layer';
import { RETRY, RETRY_RANDOM } from './retry-interceptor';
import { FakeNetworkClock, FakeNetworkStatus, collect } from '@keel/network/testing';
import { type ChainTestBed, chainTestBed, fail503, problem } from '../spec-support/chain-test-bed';

describe('the retry stage', () => {
  it('draws the jitter from Math.random unless RETRY_RANDOM is provided', () => {
    spyOn(Math, 'random').and.returnValue(0.25);
    const clock = new FakeNetworkClock();
    TestBed.configureTestingModule({
      providers: [
        provideNetworkLayer(),
        provideHttpClientTesting(),
        { provide: NETWORK_CLOCK, useValue: clock },
        { provide: NETWORK_STATUS, useValue: new FakeNetworkStatus() },
      ],
    });
    const backend = TestBed.inject(HttpTestingController);
    collect(TestBed.inject(HttpClient).get('/api/orders'));
    fail503(backend.expectOne('/api/orders'));
    expect(clock.requested.at(-1)).toBe(75); // 0.25 × min(5 s, 300 ms)
    clock.advance(75);
    backend.expectOne('/api/orders').flush({});
    backend.verify();
  });

  it('hands Math.random to whoever injects RETRY_RANDOM (the flag stream’s reconnect backoff)', () => {
    spyOn(Math, 'random').and.returnValue(0.25);
    expect(TestBed.inject(RETRY_RANDOM)()).toBe(0.25);
  });

  describe('below the layer, an app stage that answers an attempt itself', () => {
    it('cancels the backoff of an attempt that failed at once, and records the wait so far', () => {
      const clock = new FakeNetworkClock();
      const records: NetworkCallRecord[] = [];
      // A stage of the app's own below the layer that answers the first attempt itself.
      let answered = false;
      const answersFirst: HttpInterceptorFn = (req, next) => {
        if (answered) return next(req);
        answered = true;
        return throwError(() => new HttpErrorResponse({ status: 503, url: req.url }));
      };
      TestBed.configureTestingModule({
        providers: [
          provideNetworkLayer({}, withInterceptors([answersFirst])),
          provideHttpClientTesting(),
          { provide: NETWORK_CLOCK, useValue: clock },
          { provide: NETWORK_STATUS, useValue: new FakeNetworkStatus() },
          { provide: RETRY_RANDOM, useValue: () => 0.5 }, // a backoff of 150 ms
          {
            provide: NETWORK_CALL_SINK,
            useValue: { record: (r: NetworkCallRecord) => records.push(r) },
          },
        ],
      });
      const backend = TestBed.inject(HttpTestingController);
      const call = collect(TestBed.inject(HttpClient).get('/api/orders'));
      expect(answered).toBeTrue();
      clock.advance(100);
      call.subscription.unsubscribe();
      expect(clock.pendingCount).toBe(0);
      expect(records[0].waits).toEqual([
        jasmine.objectContaining({ kind: 'backoff', durationMs: 100 }),
      ]);
      clock.advance(10_000);
      backend.expectNone('/api/orders');
      backend.verify();
    });
  });

  describe('in the chain', () => {
    let chain: ChainTestBed;
    afterEach(() => chain.backend.verify());

    it('completes the caller’s observable once a retried call is answered', () => {
      chain = chainTestBed();
      let completed = false;
      chain.http.get('/api/orders').subscribe({ complete: () => (completed = true) });
      fail503(chain.backend.expectOne('/api/orders'));
      chain.clock.advance(150);
      chain.backend.expectOne('/api/orders').flush({});
      expect(completed).toBeTrue();
    });

    describe('the retry budget', () => {
      const tokens = () => TestBed.inject(OriginHealth).snapshot()[0].budgetTokens;

      it('spends a token on a retry and earns a quarter back on a success', () => {
        chain = chainTestBed();
        collect(chain.http.get('/api/orders'));
        fail503(chain.backend.expectOne('/api/orders'));
        expect(tokens()).toBe(9);
        chain.clock.advance(150);
        chain.backend.expectOne('/api/orders').flush({});
        expect(tokens()).toBeCloseTo(9.25, 9);
      });

      it('fails as budget-exhausted, with the status the call got, once only 5 tokens are left', () => {
        // A breaker that never opens, so only the budget stops the retries.
        chain = chainTestBed({ circuitBreaker: { minCalls: 1000 } });
        const twice = { context: new HttpContext().set(RETRY, { maxAttempts: 2 }) };
        for (let i = 0; i < 5; i++) {
          collect(chain.http.get(`/api/spend${i}`, twice));
          fail503(chain.backend.expectOne(`/api/spend${i}`));
          chain.clock.advance(150);
          fail503(chain.backend.expectOne(`/api/spend${i}`));
        }
        expect(tokens()).toBe(5);
        const call = collect(chain.http.get('/api/orders'));
        fail503(chain.backend.expectOne('/api/orders'));
        chain.clock.advance(10_000);
        chain.backend.expectNone('/api/orders');
        expect(call.error?.kind).toBe('budget-exhausted');
        expect(call.error?.status).toBe(503);
        expect(call.error?.retryable).toBeTrue();
      });

      it('spends nothing while waiting for the connection, and asks the clock for no wait', () => {
        chain = chainTestBed();
        const call = collect(chain.http.get('/api/orders'));
        const first = chain.backend.expectOne('/api/orders');
        const timers = chain.clock.requested.length;
        chain.network.goOffline();
        first.error(new ProgressEvent('error'), { status: 0, statusText: '' });
        expect(chain.clock.requested.length).toBe(timers);
        expect(tokens()).toBe(10);
        chain.network.goOnline();
        chain.backend.expectOne('/api/orders').flush({ back: true });
        expect(call.value).toEqual({ back: true });
        expect(tokens()).toBe(10);
        expect(chain.records[0].waits.map((w) => w.kind)).toEqual(['offline']);
      });
    });

    describe('the circuit breaker', () => {
      /** Ten failed calls open the breaker; 5 s later the next call is its probe. */
      function openBreaker(): void {
        for (let i = 0; i < 10; i++) {
          collect(
            chain.http.get(`/api/x${i}`, {
              context: new HttpContext().set(RETRY, { maxAttempts: 1 }),
            }),
          );
          fail503(chain.backend.expectOne(`/api/x${i}`));
        }
        expect(collect(chain.http.get('/api/fast')).error?.kind).toBe('circuit-open');
        chain.clock.advance(5000);
      }

      /** Whether a call made now goes out (the probe) or fails fast. */
      function sendsNow(url: string): boolean {
        const call = collect(chain.http.get(url));
        const sent = chain.backend.match(url);
        if (sent.length) sent[0].flush({});
        else expect(call.error?.kind).toBe('circuit-open');
        return sent.length > 0;
      }

      it('lets only the probe through while it is out, however many calls fail fast meanwhile', () => {
        chain = chainTestBed();
        openBreaker();
        const probe = collect(chain.http.get('/api/probe'));
        expect([sendsNow('/api/b'), sendsNow('/api/c')]).toEqual([false, false]);
        chain.backend.expectOne('/api/probe').flush({});
        expect(probe.value).toEqual({});
      });

      it('closes once the probe succeeds: calls go out side by side again', () => {
        chain = chainTestBed();
        openBreaker();
        collect(chain.http.get('/api/probe'));
        chain.backend.expectOne('/api/probe').flush({});
        collect(chain.http.get('/api/a'));
        collect(chain.http.get('/api/b'));
        chain.backend.expectOne('/api/a').flush({});
        chain.backend.expectOne('/api/b').flush({});
      });

      it('lets the next call be the probe when the caller cancels the probe', () => {
        chain = chainTestBed();
        openBreaker();
        const probe = collect(chain.http.get('/api/probe'));
        probe.subscription.unsubscribe();
        expect(chain.backend.expectOne('/api/probe').cancelled).toBeTrue();
        expect(sendsNow('/api/next')).toBeTrue();
      });

      it('lets the next call be the probe when the probe’s token refresh failed', () => {
        chain = chainTestBed({}, [{ provide: ACCESS_TOKEN_SOURCE, useValue: refreshFails() }]);
        openBreaker();
        const probe = collect(chain.http.get('/api/probe'));
        chain.backend
          .expectOne('/api/probe')
          .flush(null, { status: 401, statusText: 'Unauthorized' });
        expect(probe.error?.kind).toBe('server');
        expect(sendsNow('/api/next')).toBeTrue();
      });

      describe('a call let through before it opened, landing while the probe is out', () => {
        const answers: [string, (req: TestRequest) => void][] = [
          ['an answer', (req) => req.flush({})],
          ['a 404', (req) => req.flush(problem(404), { status: 404, statusText: 'Not Found' })],
          [
            'a 401 whose refresh failed',
            (req) => req.flush(null, { status: 401, statusText: 'Unauthorized' }),
          ],
        ];
        for (const [what, answer] of answers)
          it(`(${what}) leaves the probe the only call let through`, () => {
            chain = chainTestBed({}, [{ provide: ACCESS_TOKEN_SOURCE, useValue: refreshFails() }]);
            collect(chain.http.get('/api/early'));
            const early = chain.backend.expectOne('/api/early');
            openBreaker();
            collect(chain.http.get('/api/probe'));
            answer(early);
            expect(sendsNow('/api/next')).toBeFalse();
            chain.backend.expectOne('/api/probe').flush({});
          });
      });

      it('never retries a call whose token refresh failed, and tells the breaker nothing of it', () => {
        chain = chainTestBed({}, [{ provide: ACCESS_TOKEN_SOURCE, useValue: refreshFails() }]);
        for (let i = 0; i < 10; i++) {
          const call = collect(chain.http.get(`/api/r${i}`));
          chain.backend
            .expectOne(`/api/r${i}`)
            .flush(null, { status: 401, statusText: 'Unauthorized' });
          chain.clock.advance(10_000);
          chain.backend.expectNone(`/api/r${i}`);
          expect(call.error?.kind).toBe('server');
          expect(call.error?.attempts).toBe(1);
        }
        expect(sendsNow('/api/after')).toBeTrue();
      });
    });

    describe('leaving', () => {
      it('cancels a retry that started at once (a 0 ms backoff on a clock that fires it at once)', () => {
        chain = chainTestBed(
          {},
          [{ provide: NETWORK_CLOCK, useValue: new ImmediateClock() }],
          () => 0,
        );
        const call = collect(chain.http.get('/api/orders'));
        fail503(chain.backend.expectOne('/api/orders'));
        const second = chain.backend.expectOne('/api/orders');
        call.subscription.unsubscribe();
        expect(second.cancelled).toBeTrue();
      });

      it('cancels the attempt going out when the caller leaves on its Sent event, and sends nothing more', () => {
        chain = chainTestBed();
        // Leaves on the second attempt's Sent event, while that attempt is being sent.
        chain.http
          .get('/api/orders', { observe: 'events' })
          .pipe(
            filter((e) => e.type === HttpEventType.Sent),
            skip(1),
            take(1),
          )
          .subscribe();
        fail503(chain.backend.expectOne('/api/orders'));
        chain.clock.advance(150);
        expect(chain.records.map((r) => r.outcome)).toEqual(['aborted']);
        // The attempt that was going out is cancelled, and none follows it.
        const second = chain.backend.match('/api/orders');
        expect(second.length).toBe(1);
        expect(second[0].cancelled).toBeTrue();
        chain.clock.advance(10_000);
        chain.backend.expectNone('/api/orders');
      });
    });
  });
});

/** A session whose refresh fails as the refresh coordinator fails one on a 5xx: transiently. */
function refreshFails(): AccessTokenSource {
  return {
    current: () => 'token-1',
    refreshAfter: (): Observable<string> =>
      throwError(() => new AppError({ kind: 'server', status: 503 })),
  };
}

/** A clock whose 0 ms timer fires at once, while it is subscribed to. */
class ImmediateClock extends FakeNetworkClock {
  override timer(ms: number): Observable<unknown> {
    return ms === 0 ? of(0) : super.timer(ms);
  }
}
