import { HttpClient, HttpXsrfTokenExtractor } from '@angular/common/http';
import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { throwError } from 'rxjs';
import { AppError } from './app-error';
import { ACCESS_TOKEN_SOURCE } from './access-token-source';
import { isAllowedOrigin, originOf, originSet, resolveUrl } from './origin';
import { collect, networkLayerTesting } from '@keel/network/testing';
import { countUrlParses } from '../spec-support/count-url-parses';

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

  it('allows an IPv6 literal written another way, which the URL parser makes the same host', () => {
    const allowed = ['http://[::1]:3000'];
    expect(isAllowedOrigin('http://[0:0:0:0:0:0:0:1]:3000/api', allowed, BASE)).toBeTrue();
    expect(isAllowedOrigin('http://[::2]:3000/api', allowed, BASE)).toBeFalse();
    expect(isAllowedOrigin('http://[::1]:3001/api', allowed, BASE)).toBeFalse();
  });

  it('matches an allow-list entry written in upper case', () => {
    expect(
      isAllowedOrigin('https://api.example.com/v1', ['HTTPS://API.EXAMPLE.COM'], BASE),
    ).toBeTrue();
  });
});

/**
 * The credentials themselves, through the real chain (issue 14): the access token, Angular's
 * XSRF header and cookies (`withCredentials`) go only where the browser's same-origin rules say
 * the allow-listed origin is. Every lookalike below is parsed as the browser parses it (the call
 * plan resolves the URL with `new URL` against the document's base, as `fetch` does).
 */
describe('credentials for URLs that only look like an allowed origin', () => {
  const TOKEN = 'access-token-1';
  const XSRF = 'xsrf-token-1';
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    const layer = networkLayerTesting({
      apiOrigins: [location.origin, 'https://api.example.com', 'http://localhost:3000'],
    });
    TestBed.configureTestingModule({
      providers: [
        ...layer.providers,
        {
          provide: ACCESS_TOKEN_SOURCE,
          useValue: {
            current: () => TOKEN,
            refreshAfter: () => throwError(() => new AppError({ kind: 'unauthorized' })),
          },
        },
        { provide: HttpXsrfTokenExtractor, useValue: { getToken: () => XSRF } },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  /** What one POST to `url` carried (POST, so Angular's XSRF interceptor is in play). */
  function post(url: string): TestRequest {
    collect(http.post(url, {}));
    const sent = backend.expectOne(url);
    sent.flush({});
    return sent;
  }

  function expectNoCredentials(sent: TestRequest): void {
    const { headers, withCredentials } = sent.request;
    expect(headers.has('Authorization')).withContext('Authorization').toBeFalse();
    expect(headers.has('X-XSRF-TOKEN')).withContext('X-XSRF-TOKEN').toBeFalse();
    expect(withCredentials).withContext('withCredentials').toBeFalse();
    // Not credentials, but the same allow-list decides them: none of Keel's headers either.
    expect(headers.has('X-Request-Id')).withContext('X-Request-Id').toBeFalse();
  }

  for (const [what, url] of [
    // The userinfo ends at the last `@`: the host is evil.example.
    ['userinfo that spells the API origin', 'https://api.example.com@evil.example/v1/orders'],
    ['userinfo with a port', 'https://api.example.com:443@evil.example/v1/orders'],
    // `api.example.com.` resolves to the same server in DNS, but it is another host string, so
    // another origin to the same-origin policy (its cookies, CORS and storage are separate).
    ['a trailing-dot host', 'https://api.example.com./v1/orders'],
    // The browser does not treat loopback names as one origin: [::1] is not localhost.
    ['an IPv6 literal for a loopback origin configured by name', 'http://[::1]:3000/api/orders'],
    ['an IPv4 literal for a loopback origin configured by name', 'http://127.0.0.1:3000/api'],
    // For http(s) the URL parser reads `\` as `/`: these are network paths to evil.example.
    ['backslashes after the scheme', 'https:\\\\evil.example\\api'],
    ['a slash and a backslash', '/\\evil.example/api'],
    ['two backslashes', '\\\\evil.example/api'],
    ['a protocol-relative URL', '//evil.example/api'],
    // The parser drops tabs and newlines before it reads the URL, leaving `//evil.example`.
    ['a tab between the slashes', '/\t/evil.example/api'],
    ['a suffix of an allowed host', 'https://api.example.com.evil.example/v1'],
    ['another scheme on an allowed host', 'http://api.example.com/v1/orders'],
  ]) {
    it(`sends no credentials to ${what} (${url})`, () => expectNoCredentials(post(url)));
  }

  it('sends the token and the XSRF header to a relative URL, which is the app’s own origin', () => {
    for (const url of ['/api/orders', 'api/orders']) {
      const { headers } = post(url).request;
      expect(headers.get('Authorization')).withContext(url).toBe(`Bearer ${TOKEN}`);
      expect(headers.get('X-XSRF-TOKEN')).withContext(url).toBe(XSRF);
    }
  });

  // The host of an http(s) URL is case-insensitive (the URL parser lower-cases it), so this IS
  // the allowed origin and the browser sends it there: the token goes, as it would for the
  // lower-case spelling. The XSRF header does not: Angular sends it to the page's origin only.
  it('sends the token to an upper-case spelling of an allowed origin, which is that origin', () => {
    const { headers } = post('HTTPS://API.EXAMPLE.COM/v1/orders').request;
    expect(headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(headers.has('X-XSRF-TOKEN')).toBeFalse();
  });

  it('sends the token to an allowed origin written with its default port', () => {
    expect(post('https://api.example.com:443/v1/orders').request.headers.get('Authorization')).toBe(
      `Bearer ${TOKEN}`,
    );
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
    '/\\evil.example/api',
    '\\\\evil.example/api',
    '/\t/evil.example/api',
    '/\n/evil.example/api',
    ' //evil.example/api',
    'https://api.example.com@evil.example/v1',
    'https://api.example.com./v1',
    'http://[::1]:3000/api',
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

  it('gives no origin for a URL whose origin is opaque', () => {
    expect(resolveUrl('data:text/plain,hello', base, baseOrigin)).toEqual({
      origin: undefined,
      path: 'text/plain,hello',
    });
  });
});

describe('originOf', () => {
  it('gives the origin of a URL resolved against the base', () => {
    expect(originOf('/api/orders', BASE)).toBe('http://localhost:4200');
    expect(originOf('HTTPS://API.EXAMPLE.COM:443/v1', BASE)).toBe('https://api.example.com');
  });

  it('gives no origin for a URL that cannot be parsed or whose origin is opaque', () => {
    expect(originOf('http://[::1', BASE)).toBeUndefined();
    expect(originOf('data:text/plain,hello', BASE)).toBeUndefined();
  });
});

describe('originSet', () => {
  it('holds each allowed origin once, however it was written', () => {
    expect([
      ...originSet(['https://api.example.com', 'HTTPS://api.example.com:443'], BASE),
    ]).toEqual(['https://api.example.com']);
  });

  it('leaves out allow-list entries that name no origin', () => {
    expect([
      ...originSet(['http://[::1', 'data:text/plain,x', 'https://api.example.com'], BASE),
    ]).toEqual(['https://api.example.com']);
  });
});
