import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { dispatchInterceptor } from './dispatch-interceptor';

describe('the dispatch stage', () => {
  it('in production, passes a request without a call plan on as it is', () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([dispatchInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    const seen: unknown[] = [];
    // ngDevMode is false in production builds; the check for a missing plan is dev-only.
    withNgDevMode(false, () =>
      TestBed.inject(HttpClient)
        .get('/api/orders')
        .subscribe({ next: (body) => seen.push(body), error: (e: unknown) => seen.push(e) }),
    );
    TestBed.inject(HttpTestingController).expectOne('/api/orders').flush({ orders: [] });
    expect(seen).toEqual([{ orders: [] }]);
  });
});

function withNgDevMode(value: unknown, run: () => void): void {
  const global = globalThis as { ngDevMode?: unknown };
  const saved = global.ngDevMode;
  global.ngDevMode = value;
  try {
    run();
  } finally {
    global.ngDevMode = saved;
  }
}
