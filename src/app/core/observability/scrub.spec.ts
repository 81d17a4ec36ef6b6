import { SECRET_HEADERS, SECRET_PARAMS } from '../http';
import { scrubDeep, scrubString, scrubUrl } from './scrub';

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

  it('removes every header core/http counts as a secret, in any case', () => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    for (const name of SECRET_HEADERS) headers[name.toUpperCase()] = `value-of-${name}`;
    const event = scrubDeep({ request: { headers } });
    for (const name of SECRET_HEADERS)
      expect(event.request.headers[name.toUpperCase()]).withContext(name).toBe('[redacted]');
    expect(event.request.headers['Accept']).toBe('application/json');
  });

  it('redacts every parameter core/http counts as a secret, in URLs and in free text', () => {
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
