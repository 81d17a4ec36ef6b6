import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { AppError } from './app-error';
import { toAppError } from './to-app-error';
import { DEFAULT_RETRY_POLICY } from './network-layer-options';
import {
  AttemptTimeoutError,
  type RetryDecision,
  type RetryInput,
  backoffDelay,
  countsAsOutage,
  decideRetry,
  isRetryableMethod,
} from './retry-policy';

/** 2026-01-01T00:00:00Z, a Thursday. */
const NOW = Date.UTC(2026, 0, 1);

describe('backoffDelay', () => {
  // Full jitter: the n-th retry waits random(0, min(5000, 300 · 2^(n-1))).
  const caps: readonly (readonly [number, number])[] = [
    [1, 300],
    [2, 600],
    [3, 1200],
    [4, 2400],
    [5, 4800],
  ];

  for (const [retry, cap] of caps) {
    it(`waits nothing on retry ${retry} when random is 0`, () => {
      expect(backoffDelay(retry, DEFAULT_RETRY_POLICY, () => 0)).toBe(0);
    });

    it(`waits just under ${cap} ms on retry ${retry} when random is 0.999`, () => {
      const delay = backoffDelay(retry, DEFAULT_RETRY_POLICY, () => 0.999);
      expect(delay).toBeLessThan(cap);
      expect(delay).toBeGreaterThanOrEqual(cap * 0.99);
    });
  }

  it('caps the delay at maxDelayMs once the exponential passes it', () => {
    const delay = backoffDelay(6, DEFAULT_RETRY_POLICY, () => 0.999);
    expect(delay).toBeLessThan(5000);
    expect(delay).toBeGreaterThanOrEqual(4950);
  });

  it('returns whole milliseconds', () => {
    expect(Number.isInteger(backoffDelay(3, DEFAULT_RETRY_POLICY, () => 0.123456))).toBeTrue();
  });
});

describe('isRetryableMethod', () => {
  const policy = DEFAULT_RETRY_POLICY;

  for (const method of ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']) {
    it(`allows ${method} without an idempotency key`, () => {
      expect(isRetryableMethod({ method, hasIdempotencyKey: false, policy })).toBeTrue();
    });
  }

  for (const method of ['POST', 'PATCH']) {
    it(`refuses ${method} without an idempotency key`, () => {
      expect(isRetryableMethod({ method, hasIdempotencyKey: false, policy })).toBeFalse();
    });

    it(`allows ${method} with an idempotency key`, () => {
      expect(isRetryableMethod({ method, hasIdempotencyKey: true, policy })).toBeTrue();
    });
  }

  it('compares methods case-insensitively', () => {
    expect(isRetryableMethod({ method: 'get', hasIdempotencyKey: false, policy })).toBeTrue();
  });

  it('does not let an idempotency key bring back a method the policy leaves out', () => {
    const readsOnly = { ...policy, retryMethods: ['GET'] };
    for (const method of ['PUT', 'DELETE'])
      expect(isRetryableMethod({ method, hasIdempotencyKey: true, policy: readsOnly }))
        .withContext(method)
        .toBeFalse();
  });
});

