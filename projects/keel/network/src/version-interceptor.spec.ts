import { TestBed } from '@angular/core/testing';
import { ApiVersionSignals } from './api-version-signals';
import { stageAlone, withNgDevMode } from '../spec-support/chain-test-bed';
import { versionInterceptor } from './version-interceptor';

// What the stage sends and reads through the whole chain is in network-layer.spec.ts.
describe('the version stage', () => {
  it('throws in dev mode, naming itself and the fix, when it runs without the error mapper', () => {
    const { http, backend } = stageAlone(versionInterceptor);
    let error: unknown;
    http.get('/api/orders').subscribe({ error: (e: unknown) => (error = e) });
    expect(String(error)).toContain('The version interceptor got a request without a call plan');
    expect(String(error)).toContain('Use provideNetworkLayer()');
    backend.expectNone('/api/orders');
  });

  it('in production, passes a request without a call plan on as it is and reads nothing back', () => {
    const { http, backend } = stageAlone(versionInterceptor);
    const seen: unknown[] = [];
    withNgDevMode(false, () =>
      http.get('/api/orders').subscribe({
        next: (body) => seen.push(body),
        error: (e: unknown) => seen.push(e),
      }),
    );
    const req = backend.expectOne('/api/orders');
    expect(req.request.headers.has('X-App-Version')).toBeFalse();
    req.flush({ orders: [] }, { headers: { 'X-Flags-Version': '4' } });
    expect(seen).toEqual([{ orders: [] }]);
    expect(TestBed.inject(ApiVersionSignals).flagsVersion()).toBeNull();
  });
});
