import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ACCESS_TOKEN_SOURCE } from './access-token-source';
import { collect, networkLayerTesting } from '@keel/network/testing';

describe('ACCESS_TOKEN_SOURCE by default (no session provided)', () => {
  it('has no token', () => {
    expect(TestBed.inject(ACCESS_TOKEN_SOURCE).current()).toBeNull();
  });

  it('sends no Authorization, and a 401 fails as unauthorized after one trip, with no refresh', () => {
    TestBed.configureTestingModule({ providers: networkLayerTesting().providers });
    const backend = TestBed.inject(HttpTestingController);
    const call = collect(TestBed.inject(HttpClient).get('/api/orders'));
    const req = backend.expectOne('/api/orders');
    expect(req.request.headers.has('Authorization')).toBeFalse();
    req.flush(null, { status: 401, statusText: 'Unauthorized' });
    backend.expectNone('/api/orders');
    backend.verify();
    expect(call.error?.kind).toBe('unauthorized');
    expect(call.error?.status).toBe(401);
    expect(call.error?.attempts).toBe(1);
  });
});
