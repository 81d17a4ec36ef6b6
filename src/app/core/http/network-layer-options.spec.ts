import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { version } from '../../../../package.json';
import { SENTRY_TRACE_TARGET } from './network-layer-options';
import { collect, networkLayerTesting } from './testing';

describe('network layer option defaults', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: networkLayerTesting().providers });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('tells the app’s own API that it is the web app, in the version package.json names', () => {
    collect(http.get('/api/orders'));
    const sent = backend.expectOne('/api/orders');
    sent.flush([]);
    expect(sent.request.headers.get('X-Platform')).toBe('web');
    expect(sent.request.headers.get('X-App-Version')).toBe(version);
  });

  it('sends no sentry-trace until something names a target for it', () => {
    collect(http.get('/api/orders'));
    const sent = backend.expectOne('/api/orders');
    sent.flush([]);
    expect(sent.request.headers.has('sentry-trace')).toBeFalse();
    expect(TestBed.inject(SENTRY_TRACE_TARGET)(location.origin, '/api/orders')).toBe(false);
  });
});
