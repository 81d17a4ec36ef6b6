import { DOCUMENT } from '@angular/common';
import { HttpContext } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { OriginHealth } from './origin-health';
import { IDEMPOTENCY_KEY, RETRY } from './retry-interceptor';
import { collect } from '@keel/network/testing';
import { type ChainTestBed, chainTestBed, fail503 } from '../spec-support/chain-test-bed';

describe('the call planner', () => {
  let chain: ChainTestBed;
  afterEach(() => chain.backend.verify());

  describe('idempotency keys', () => {
    beforeEach(() => (chain = chainTestBed()));

    it('leaves RETRY and IDEMPOTENCY_KEY null on a call that does not set them', () => {
      expect(new HttpContext().get(RETRY)).toBeNull();
      expect(new HttpContext().get(IDEMPOTENCY_KEY)).toBeNull();
    });

    for (const method of ['GET', 'HEAD'])
      it(`ignores IDEMPOTENCY_KEY on ${method}, which is retried anyway: no key is sent`, () => {
        const context = new HttpContext().set(IDEMPOTENCY_KEY, 'auto');
        collect(chain.http.request(method, '/api/orders', { context }));
        const req = chain.backend.expectOne('/api/orders');
        expect(req.request.headers.has('Idempotency-Key')).toBeFalse();
        req.flush(null);
      });

    it('sends a key given as a string as it is, on every attempt', () => {
      const context = new HttpContext().set(IDEMPOTENCY_KEY, 'form-7');
      collect(chain.http.post('/api/orders', {}, { context }));
      const first = chain.backend.expectOne('/api/orders');
      fail503(first);
      chain.clock.advance(150);
      const second = chain.backend.expectOne('/api/orders');
      second.flush({}, { status: 201, statusText: 'Created' });
      expect([first, second].map((r) => r.request.headers.get('Idempotency-Key'))).toEqual([
        'form-7',
        'form-7',
      ]);
    });

    it('takes an empty key for none: the POST goes out unkeyed and is not repeated', () => {
      const context = new HttpContext().set(IDEMPOTENCY_KEY, '');
      const call = collect(chain.http.post('/api/orders', {}, { context }));
      const req = chain.backend.expectOne('/api/orders');
      expect(req.request.headers.has('Idempotency-Key')).toBeFalse();
      fail503(req);
      chain.clock.advance(10_000);
      chain.backend.expectNone('/api/orders');
      expect(call.error?.attempts).toBe(1);
    });
  });

  describe('retry policy', () => {
    beforeEach(() => (chain = chainTestBed()));

    it('lays a RETRY override over the default policy, keeping what it does not name', () => {
      const call = collect(
        chain.http.get('/api/orders', {
          context: new HttpContext().set(RETRY, { maxAttempts: 2 }),
        }),
      );
      fail503(chain.backend.expectOne('/api/orders'));
      expect(chain.clock.requested).toContain(150); // the default backoff: 0.5 × 300 ms
      chain.clock.advance(150);
      fail503(chain.backend.expectOne('/api/orders'));
      chain.clock.advance(10_000);
      chain.backend.expectNone('/api/orders');
      expect(call.error?.kind).toBe('server');
      expect(call.error?.attempts).toBe(2);
    });
  });

  describe('origins', () => {
    it('files a call whose URL cannot be parsed under the origin "unknown", off the allow-list', () => {
      chain = chainTestBed();
      collect(chain.http.get('http://[::1'));
      const req = chain.backend.expectOne('http://[::1');
      expect(req.request.headers.has('X-Request-Id')).toBeFalse();
      req.flush({});
      expect(
        TestBed.inject(OriginHealth)
          .snapshot()
          .map((h) => h.origin),
      ).toEqual(['unknown']);
    });

    it('files the root-relative calls of a page whose base URL has no origin (about:blank) under none', () => {
      chain = chainTestBed({ apiOrigins: ['https://api.example.com'] }, [
        { provide: DOCUMENT, useValue: { baseURI: 'about:blank' } },
      ]);
      collect(chain.http.get('/api/orders'));
      const req = chain.backend.expectOne('/api/orders');
      expect(req.request.headers.has('X-Request-Id')).toBeFalse();
      req.flush({});
      expect(
        TestBed.inject(OriginHealth)
          .snapshot()
          .map((h) => h.origin),
      ).toEqual(['']);
    });
  });
});
