import { isAllowedOrigin, resolveUrl } from './origin';
import { countUrlParses } from './testing/count-url-parses';

const BASE = 'http://localhost:4200/orders/';
const ALLOWED = ['http://localhost:4200', 'https://api.example.com'];

describe('isAllowedOrigin', () => {
  it('allows a relative path, which resolves to the page origin', () => {
    expect(isAllowedOrigin('/api/orders', ALLOWED, BASE)).toBeTrue();
  });

  it('allows a path relative to the current page', () => {
    expect(isAllowedOrigin('api/orders', ALLOWED, BASE)).toBeTrue();
  });

  it('allows an absolute URL on the same origin', () => {
    expect(isAllowedOrigin('http://localhost:4200/api/orders', ALLOWED, BASE)).toBeTrue();
  });

  it('allows another listed origin', () => {
    expect(isAllowedOrigin('https://api.example.com/v1/orders', ALLOWED, BASE)).toBeTrue();
  });

  it('refuses another host', () => {
    expect(isAllowedOrigin('http://evil.example/api/orders', ALLOWED, BASE)).toBeFalse();
  });

  it('refuses a host that only starts like an allowed one', () => {
    expect(isAllowedOrigin('https://api.example.com.evil.example/x', ALLOWED, BASE)).toBeFalse();
  });

  it('refuses another port', () => {
    expect(isAllowedOrigin('http://localhost:4300/api/orders', ALLOWED, BASE)).toBeFalse();
  });

  it('refuses another scheme', () => {
    expect(isAllowedOrigin('https://localhost:4200/api/orders', ALLOWED, BASE)).toBeFalse();
  });

  it('refuses http for an origin allowed over https', () => {
    expect(isAllowedOrigin('http://api.example.com/v1/orders', ALLOWED, BASE)).toBeFalse();
  });

  it('refuses a protocol-relative URL to another host', () => {
    expect(isAllowedOrigin('//evil.example/x', ALLOWED, BASE)).toBeFalse();
  });

  it('refuses a URL that cannot be parsed', () => {
    expect(isAllowedOrigin('http://[::1', ALLOWED, BASE)).toBeFalse();
  });

  it('refuses a URL with an opaque origin', () => {
    expect(isAllowedOrigin('data:text/plain,hello', ALLOWED, BASE)).toBeFalse();
  });

  it('refuses everything when no origin is allowed', () => {
    expect(isAllowedOrigin('/api/orders', [], BASE)).toBeFalse();
  });
});

describe('resolveUrl', () => {
  const base = 'http://localhost:4200/orders/';
  const baseOrigin = 'http://localhost:4200';

  // The fast path must agree with the URL parser on everything it accepts.
  for (const url of [
    '/api/orders',
    '/api/orders?page=2&q=x',
    '/api/orders#frag',
    '/api/orders/ord_1?x=1#y',
    '/api/./auth/refresh',
    '/api/orders/../auth/refresh',
    '/api/%2e%2e/auth/refresh',
    '/api\\auth\\refresh',
    '/api/ördes',
    '/api/a b',
    '/',
    'api/orders',
    '//evil.example/x',
    'https://api.example.com/v1/orders?x=1',
    'HTTP://LOCALHOST:4200/api',
    'http://localhost:80/x',
  ]) {
    it(`reads ${url} as the URL parser does`, () => {
      const parsed = new URL(url, base);
      expect(resolveUrl(url, base, baseOrigin)).toEqual({
        origin: parsed.origin,
        path: parsed.pathname,
      });
    });
  }

  it('reads a root-relative path without calling the URL parser', () => {
    const parses = countUrlParses(() =>
      expect(resolveUrl('/api/orders?page=2', base, baseOrigin).path).toBe('/api/orders'),
    );
    expect(parses).toBe(0);
  });

  it('gives no origin for a URL that cannot be parsed', () => {
    expect(resolveUrl('http://[::1', base, baseOrigin)).toEqual({
      origin: undefined,
      path: 'http://[::1',
    });
  });
});
