import {
  SECRET_HEADERS,
  SECRET_PARAMS,
  isSecretHeader,
  isSecretParam,
  normalizeSecretName,
  redactHeaderValue,
} from './secret-names';

describe('secret names', () => {
  it('treats accessToken, access_token, access-token and AccessToken as one name', () => {
    for (const name of [
      'access_token',
      'accessToken',
      'access-token',
      'AccessToken',
      'ACCESS_TOKEN',
    ])
      expect(isSecretParam(name)).withContext(name).toBeTrue();
    for (const name of ['refreshToken', 'RefreshToken', 'refresh-token', 'apiKey', 'API-KEY'])
      expect(isSecretParam(name)).withContext(name).toBeTrue();
  });

  it('matches header names whatever their case and separators', () => {
    for (const name of ['X-XSRF-TOKEN', 'x-xsrf-token', 'X_Xsrf_Token', 'xXsrfToken', 'Set-Cookie'])
      expect(isSecretHeader(name)).withContext(name).toBeTrue();
  });

  it('counts an array- or object-style parameter by its parts', () => {
    for (const name of ['token[]', 'token[0]', 'Token[]', 'user[password]', 'a[b][refreshToken]'])
      expect(isSecretParam(name)).withContext(name).toBeTrue();
    expect(isSecretParam('page[size]')).toBeFalse();
  });

  it('does not count a name that only contains a secret one', () => {
    for (const name of ['barcode', 'tokens', 'keyboard', 'monkey', 'passwordHint', 'status_code'])
      expect(isSecretParam(name)).withContext(name).toBeFalse();
    expect(isSecretHeader('X-Request-Id')).toBeFalse();
  });

  it('spells each name once: no two entries of a list are one name normalised', () => {
    for (const list of [SECRET_HEADERS, SECRET_PARAMS]) {
      const normalized = [...list].map(normalizeSecretName);
      expect(new Set(normalized).size)
        .withContext([...list].join(' '))
        .toBe(list.size);
    }
  });

  it('hides the value of every header that carries credentials, whatever its case', () => {
    for (const name of [
      'Authorization',
      'Proxy-Authorization',
      'Cookie',
      'Set-Cookie',
      'X-XSRF-TOKEN',
      'X-CSRF-Token',
      'X-Api-Key',
    ])
      expect(redactHeaderValue(name, 's3cret')).withContext(name).toBe('[redacted]');
  });

  it('keeps the Bearer scheme word of a hidden token, and only that', () => {
    expect(redactHeaderValue('Authorization', 'Bearer eyJhbGciOi')).toBe('Bearer [redacted]');
    expect(redactHeaderValue('Authorization', 'Basic dXNlcjpwYXNz')).toBe('[redacted]');
    expect(redactHeaderValue('Authorization', 'Token Bearer ')).toBe('[redacted]');
  });

  it('shows the value of a header that carries no credentials', () => {
    expect(redactHeaderValue('X-Request-Id', 'Bearer 42')).toBe('Bearer 42');
  });

  it('counts the usual names of tokens, keys, signatures and sessions as secret parameters', () => {
    for (const name of [
      'token',
      'access_token',
      'refresh_token',
      'id_token',
      'code',
      'password',
      'secret',
      'api_key',
      'key',
      'sig',
      'signature',
      'auth',
      'session',
      'keel_refresh',
      'XSRF-TOKEN',
    ])
      expect(isSecretParam(name)).withContext(name).toBeTrue();
  });

  it('compares names lower-cased, without dashes and underscores', () => {
    expect(normalizeSecretName('X-Api_Key')).toBe('xapikey');
  });
});
