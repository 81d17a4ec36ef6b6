import { SECRET_HEADERS, SECRET_PARAMS } from '@keel/network';
import { TOO_DEEP, scrubDeep, scrubString, scrubUrl } from './scrub';

const JWT =
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfZGVtbyIsInNuIjo0Mn0.dGhpcy1pcy1ub3QtYS1yZWFsLXNpZ25hdHVyZQ';
const REFRESH = 'rt_4f9c2b7a1e8d4c3b9a0f6e5d4c3b2a19';

describe('Sentry scrubbers', () => {
  it('removes an Authorization header, whatever its case', () => {
    const event = scrubDeep({
      request: {
        headers: {
          Authorization: `Bearer ${JWT}`,
          authorization: 'Basic abc',
          Accept: 'application/json',
        },
      },
    });
    expect(event.request.headers).toEqual({
      Authorization: '[redacted]',
      authorization: '[redacted]',
      Accept: 'application/json',
    });
  });

  it('removes Cookie and Set-Cookie headers and the cookies field', () => {
    const event = scrubDeep({
      request: {
        headers: { Cookie: `keel_refresh=${REFRESH}; XSRF-TOKEN=x1` },
        cookies: { keel_refresh: REFRESH },
      },
      response: { headers: { 'set-cookie': `keel_refresh=${REFRESH}; HttpOnly` } },
    });
    expect(JSON.stringify(event)).not.toContain(REFRESH);
    expect(event.request.cookies as unknown).toBe('[redacted]');
  });

  for (const name of [
    'token',
    'access_token',
    'refresh_token',
    'id_token',
    'code',
    'password',
    'api_key',
  ]) {
    it(`redacts the ${name} query parameter of a URL`, () => {
      expect(scrubUrl(`https://app.example/cb?${name}=s3cret-value&page=2`)).toBe(
        `https://app.example/cb?${name}=[redacted]&page=2`,
      );
    });
  }

  it('removes every header the network layer counts as a secret, in any case', () => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    for (const name of SECRET_HEADERS) headers[name.toUpperCase()] = `value-of-${name}`;
    const event = scrubDeep({ request: { headers } });
    for (const name of SECRET_HEADERS)
      expect(event.request.headers[name.toUpperCase()]).withContext(name).toBe('[redacted]');
    expect(event.request.headers['Accept']).toBe('application/json');
  });

  it('redacts every parameter the network layer counts as a secret, in URLs and in free text', () => {
    for (const name of SECRET_PARAMS) {
      expect(scrubUrl(`https://app.example/cb?${name}=s3cret-value&page=2`))
        .withContext(name)
        .toBe(`https://app.example/cb?${name}=[redacted]&page=2`);
      expect(scrubString(`failed with ${name}=s3cret-value`))
        .withContext(name)
        .toBe(`failed with ${name}=[redacted]`);
    }
  });

  it('redacts a JWT inside an error message', () => {
    expect(scrubString(`Request with ${JWT} failed`)).toBe('Request with [redacted] failed');
  });

  it('redacts a bearer token inside free text', () => {
    expect(scrubString('header was Bearer abcdefghijklmnop123')).toBe(
      'header was Bearer [redacted]',
    );
  });

  it('redacts token=… pairs inside free text', () => {
    expect(scrubString(`cookie keel_refresh=${REFRESH}; path=/`)).toBe(
      'cookie keel_refresh=[redacted]; path=/',
    );
  });

  it('redacts a JWT in an exception value', () => {
    const event = scrubDeep({
      exception: { values: [{ type: 'Error', value: `token ${JWT} rejected` }] },
    });
    expect(event.exception.values[0].value).toBe('token [redacted] rejected');
  });

  it('redacts a token in a breadcrumb URL', () => {
    const breadcrumb = scrubDeep({
      category: 'fetch',
      data: { url: `/api/orders?access_token=${JWT}&page=1`, method: 'GET', status_code: 200 },
    });
    expect(breadcrumb.data.url).toBe('/api/orders?access_token=[redacted]&page=1');
  });

  it('redacts a request query_string field', () => {
    const event = scrubDeep({ request: { url: '/cb', query_string: `code=abc123&state=ok` } });
    expect(event.request.query_string).toBe('code=[redacted]&state=ok');
  });

  it('redacts tokens nested deep in extra data and arrays', () => {
    const event = scrubDeep({
      extra: { calls: [{ note: `sent ${JWT}` }], deeper: { list: [[`Bearer ${REFRESH}`]] } },
    });
    expect(JSON.stringify(event)).not.toContain(JWT);
    expect(JSON.stringify(event)).not.toContain(REFRESH);
  });

  // Issue 14, item 8: the gaps the probe found, one test each.

  it('redacts values under secret keys whatever their shape, not only JWT-shaped ones', () => {
    const event = scrubDeep({
      extra: { password: 'hunter2', accessToken: 'opaque-1', refreshToken: REFRESH, page: 2 },
    });
    expect(event.extra).toEqual({
      password: '[redacted]',
      accessToken: '[redacted]',
      refreshToken: '[redacted]',
      page: 2,
    } as unknown as typeof event.extra);
  });

  it('matches secret keys whatever their case and separators', () => {
    const spellings = [
      'accessToken',
      'access_token',
      'access-token',
      'AccessToken',
      'ACCESS_TOKEN',
    ];
    const event = scrubDeep(Object.fromEntries(spellings.map((key) => [key, 'opaque-1'])));
    for (const key of spellings) expect(event[key]).withContext(key).toBe('[redacted]');
  });

  it('replaces an object under a secret key whole', () => {
    const event = scrubDeep({ contexts: { session: { id: 'sess-1', user: 'ada' } } });
    expect(event.contexts.session as unknown).toBe('[redacted]');
  });

  it('redacts camelCase accessToken=… and refreshToken=… pairs in free text', () => {
    expect(scrubString('retry with accessToken=opaque-1 and refreshToken=opaque-2, then')).toBe(
      'retry with accessToken=[redacted] and refreshToken=[redacted], then',
    );
  });

  it('redacts header-style "Name: value" credentials in free text', () => {
    expect(scrubString('sent x-xsrf-token: 5f2c9e1a')).toBe('sent x-xsrf-token: [redacted]');
    expect(scrubString('X-XSRF-TOKEN:5f2c9e1a\nAccept: */*')).toBe(
      'X-XSRF-TOKEN:[redacted]\nAccept: */*',
    );
    expect(scrubString('Authorization: Basic dXNlcjpodW50ZXIy')).toBe('Authorization: [redacted]');
    expect(scrubString(`Cookie: keel_refresh=${REFRESH}; theme=dark`)).toBe('Cookie: [redacted]');
  });

  it('redacts secret fields of JSON written into a message', () => {
    expect(scrubString('body {"refreshToken":"opaque-2","password": "hunter2","pin":1}')).toBe(
      'body {"refreshToken":"[redacted]","password": "[redacted]","pin":1}',
    );
  });

  it('keeps prose that only looks like a pair: "code: 500", "key: …"', () => {
    const text = 'failed with code: 500, key: orders.title, at 10:30 on https://app.example/x';
    expect(scrubString(text)).toBe(text);
  });

  it('redacts secret query values in navigation breadcrumbs (data.from, data.to), whole', () => {
    const breadcrumb = scrubDeep({
      category: 'navigation',
      data: { from: '/orders?key=k3y,s3cret&page=2', to: '/cb?sig%6Eature=a1b2;c3d4' },
    });
    expect(breadcrumb.data).toEqual({
      from: '/orders?key=[redacted]&page=2',
      to: '/cb?sig%6Eature=[redacted]',
    });
  });

  it('redacts secret query values in span URL attributes, whole', () => {
    const span = scrubDeep({
      name: 'GET /api/orders',
      attributes: {
        'url.full': 'https://api.example.com/api/orders?signature=a1,b2&page=1',
        'http.url': '/api/orders?key=k3y;s3cret',
        'url.query': 'token=t0k,en&page=1',
      },
    });
    expect(span.attributes).toEqual({
      'url.full': 'https://api.example.com/api/orders?signature=[redacted]&page=1',
      'http.url': '/api/orders?key=[redacted]',
      'url.query': 'token=[redacted]&page=1',
    });
  });

  it('redacts array-style secret parameters (token[]=, token[0]=, user[password]=)', () => {
    expect(scrubString('/cb?token[]=abc&token[0]=def&user[password]=ghi&page[size]=5')).toBe(
      '/cb?token[]=[redacted]&token[0]=[redacted]&user[password]=[redacted]&page[size]=5',
    );
    expect(scrubUrl('/cb?token%5B%5D=abc&page=2')).toBe('/cb?token%5B%5D=[redacted]&page=2');
  });

  it('redacts a JWT whose dots are percent-encoded', () => {
    const encoded = JWT.replaceAll('.', '%2E');
    expect(scrubString(`/cb/${encoded}/done`)).toBe('/cb/[redacted]/done');
    expect(scrubString(`state=${JWT.replaceAll('.', '%2e')}`)).toBe('state=[redacted]');
    expect(scrubString(`next=${JWT.replaceAll('.', '%252E')}`)).toBe('next=[redacted]');
  });

  it('cuts objects deeper than the depth limit instead of returning them as they are', () => {
    let deep: Record<string, unknown> = { note: 'opaque-1' };
    for (let i = 0; i < 20; i++) deep = { next: deep };
    const json = JSON.stringify(scrubDeep({ extra: deep }));
    expect(json).toContain(JSON.stringify(TOO_DEEP));
    expect(json).not.toContain('opaque-1');
  });

  it('keeps ordinary values as they are', () => {
    const event = {
      level: 'error',
      tags: { route: 'GET /api/orders/:id', 'error.kind': 'server' },
      extra: { attempts: 3, ok: true },
    };
    expect(scrubDeep(event)).toEqual(event);
  });

  it('does not follow a cyclic value forever', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic['self'] = cyclic;
    expect(() => scrubDeep(cyclic)).not.toThrow();
  });
});
