import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DEADLINE, deadlineInterceptor } from './deadline-interceptor';

describe('the deadline stage', () => {
  it('leaves DEADLINE null on a call that does not set it (null: the layer’s default)', () => {
    expect(new HttpContext().get(DEADLINE)).toBeNull();
    expect(new HttpContext().set(DEADLINE, 2000).get(DEADLINE)).toBe(2000);
  });

  it('throws in dev mode, naming itself and the fix, when it runs without the error mapper', () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([deadlineInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    let error: unknown;
    TestBed.inject(HttpClient)
      .get('/api/orders')
      .subscribe({ error: (e: unknown) => (error = e) });
    expect(String(error)).toContain('The deadline interceptor got a request without a call plan');
    expect(String(error)).toContain('Use provideNetworkLayer()');
    TestBed.inject(HttpTestingController).expectNone('/api/orders');
  });
});