describe('decideRetry', () => {
  describe('network failures', () => {
    it('retries a status-0 failure while online after a backoff', () => {
      const decision = decide({ error: httpError(0) }, () => 0.5);
      expect(decision).toEqual({ retry: true, delayMs: 150, wait: 'backoff' });
    });

    it('does not retry a status-0 failure caused by an abort', () => {
      const abort = new DOMException('The user aborted a request.', 'AbortError');
      expect(decide({ error: httpError(0, {}, abort) })).toEqual({ retry: false });
    });

    it('waits for the connection instead of backing off when offline', () => {
      const decision = decide({ error: httpError(0), isOnline: false });
      expect(decision).toEqual({ retry: true, delayMs: 0, wait: 'offline' });
    });

    it('backs off from a server’s 503 even while the browser says it is offline', () => {
      const decision = decide({ error: httpError(503), isOnline: false }, () => 0.5);
      expect(decision).toEqual({ retry: true, delayMs: 150, wait: 'backoff' });
    });
  });

  describe('statuses', () => {
    for (const status of [408, 429, 500, 502, 503, 504]) {
      it(`retries a ${status} after a full-jitter backoff`, () => {
        const decision = decide({ error: httpError(status) }, () => 0.5);
        expect(decision).toEqual({ retry: true, delayMs: 150, wait: 'backoff' });
      });
    }

    for (const status of [400, 401, 403, 404, 409, 412, 422, 426]) {
      it(`never retries a ${status}`, () => {
        expect(decide({ error: httpError(status) })).toEqual({ retry: false });
      });
    }

    it('never retries an error that is not an HTTP failure or an attempt timeout', () => {
      expect(decide({ error: new Error('boom') })).toEqual({ retry: false });
    });

    it('never retries an AppError that an inner interceptor already decided on', () => {
      const error = new AppError({ kind: 'server', status: 503 });
      expect(decide({ error, ownAttempt: false })).toEqual({ retry: false });
    });
  });

  describe('unreadable answers', () => {
    const garbled = () =>
      new HttpErrorResponse({ status: 200, error: { error: new SyntaxError('Unexpected token') } });

    for (const method of ['GET', 'HEAD']) {
      it(`retries a ${method} whose 2xx body could not be parsed, like a dropped answer`, () => {
        expect(decide({ method, error: garbled() }, () => 0.5)).toEqual({
          retry: true,
          delayMs: 150,
          wait: 'backoff',
        });
      });
    }

    it('repeats a POST with an idempotency key for an unreadable answer (the server replays it)', () => {
      expect(
        decide({ method: 'POST', hasIdempotencyKey: true, error: garbled() }).retry,
      ).toBeTrue();
    });

    it('does not repeat a POST without an idempotency key for an unreadable answer', () => {
      expect(decide({ method: 'POST', error: garbled() })).toEqual({ retry: false });
    });
  });

  describe('methods', () => {
    for (const method of ['POST', 'PATCH']) {
      it(`never retries a ${method} without an idempotency key`, () => {
        expect(decide({ method, error: httpError(503) })).toEqual({ retry: false });
      });

      it(`retries a ${method} that carries an idempotency key`, () => {
        const decision = decide({ method, hasIdempotencyKey: true, error: httpError(503) });
        expect(decision.retry).toBeTrue();
      });
    }

    for (const method of ['PUT', 'DELETE', 'GET', 'HEAD', 'OPTIONS']) {
      it(`retries a ${method} without an idempotency key`, () => {
        expect(decide({ method, error: httpError(503) }).retry).toBeTrue();
      });
    }
  });

  describe('attempt timeouts', () => {
    for (const method of ['GET', 'HEAD']) {
      it(`retries a timed-out ${method}`, () => {
        const decision = decide({ method, error: new AttemptTimeoutError(10_000) }, () => 0.5);
        expect(decision).toEqual({ retry: true, delayMs: 150, wait: 'backoff' });
      });
    }

    for (const method of ['PUT', 'DELETE', 'OPTIONS']) {
      it(`does not retry a timed-out ${method}, which the server may still be applying`, () => {
        expect(decide({ method, error: new AttemptTimeoutError(10_000) })).toEqual({
          retry: false,
        });
      });
    }

    it('does not retry a timed-out POST even with an idempotency key', () => {
      const error = new AttemptTimeoutError(10_000);
      expect(decide({ method: 'POST', hasIdempotencyKey: true, error })).toEqual({ retry: false });
    });

    it('names the timeout in the error it throws', () => {
      const error = new AttemptTimeoutError(2500);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('AttemptTimeoutError');
      expect(error.timeoutMs).toBe(2500);
      expect(error.message).toBe('No answer within 2500 ms');
    });
  });

  describe('attempts', () => {
    it('retries after the second attempt with the second backoff step', () => {
      const decision = decide({ attempt: 2, error: httpError(503) }, () => 0.5);
      expect(decision).toEqual({ retry: true, delayMs: 300, wait: 'backoff' });
    });

    it('stops once maxAttempts attempts have failed', () => {
      expect(decide({ attempt: 3, error: httpError(503) })).toEqual({ retry: false });
    });

    it('respects a custom maxAttempts', () => {
      const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 };
      expect(decide({ attempt: 1, policy, error: httpError(503) })).toEqual({ retry: false });
    });

    it('stops at maxAttempts even when the server sent Retry-After', () => {
      const error = httpError(503, { 'Retry-After': '1' });
      expect(decide({ attempt: 3, error })).toEqual({ retry: false });
    });
  });

  describe('Retry-After', () => {
    it('waits the seconds a 503 asked for as well as a 429', () => {
      const decision = decide({ error: httpError(503, { 'Retry-After': '3' }) }, () => 0.5);
      expect(decision).toEqual({ retry: true, delayMs: 3000, wait: 'retry-after' });
    });

    it('waits exactly the seconds the server asked for, without jitter', () => {
      const decision = decide({ error: httpError(429, { 'Retry-After': '2' }) }, () => 0.5);
      expect(decision).toEqual({ retry: true, delayMs: 2000, wait: 'retry-after' });
    });

    it('waits until the HTTP-date the server named', () => {
      const error = httpError(503, { 'Retry-After': 'Thu, 01 Jan 2026 00:00:07 GMT' });
      expect(decide({ error, now: NOW })).toEqual({
        retry: true,
        delayMs: 7000,
        wait: 'retry-after',
      });
    });

    it('fails at once as rate-limited when Retry-After is longer than maxRetryAfterMs', () => {
      const error = httpError(429, { 'Retry-After': '61' });
      const decision = decide({ error, remainingMs: 120_000 });
      expectRateLimited(decision, 61_000);
    });

    it('accepts a Retry-After of exactly maxRetryAfterMs', () => {
      const error = httpError(429, { 'Retry-After': '60' });
      const decision = decide({ error, remainingMs: 120_000 });
      expect(decision).toEqual({ retry: true, delayMs: 60_000, wait: 'retry-after' });
    });

    it('fails at once as rate-limited when Retry-After would use up all the time left', () => {
      const error = httpError(429, { 'Retry-After': '15' });
      const decision = decide({ error, remainingMs: 15_000 });
      expectRateLimited(decision, 15_000);
    });

    it('fails at once as rate-limited when Retry-After runs past the deadline', () => {
      const error = httpError(429, { 'Retry-After': '20' });
      const decision = decide({ error, remainingMs: 15_000 });
      expectRateLimited(decision, 20_000);
    });

    it('keeps the original response as the cause of the rate-limited error', () => {
      const error = httpError(429, { 'Retry-After': '120' });
      const decision = decide({ error });
      expect(decision.retry).toBeFalse();
      if (decision.retry) return;
      expect(decision.error?.cause).toBe(error);
      expect(decision.error?.status).toBe(429);
    });
  });

  describe('deadline', () => {
    it('does not retry when the backoff is longer than the time left', () => {
      const decision = decide({ error: httpError(503), remainingMs: 200 }, () => 0.999);
      expect(decision).toEqual({ retry: false });
    });

    it('does not retry when the backoff would use up all the time left', () => {
      const decision = decide({ error: httpError(503), remainingMs: 150 }, () => 0.5);
      expect(decision).toEqual({ retry: false });
    });

    it('retries when the backoff fits in the time left', () => {
      const decision = decide({ error: httpError(503), remainingMs: 200 }, () => 0.5);
      expect(decision).toEqual({ retry: true, delayMs: 150, wait: 'backoff' });
    });
  });
});

