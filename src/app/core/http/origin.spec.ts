import { isAllowedOrigin } from './origin';

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
