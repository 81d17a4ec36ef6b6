import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ActivatedRouteSnapshot, RouterStateSnapshot } from '@angular/router';
import { collect, networkLayerTesting, type NetworkLayerTesting } from '@keel/network/testing';
import { USER } from '../spec-support/session-fakes';
import { PREFETCH_MAX_AGE_MS, PagePrefetch, prefetchGets } from './page-prefetch';
import { SessionStore } from './session-store';

describe('PagePrefetch', () => {
  let layer: NetworkLayerTesting;
  let backend: HttpTestingController;
  let prefetch: PagePrefetch;
  let store: InstanceType<typeof SessionStore>;

  beforeEach(() => {
    layer = networkLayerTesting();
    TestBed.configureTestingModule({ providers: layer.providers });
    backend = TestBed.inject(HttpTestingController);
    prefetch = TestBed.inject(PagePrefetch);
    store = TestBed.inject(SessionStore);
    store.signedIn(USER, 'token-a', 600_000, layer.clock.now());
  });

  afterEach(() => backend.verify());

  /** Runs the route resolver `prefetchGets(...urls)` as the router would. */
  function resolve(...urls: string[]): unknown {
    return TestBed.runInInjectionContext(() =>
      prefetchGets(...urls)({} as ActivatedRouteSnapshot, {} as RouterStateSnapshot),
    );
  }

  it('starts each GET when the route resolves, and lets the navigation go on at once', () => {
    expect(resolve('/api/a', '/api/b')).toBeTrue();
    expect(backend.expectOne('/api/a').request.method).toBe('GET');
    backend.expectOne('/api/b');
  });

  it("hands the answer to the page's first read, without a second call", () => {
    resolve('/api/a');
    backend.expectOne('/api/a').flush({ n: 1 });
    expect(collect(prefetch.get('/api/a')).value).toEqual({ n: 1 });
  });

  it('shares a call still on the wire with the page that reads it', () => {
    resolve('/api/a');
    const read = collect(prefetch.get('/api/a'));
    expect(read.value).toBeUndefined();
    backend.expectOne('/api/a').flush({ n: 1 });
    expect(read.value).toEqual({ n: 1 });
  });

  it('hands each answer out once: the next read (a Retry, another visit) asks the server', () => {
    resolve('/api/a');
    backend.expectOne('/api/a').flush({ n: 1 });
    collect(prefetch.get('/api/a'));
    const again = collect(prefetch.get('/api/a'));
    backend.expectOne('/api/a').flush({ n: 2 });
    expect(again.value).toEqual({ n: 2 });
  });

  it('reads a URL nobody prefetched with a plain GET', () => {
    const read = collect(prefetch.get('/api/other'));
    backend.expectOne('/api/other').flush({ n: 3 });
    expect(read.value).toEqual({ n: 3 });
  });

  it('keeps an answer for 30 s by default, and no longer', () => {
    expect(TestBed.inject(PREFETCH_MAX_AGE_MS)).toBe(30_000);
    resolve('/api/a', '/api/b');
    backend.expectOne('/api/a').flush({ n: 1 });
    backend.expectOne('/api/b').flush({ n: 1 });
    layer.clock.advance(30_000);
    expect(collect(prefetch.get('/api/a')).value).toEqual({ n: 1 });
    layer.clock.advance(1);
    const stale = collect(prefetch.get('/api/b'));
    backend.expectOne('/api/b').flush({ n: 2 });
    expect(stale.value).toEqual({ n: 2 });
  });

  it('never hands one session’s answer to the next one', () => {
    resolve('/api/a');
    backend.expectOne('/api/a').flush({ user: 'u1' });
    store.signedOut();
    store.signedIn({ ...USER, id: 'u2' }, 'token-b', 600_000, layer.clock.now());
    const read = collect(prefetch.get('/api/a'));
    backend.expectOne('/api/a').flush({ user: 'u2' });
    expect(read.value).toEqual({ user: 'u2' });
  });

  it("hands a failed call's AppError to the page once, and its Retry asks again", () => {
    resolve('/api/a');
    backend.expectOne('/api/a').flush(null, { status: 404, statusText: 'Not Found' });
    expect(collect(prefetch.get('/api/a')).error?.kind).toBe('not-found');
    const retried = collect(prefetch.get('/api/a'));
    backend.expectOne('/api/a').flush({ n: 1 });
    expect(retried.value).toEqual({ n: 1 });
  });
});
