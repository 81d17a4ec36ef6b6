import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { ApiVersionSignals } from './api-version-signals';
import { attemptTimeoutInterceptor } from './attempt-timeout-interceptor';
import { authInterceptor } from './auth-interceptor';
import { correlationInterceptor } from './correlation-interceptor';
import { deadlineInterceptor } from './deadline-interceptor';
import { dispatchInterceptor } from './dispatch-interceptor';
import { observabilityInterceptor } from './observability-interceptor';
import { retryInterceptor } from './retry-interceptor';
import { versionInterceptor } from './version-interceptor';
import { problem, stageAlone, withNgDevMode } from '../spec-support/chain-test-bed';

/**
 * Every stage inside the error mapper reads the call plan the mapper makes. Wired by hand (or in
 * another order) a stage finds none: in dev mode it says so, naming itself and the fix; in a
 * production build (ngDevMode false, the check compiled out) it passes the request on as it is,
 * adding nothing of its own.
 */
const STAGES: readonly { name: string; stage: HttpInterceptorFn; header?: string }[] = [
  { name: 'observability', stage: observabilityInterceptor },
  { name: 'correlation', stage: correlationInterceptor, header: 'X-Request-Id' },
  { name: 'deadline', stage: deadlineInterceptor },
  { name: 'retry', stage: retryInterceptor, header: 'X-Attempt' },
  { name: 'auth', stage: authInterceptor, header: 'Authorization' },
  { name: 'version', stage: versionInterceptor, header: 'X-App-Version' },
  { name: 'dispatch', stage: dispatchInterceptor, header: 'traceparent' },
  { name: 'attempt timeout', stage: attemptTimeoutInterceptor },
];

describe('a stage without a call plan', () => {
  for (const { name, stage, header } of STAGES) {
    it(`${name}: throws in dev mode, naming itself and the fix, and sends nothing`, () => {
      const { http, backend } = stageAlone(stage);
      let error: unknown;
      http.get('/api/orders').subscribe({ error: (e: unknown) => (error = e) });
      expect(String(error)).toContain(`The ${name} interceptor got a request without a call plan`);
      expect(String(error)).toContain('Use provideNetworkLayer()');
      backend.expectNone('/api/orders');
    });

    it(`${name}: in production, passes the request on as it is, once`, () => {
      const { http, backend } = stageAlone(stage);
      const seen: unknown[] = [];
      withNgDevMode(false, () =>
        http.get('/api/orders').subscribe({
          next: (body) => seen.push(body),
          error: (e: unknown) => seen.push(e),
        }),
      );
      const req = backend.expectOne('/api/orders');
      if (header) expect(req.request.headers.has(header)).toBeFalse();
      req.flush({ orders: [] }, { headers: { 'X-Flags-Version': '4' } });
      expect(seen).toEqual([{ orders: [] }]);
      // Nothing read back from the answer either (the version stage's flags version).
      expect(TestBed.inject(ApiVersionSignals).flagsVersion()).toBeNull();
    });
  }

  it('retry: in production, does not retry a 503 it has no plan for', () => {
    const { http, backend } = stageAlone(retryInterceptor);
    const seen: unknown[] = [];
    withNgDevMode(false, () =>
      http.get('/api/orders').subscribe({ error: (e: unknown) => seen.push(e) }),
    );
    backend
      .expectOne('/api/orders')
      .flush(problem(503), { status: 503, statusText: 'Service Unavailable' });
    backend.expectNone('/api/orders');
    expect(seen).toEqual([jasmine.any(HttpErrorResponse)]);
  });
});