describe('countsAsOutage', () => {
  it('counts a dropped connection and an attempt timeout against the origin', () => {
    expect(countsAsOutage(toAppError(httpError(0), NOW))).toBeTrue();
    expect(countsAsOutage(toAppError(new AttemptTimeoutError(10_000), NOW))).toBeTrue();
  });

  it('does not count a cancelled call, or one that failed offline, against the origin', () => {
    const abort = new DOMException('The user aborted a request.', 'AbortError');
    expect(countsAsOutage(toAppError(httpError(0, {}, abort), NOW))).toBeFalse();
    expect(countsAsOutage(new AppError({ kind: 'offline' }))).toBeFalse();
  });

  for (const status of [429, 500, 503, 504]) {
    it(`counts a ${status} against the origin`, () => {
      expect(countsAsOutage(toAppError(httpError(status), NOW))).toBeTrue();
    });
  }

  for (const status of [400, 401, 404, 409, 422, 499]) {
    it(`does not count a ${status}, which is about the request, against the origin`, () => {
      expect(countsAsOutage(toAppError(httpError(status), NOW))).toBeFalse();
    });
  }
});

/**
 * A failed attempt of a GET, the first, online, with the whole default deadline ahead. `error`
 * is what came off the wire; it is made an AppError at `now` as the dispatcher does.
 */
function decide(
  overrides: Partial<Omit<RetryInput, 'error'>> & { error?: unknown; now?: number },
  random: () => number = () => 0.5,
): RetryDecision {
  const { error = httpError(503), now = NOW, ...rest } = overrides;
  const input: RetryInput = {
    error: toAppError(error, now),
    ownAttempt: true,
    method: 'GET',
    attempt: 1,
    hasIdempotencyKey: false,
    isOnline: true,
    remainingMs: 30_000,
    policy: DEFAULT_RETRY_POLICY,
    ...rest,
  };
  return decideRetry(input, random);
}

function httpError(
  status: number,
  headers: Record<string, string> = {},
  error: unknown = null,
): HttpErrorResponse {
  return new HttpErrorResponse({
    status,
    headers: new HttpHeaders(headers),
    error,
    url: '/api/orders',
  });
}

function expectRateLimited(decision: RetryDecision, retryAfterMs: number): void {
  expect(decision.retry).toBeFalse();
  if (decision.retry) return;
  expect(decision.error).toBeInstanceOf(AppError);
  expect(decision.error?.kind).toBe('rate-limited');
  expect(decision.error?.retryAfterMs).toBe(retryAfterMs);
}
