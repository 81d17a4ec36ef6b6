import { correlationInterceptor } from './correlation-interceptor';
import { stageAlone, withNgDevMode } from '../spec-support/chain-test-bed';

// The header itself (one X-Request-Id per call, none off the allow-list) is checked through the
// whole chain in network-layer.spec.ts.
describe('the correlation stage', () => {
  it('throws in dev mode, naming itself and the fix, when it runs without the error mapper', () => {
    const { http, backend } = stageAlone(correlationInterceptor);
    let error: unknown;
    http.get('/api/orders').subscribe({ error: (e: unknown) => (error = e) });
    expect(String(error)).toContain(
      'The correlation interceptor got a request without a call plan',
    );
    expect(String(error)).toContain('Use provideNetworkLayer()');
    backend.expectNone('/api/orders');
  });

  it('in production, passes a request without a call plan on as it is', () => {
    const { http, backend } = stageAlone(correlationInterceptor);
    const seen: unknown[] = [];
    withNgDevMode(false, () =>
      http.get('/api/orders').subscribe({
        next: (body) => seen.push(body),
        error: (e: unknown) => seen.push(e),
      }),
    );
    const req = backend.expectOne('/api/orders');
    expect(req.request.headers.has('X-Request-Id')).toBeFalse();
    req.flush({ orders: [] });
    expect(seen).toEqual([{ orders: [] }]);
  });
});
