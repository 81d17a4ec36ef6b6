import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
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
import { collect, networkLayerTesting } from '@keel/network/testing';

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

  it('lists every problem at once, one a line', () => {
    expect(() =>
      assertConsistentOptions({
        retryPolicy: { maxAttempts: 0 },
        circuitBreaker: { failureRatio: 0 },
      }),
    ).toThrowError(/\n- retryPolicy\.maxAttempts[^\n]*\n- circuitBreaker\.failureRatio/);
  });

  for (const timeouts of [{ attemptTimeoutMs: 0 }, { attemptTimeoutMs: -1 }]) {
    it(`rejects a timeout that is not positive (${JSON.stringify(timeouts)})`, () => {
      expect(() => assertConsistentOptions(timeouts)).toThrowError(
        /attemptTimeoutMs and deadlineMs must be positive/,
      );
    });
  }

  it('rejects a deadline of 0 as not positive, not only as shorter than an attempt', () => {
    expect(() => assertConsistentOptions({ deadlineMs: 0 })).toThrowError(
      /attemptTimeoutMs and deadlineMs must be positive/,
    );
  });

  it('accepts an attempt timeout as long as the deadline: one attempt may use it all', () => {
    expect(() =>
      assertConsistentOptions({ attemptTimeoutMs: 30_000, deadlineMs: 30_000 }),
    ).not.toThrow();
  });

  it('accepts maxAttempts 1, which turns retries off', () => {
    expect(() => assertConsistentOptions({ retryPolicy: { maxAttempts: 1 } })).not.toThrow();
  });

  it('rejects a fractional maxAttempts', () => {
    expect(() => assertConsistentOptions({ retryPolicy: { maxAttempts: 2.5 } })).toThrowError(
      /retryPolicy\.maxAttempts must be a whole number/,
    );
  });

  for (const retryPolicy of [{ baseDelayMs: -1 }, { baseDelayMs: 6000 }, { maxDelayMs: 100 }]) {
    it(`rejects a base delay outside 0..maxDelayMs (${JSON.stringify(retryPolicy)})`, () => {
      expect(() => assertConsistentOptions({ retryPolicy })).toThrowError(
        /retryPolicy\.baseDelayMs must be between 0 and maxDelayMs/,
      );
    });
  }

  for (const retryPolicy of [{ baseDelayMs: 0 }, { baseDelayMs: 5000, maxDelayMs: 5000 }]) {
    it(`accepts a base delay at either end of 0..maxDelayMs (${JSON.stringify(retryPolicy)})`, () => {
      expect(() => assertConsistentOptions({ retryPolicy })).not.toThrow();
    });
  }

  for (const status of [200, 304]) {
    it(`rejects ${status} among the retry statuses: it is no failure`, () => {
      expect(() =>
        assertConsistentOptions({ retryPolicy: { retryStatuses: [status, 503] } }),
      ).toThrowError(new RegExp(`must not be retried: ${status}$`, 'm'));
    });
  }

  it('accepts the transient 4xx statuses among the retry statuses', () => {
    expect(() =>
      assertConsistentOptions({ retryPolicy: { retryStatuses: [408, 425, 429, 500, 501] } }),
    ).not.toThrow();
  });

  it('names every status that must not be retried, comma-separated', () => {
    expect(() =>
      assertConsistentOptions({ retryPolicy: { retryStatuses: [400, 503, 410] } }),
    ).toThrowError(/must not be retried: 400, 410$/m);
  });

  for (const method of ['PATCH', 'post']) {
    it(`rejects ${method} among the retry methods`, () => {
      expect(() =>
        assertConsistentOptions({ retryPolicy: { retryMethods: ['GET', method] } }),
      ).toThrowError(/retryMethods may not list POST or PATCH/);
    });
  }

  it('accepts a failure ratio of 1: open only when every call failed', () => {
    expect(() => assertConsistentOptions({ circuitBreaker: { failureRatio: 1 } })).not.toThrow();
  });

  it('rejects a failure ratio above 1, which could never be reached', () => {
    expect(() => assertConsistentOptions({ circuitBreaker: { failureRatio: 1.5 } })).toThrowError(
      /circuitBreaker\.failureRatio must be in \(0, 1\]/,
    );
  });

  for (const circuitBreaker of [{ minCalls: 0 }, { windowMs: 0 }, { openMs: 0 }]) {
    it(`rejects a breaker count or duration of 0 (${JSON.stringify(circuitBreaker)})`, () => {
      expect(() => assertConsistentOptions({ circuitBreaker })).toThrowError(
        /circuitBreaker\.minCalls, windowMs and openMs must be positive/,
      );
    });
  }

  it('accepts a breaker that judges from a single call', () => {
    expect(() => assertConsistentOptions({ circuitBreaker: { minCalls: 1 } })).not.toThrow();
  });

  it('rejects an apiOrigins entry with text before the scheme', () => {
    expect(() =>
      assertConsistentOptions({ apiOrigins: [' https://api.example.com'] }),
    ).toThrowError(/apiOrigins entry " https:\/\/api\.example\.com" is not an origin/);
  });
});

describe('provideNetworkLayer', () => {
  const contradictory: NetworkLayerOptions = { apiOrigins: [] };

  it('throws for contradictory options in dev mode', () => {
    expect(() => provideNetworkLayer(contradictory)).toThrowError(/apiOrigins is empty/);
  });

  it('skips the check in a production build, where ngDevMode is false', () => {
    withNgDevMode(false, () => expect(() => provideNetworkLayer(contradictory)).not.toThrow());
  });

  it('checks the options when ngDevMode was never defined', () => {
    withNgDevMode(undefined, () =>
      expect(() => provideNetworkLayer(contradictory)).toThrowError(/apiOrigins is empty/),
    );
  });

  describe('XSRF', () => {
    afterEach(
      () => (document.cookie = `XSRF-TOKEN=; expires=${new Date(0).toUTCString()}; path=/`),
    );

    it('sends the XSRF-TOKEN cookie back as X-XSRF-TOKEN on a write to the app’s own API', () => {
      document.cookie = 'XSRF-TOKEN=xsrf-1; path=/';
      TestBed.configureTestingModule({ providers: networkLayerTesting().providers });
      collect(TestBed.inject(HttpClient).post('/api/orders', {}));
      const backend = TestBed.inject(HttpTestingController);
      const sent = backend.expectOne('/api/orders');
      sent.flush({});
      backend.verify();
      expect(sent.request.headers.get('X-XSRF-TOKEN')).toBe('xsrf-1');
    });
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

/** Runs `run` with the global `ngDevMode` set to `value`, as a build would leave it. */
function withNgDevMode(value: unknown, run: () => void): void {
  const global = globalThis as { ngDevMode?: unknown };
  const saved = global.ngDevMode;
  global.ngDevMode = value;
  try {
    run();
  } finally {
    global.ngDevMode = saved;
  }
}
