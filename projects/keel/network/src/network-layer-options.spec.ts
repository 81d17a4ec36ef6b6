import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SENTRY_TRACE_TARGET } from './network-layer-options';
import { collect, networkLayerTesting } from '@keel/network/testing';

describe('network layer option defaults', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: networkLayerTesting().providers });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('tells the app’s own API that it is the web app, version 0.0.0 unless the app names its version', () => {
    collect(http.get('/api/orders'));
    const sent = backend.expectOne('/api/orders');
    sent.flush([]);
    expect(sent.request.headers.get('X-Platform')).toBe('web');
    expect(sent.request.headers.get('X-App-Version')).toBe('0.0.0');
  });

  it('sends no sentry-trace until something names a target for it', () => {
    collect(http.get('/api/orders'));
    const sent = backend.expectOne('/api/orders');
    sent.flush([]);
    expect(sent.request.headers.has('sentry-trace')).toBeFalse();
    expect(TestBed.inject(SENTRY_TRACE_TARGET)(location.origin, '/api/orders')).toBe(false);
  });
});
