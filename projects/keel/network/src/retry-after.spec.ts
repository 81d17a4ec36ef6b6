import { parseRetryAfter } from './retry-after';

/** 2026-01-01T00:00:00Z, a Thursday. */
const NOW = Date.UTC(2026, 0, 1);

describe('parseRetryAfter', () => {
  it('reads delay-seconds as milliseconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
  });

  it('reads zero seconds as no wait', () => {
    expect(parseRetryAfter('0', NOW)).toBe(0);
  });

  it('ignores whitespace around delay-seconds', () => {
    expect(parseRetryAfter(' 3 ', NOW)).toBe(3000);
  });

  it('reads an HTTP-date as the time left until it', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', NOW)).toBe(30_000);
  });

  it('reads an HTTP-date in the past as no wait', () => {
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', NOW)).toBe(0);
  });

  it('returns undefined for garbage', () => {
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
  });

  it('returns undefined for a negative number', () => {
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
  });

  it('returns undefined for a fractional number', () => {
    expect(parseRetryAfter('1.5', NOW)).toBeUndefined();
  });

  it('returns undefined for an empty value', () => {
    expect(parseRetryAfter('', NOW)).toBeUndefined();
  });

  it('returns undefined when the header is absent (null)', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });

  it('returns undefined when the header is absent (undefined)', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });
});
