import { HttpContext } from '@angular/common/http';
import type { TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { BACKGROUND, NetworkActivity, STREAMING } from './observability-interceptor';
import { collect } from '@keel/network/testing';
import { type ChainTestBed, chainTestBed } from '../spec-support/chain-test-bed';

describe('the observability stage', () => {
  it('leaves BACKGROUND and STREAMING off on a call that does not set them', () => {
    expect(new HttpContext().get(BACKGROUND)).toBeFalse();
    expect(new HttpContext().get(STREAMING)).toBeFalse();
  });

  describe('in the chain', () => {
    let chain: ChainTestBed;
    beforeEach(() => (chain = chainTestBed()));
    afterEach(() => chain.backend.verify());

    it('completes the caller’s observable once the answer is in', () => {
      let completed = false;
      chain.http.get('/api/orders').subscribe({ complete: () => (completed = true) });
      chain.backend.expectOne('/api/orders').flush({});
      expect(completed).toBeTrue();
    });

    it('says whether a call was a background one', () => {
      collect(chain.http.get('/api/orders'));
      collect(chain.http.get('/api/flags', { context: new HttpContext().set(BACKGROUND, true) }));
      chain.backend.expectOne('/api/orders').flush({});
      chain.backend.expectOne('/api/flags').flush({});
      expect(chain.records.map((r) => [r.url, r.background])).toEqual([
        ['/api/orders', false],
        ['/api/flags', true],
      ]);
    });

    it('records a call the caller left as aborted, with no error', () => {
      const call = collect(chain.http.get('/api/orders'));
      chain.clock.advance(30);
      call.subscription.unsubscribe();
      expect(chain.backend.expectOne('/api/orders').cancelled).toBeTrue();
      expect(chain.records).toEqual([
        jasmine.objectContaining({
          outcome: 'aborted',
          status: 0,
          errorKind: 'aborted',
          durationMs: 30,
        }),
      ]);
      expect(chain.reported).toEqual([]);
    });

    it('records an attempt the browser aborted as an aborted call, not a failed one', () => {
      const call = collect(chain.http.get('/api/orders'));
      abort(chain.backend.expectOne('/api/orders'));
      expect(call.error?.kind).toBe('aborted');
      expect(chain.records).toEqual([
        jasmine.objectContaining({ outcome: 'aborted', status: 0, errorKind: 'aborted' }),
      ]);
    });

    describe('calls in flight', () => {
      let activity: NetworkActivity;
      beforeEach(() => (activity = TestBed.inject(NetworkActivity)));

      it('counts user-visible calls down one at a time as they settle', () => {
        collect(chain.http.get('/api/a'));
        collect(chain.http.get('/api/b'));
        expect(activity.visibleInFlight()).toBe(2);
        chain.backend.expectOne('/api/a').flush({});
        expect(activity.visibleInFlight()).toBe(1);
        chain.backend.expectOne('/api/b').flush(null, { status: 404, statusText: 'Not Found' });
        expect(activity.visibleInFlight()).toBe(0);
        expect(activity.busy()).toBeFalse();
      });

      it('leaves the count alone when a background call settles', () => {
        collect(chain.http.get('/api/orders'));
        const poll = new HttpContext().set(BACKGROUND, true);
        collect(chain.http.get('/api/flags', { context: poll }));
        chain.backend.expectOne('/api/flags').flush({});
        expect(activity.visibleInFlight()).toBe(1);
        expect(activity.busy()).toBeTrue();
        chain.backend.expectOne('/api/orders').flush({});
        expect(activity.visibleInFlight()).toBe(0);
      });
    });
  });
});

/** What the fetch backend reports when the browser aborts a request (status 0, an AbortError). */
function abort(req: TestRequest): void {
  req.error(
    new DOMException('The user aborted a request.', 'AbortError') as unknown as ProgressEvent,
  );
}
