import type { NetworkLayerOptions } from './network-layer-options';
import { assertConsistentOptions } from './provide-network-layer';

describe('assertConsistentOptions', () => {
  it('accepts the defaults', () => {
    expect(() => assertConsistentOptions({})).not.toThrow();
  });

  it('accepts a sensible custom configuration', () => {
    const options: NetworkLayerOptions = {
      apiOrigins: ['https://api.example.com', 'http://localhost:3000'],
      appVersion: '2.4.0',
      platform: 'web',
      attemptTimeoutMs: 5000,
      deadlineMs: 20_000,
      retryPolicy: {
        maxAttempts: 4,
        retryStatuses: [429, 503],
        retryMethods: ['GET', 'PUT'],
        baseDelayMs: 200,
      },
      retryBudget: { capacity: 20, minTokens: 10, refillPerSuccess: 0.2 },
      circuitBreaker: { failureRatio: 0.6, minCalls: 20, windowMs: 60_000, openMs: 10_000 },
      authPaths: ['/api/auth/'],
    };
    expect(() => assertConsistentOptions(options)).not.toThrow();
  });

  it('rejects an attempt timeout longer than the deadline', () => {
    expect(() => assertConsistentOptions({ attemptTimeoutMs: 40_000 })).toThrowError(
      /attemptTimeoutMs \(40000\) is longer than deadlineMs \(30000\)/,
    );
  });

  it('rejects a deadline shorter than the default attempt timeout', () => {
    expect(() => assertConsistentOptions({ deadlineMs: 5000 })).toThrowError(
      /attemptTimeoutMs \(10000\) is longer than deadlineMs \(5000\)/,
    );
  });

  for (const maxConcurrentPerOrigin of [0, 2.5, -1]) {
    it(`rejects maxConcurrentPerOrigin ${maxConcurrentPerOrigin}`, () => {
      expect(() => assertConsistentOptions({ maxConcurrentPerOrigin })).toThrowError(
        /maxConcurrentPerOrigin must be a whole number ≥ 1/,
      );
    });
  }

  it('rejects maxAttempts 0', () => {
    expect(() => assertConsistentOptions({ retryPolicy: { maxAttempts: 0 } })).toThrowError(
      /retryPolicy\.maxAttempts must be a whole number/,
    );
  });

  it('rejects a retry status that must not be retried, naming it', () => {
    expect(() =>
      assertConsistentOptions({ retryPolicy: { retryStatuses: [404, 503] } }),
    ).toThrowError(/retryPolicy\.retryStatuses has statuses that must not be retried: 404$/m);
  });

  it('rejects POST among the retry methods and says to use an idempotency key', () => {
    expect(() =>
      assertConsistentOptions({ retryPolicy: { retryMethods: ['GET', 'POST'] } }),
    ).toThrowError(/retryMethods may not list POST or PATCH: mark the call with IDEMPOTENCY_KEY/);
  });

  it('rejects a budget whose floor is not below its capacity', () => {
    expect(() => assertConsistentOptions({ retryBudget: { minTokens: 10 } })).toThrowError(
      /retryBudget\.minTokens \(10\) must be below capacity \(10\)/,
    );
  });

  it('rejects a failure ratio of 0', () => {
    expect(() => assertConsistentOptions({ circuitBreaker: { failureRatio: 0 } })).toThrowError(
      /circuitBreaker\.failureRatio must be in \(0, 1\]/,
    );
  });

  it('rejects an apiOrigins entry with a path', () => {
    expect(() =>
      assertConsistentOptions({ apiOrigins: ['https://api.example.com/v1'] }),
    ).toThrowError(/apiOrigins entry "https:\/\/api\.example\.com\/v1" is not an origin/);
  });

  it('rejects an apiOrigins entry with a trailing slash', () => {
    expect(() =>
      assertConsistentOptions({ apiOrigins: ['https://api.example.com/'] }),
    ).toThrowError(/apiOrigins entry "https:\/\/api\.example\.com\/" is not an origin/);
  });

  it('rejects an empty apiOrigins', () => {
    expect(() => assertConsistentOptions({ apiOrigins: [] })).toThrowError(/apiOrigins is empty/);
  });

  it('prefixes the message with the network layer name', () => {
    expect(() => assertConsistentOptions({ apiOrigins: [] })).toThrowError(
      /^\[Keel network layer\]/,
    );
  });

  it('lists every problem at once', () => {
    expect(() =>
      assertConsistentOptions({
        retryPolicy: { maxAttempts: 0 },
        circuitBreaker: { failureRatio: 0 },
      }),
    ).toThrowError(/maxAttempts[\s\S]*failureRatio/);
  });
});
