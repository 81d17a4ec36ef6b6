import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  for (const name of ['token', 'access_token', 'code', 'password']) {
    it(`redacts the value of ${name}`, () => {
      expect(redactUrl(`https://api.example.com/cb?${name}=s3cret`)).toBe(
        `https://api.example.com/cb?${name}=[redacted]`,
      );
    });
  }

  it('matches parameter names case-insensitively', () => {
    expect(redactUrl('/cb?Token=a&ACCESS_TOKEN=b&Code=c&PassWord=d')).toBe(
      '/cb?Token=[redacted]&ACCESS_TOKEN=[redacted]&Code=[redacted]&PassWord=[redacted]',
    );
  });

  it('keeps other parameters and their order', () => {
    expect(redactUrl('/api/orders?page=2&token=abc&sort=-date')).toBe(
      '/api/orders?page=2&token=[redacted]&sort=-date',
    );
  });

  it('keeps a relative URL relative', () => {
    expect(redactUrl('/api/auth/callback?code=xyz')).toBe('/api/auth/callback?code=[redacted]');
  });

  it('keeps the fragment of a URL with a hash', () => {
    expect(redactUrl('/api/orders?token=abc&page=2#details')).toBe(
      '/api/orders?token=[redacted]&page=2#details',
    );
  });

  it('does not leak a secret through the fragment boundary', () => {
    expect(redactUrl('/api/orders?token=abc#details')).not.toContain('abc');
  });

  it('leaves a URL without a query unchanged', () => {
    expect(redactUrl('https://api.example.com/api/orders/42')).toBe(
      'https://api.example.com/api/orders/42',
    );
  });

  it('redacts a secret parameter that has no value', () => {
    expect(redactUrl('/cb?token')).toBe('/cb?token=[redacted]');
  });

  it('redacts a percent-encoded secret parameter name', () => {
    expect(redactUrl('/cb?access%5Ftoken=abc')).toBe('/cb?access%5Ftoken=[redacted]');
  });

  it('does not redact a parameter whose name only contains a secret name', () => {
    expect(redactUrl('/api/products?barcode=123')).toBe('/api/products?barcode=123');
  });

  it('redacts a secret in a fragment when there is no query (OAuth’s implicit flow)', () => {
    expect(redactUrl('/callback#access_token=abc&state=xyz')).toBe(
      '/callback#access_token=[redacted]&state=xyz',
    );
  });

  it('redacts a URL that is only a query or only a fragment', () => {
    expect(redactUrl('?token=abc')).toBe('?token=[redacted]');
    expect(redactUrl('#access_token=abc')).toBe('#access_token=[redacted]');
  });

  it('redacts both the query and the fragment', () => {
    expect(redactUrl('/cb?code=1&page=2#id_token=3')).toBe(
      '/cb?code=[redacted]&page=2#id_token=[redacted]',
    );
  });

  it('keeps a parameter whose name is not valid percent-encoding, and redacts the rest', () => {
    expect(redactUrl('/cb?%E0%A4%A=1&token=abc')).toBe('/cb?%E0%A4%A=1&token=[redacted]');
  });
});
