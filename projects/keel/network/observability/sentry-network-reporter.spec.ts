import { TestBed } from '@angular/core/testing';
import { AppError } from '@keel/network';
import { SENTRY_CLIENT, type SentryClient } from './sentry-client';
import { SentryNetworkReporter } from './sentry-network-reporter';
import { routeOf } from './route-of';

describe('SentryNetworkReporter', () => {
  let sent: { exceptions: unknown[][]; breadcrumbs: unknown[] };

  beforeEach(() => {
    sent = { exceptions: [], breadcrumbs: [] };
    const client: SentryClient = {
      captureException: (error, context) => sent.exceptions.push([error, context]),
      captureMessage: () => undefined,
      addBreadcrumb: (b) => sent.breadcrumbs.push(b),
    };
    TestBed.configureTestingModule({ providers: [{ provide: SENTRY_CLIENT, useValue: client }] });
  });

  it('captures a server failure as one event grouped by kind and route', () => {
    const error = new AppError({
      kind: 'server',
      status: 503,
      requestId: 'req-1',
      attempts: 3,
      durationMs: 900,
    });
    TestBed.inject(SentryNetworkReporter).report(error, {
      method: 'GET',
      url: '/api/orders/ord_42?page=2',
    });
    expect(sent.exceptions.length).toBe(1);
    expect(sent.exceptions[0][1]).toEqual({
      fingerprint: ['network', 'server', 'GET /api/orders/:id'],
      tags: { 'error.kind': 'server', route: 'GET /api/orders/:id' },
      extra: { requestId: 'req-1', status: 503, attempts: 3, durationMs: 900 },
    });
  });

  it("puts the event in the call's trace: the traceparent its last attempt sent", () => {
    const trace = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' };
    TestBed.inject(SentryNetworkReporter).report(new AppError({ kind: 'server', status: 500 }), {
      method: 'GET',
      url: '/api/orders',
      trace,
    });
    expect(sent.exceptions[0][1]).toEqual(
      jasmine.objectContaining({
        contexts: { trace: { trace_id: trace.traceId, span_id: trace.spanId } },
      }),
    );
  });

  for (const kind of ['validation', 'not-found', 'aborted'] as const) {
    it(`records an expected ${kind} as a breadcrumb, not an event`, () => {
      TestBed.inject(SentryNetworkReporter).report(new AppError({ kind }), {
        method: 'POST',
        url: '/api/orders',
      });
      expect(sent.exceptions).toEqual([]);
      expect(sent.breadcrumbs.length).toBe(1);
    });
  }

  it('names routes without ids, query or origin', () => {
    expect(routeOf('https://api.example/api/orders/ord_123?x=1#y')).toBe('/api/orders/:id');
    expect(routeOf('/api/dashboard/top-products')).toBe('/api/dashboard/top-products');
  });
});
