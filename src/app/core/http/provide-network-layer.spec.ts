import type { ProviderToken } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  ATTEMPT_TIMEOUT_MS,
  CIRCUIT_BREAKER,
  DEADLINE_MS,
  DEFAULT_ATTEMPT_TIMEOUT_MS,
  DEFAULT_CIRCUIT_BREAKER,
  DEFAULT_DEADLINE_MS,
  DEFAULT_RETRY_BUDGET,
  DEFAULT_RETRY_POLICY,
  MAX_CONCURRENT_PER_ORIGIN,
  type NetworkLayerOptions,
  RETRY_BUDGET,
  RETRY_POLICY,
} from './network-layer-options';
import { assertConsistentOptions, provideNetworkLayer } from './provide-network-layer';

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

describe('provideNetworkLayer options', () => {
  function resolved<T>(options: NetworkLayerOptions, token: ProviderToken<T>): T {
    TestBed.configureTestingModule({ providers: [provideNetworkLayer(options)] });
    return TestBed.inject(token);
  }

  it('merges a partial retry policy over the defaults, leaving the caller’s object alone', () => {
    const retryPolicy = { maxAttempts: 5 };
    expect(resolved({ retryPolicy }, RETRY_POLICY)).toEqual({
      ...DEFAULT_RETRY_POLICY,
      maxAttempts: 5,
    });
    expect(retryPolicy).toEqual({ maxAttempts: 5 });
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBe(3);
  });

  it('merges a partial budget and breaker over theirs', () => {
    expect(resolved({ retryBudget: { capacity: 20 } }, RETRY_BUDGET)).toEqual({
      ...DEFAULT_RETRY_BUDGET,
      capacity: 20,
    });
    TestBed.resetTestingModule();
    expect(resolved({ circuitBreaker: { openMs: 1000 } }, CIRCUIT_BREAKER)).toEqual({
      ...DEFAULT_CIRCUIT_BREAKER,
      openMs: 1000,
    });
  });

  it('gives each token its documented default when the option is left out', () => {
    TestBed.configureTestingModule({ providers: [provideNetworkLayer({})] });
    expect(TestBed.inject(DEFAULT_ATTEMPT_TIMEOUT_MS)).toBe(ATTEMPT_TIMEOUT_MS);
    expect(TestBed.inject(DEFAULT_DEADLINE_MS)).toBe(DEADLINE_MS);
    expect([ATTEMPT_TIMEOUT_MS, DEADLINE_MS]).toEqual([10_000, 30_000]);
    expect(TestBed.inject(MAX_CONCURRENT_PER_ORIGIN)).toBe(6);
    expect(TestBed.inject(RETRY_POLICY)).toBe(DEFAULT_RETRY_POLICY);
  });
});
