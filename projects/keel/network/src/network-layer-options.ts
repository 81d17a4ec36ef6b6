import { DOCUMENT } from '@angular/common';
import { InjectionToken, inject } from '@angular/core';

/** Retry policy (DESIGN.md, "Retry policy"); every field can be overridden per request. */
export interface RetryPolicy {
  /** @default 3 (the first attempt included) */
  readonly maxAttempts: number;
  /** Statuses worth another attempt. @default [408, 429, 500, 502, 503, 504] */
  readonly retryStatuses: readonly number[];
  /**
   * Methods retried without an `Idempotency-Key`; POST and PATCH are retried only with one.
   * @default ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']
   */
  readonly retryMethods: readonly string[];
  /** Full jitter: the n-th retry waits random(0, min(maxDelayMs, baseDelayMs · 2^(n-1))). @default 300 */
  readonly baseDelayMs: number;
  /** @default 5000 */
  readonly maxDelayMs: number;
  /** A longer `Retry-After` fails at once as `rate-limited`. @default 60000 */
  readonly maxRetryAfterMs: number;
}

/**
 * Token bucket per origin: retries spend tokens, successes earn them back. The defaults let
 * retries run at up to a quarter of the successes (a flaky network where one attempt in six
 * fails needs ~0.2 retries per call; 0.1, gRPC's figure, ran the soak's budget dry and failed
 * 1.4 % of its calls as budget-exhausted) while a full outage, which earns nothing, gets
 * `capacity - minTokens` = 5 retries in all: the circuit breaker does the rest (bench: 0.03×).
 */
export interface RetryBudgetOptions {
  /** @default 10 */
  readonly capacity: number;
  /** @default 0.25 */
  readonly refillPerSuccess: number;
  /** @default 1 */
  readonly costPerRetry: number;
  /** Retry only while more tokens than this are left. @default 5 */
  readonly minTokens: number;
}

/** Circuit breaker per origin. */
export interface CircuitBreakerOptions {
  /** Open at this share of failed attempts or more. @default 0.5 */
  readonly failureRatio: number;
  /** …over at least this many attempts… @default 10 */
  readonly minCalls: number;
  /** …within this sliding window. @default 30000 */
  readonly windowMs: number;
  /** Fail fast this long, then let one probe through. @default 5000 */
  readonly openMs: number;
}

/**
 * Everything `provideNetworkLayer(options)` accepts; each field overrides one token below, and
 * its default is that token's (each written once, in the token or the constant it returns).
 */
export interface NetworkLayerOptions {
  /** Origins that get the token and Keel's headers (`API_ORIGINS`). @default [location.origin] */
  readonly apiOrigins?: readonly string[];
  /** `X-App-Version` (`APP_VERSION`): the app's version, e.g. from its package.json. @default '0.0.0' */
  readonly appVersion?: string;
  /** `X-Platform` (`APP_PLATFORM`). @default 'web' */
  readonly platform?: string;
  /** Each attempt's timeout, before min(…, time left) (`DEFAULT_ATTEMPT_TIMEOUT_MS`). @default 10000 */
  readonly attemptTimeoutMs?: number;
  /** A logical call's budget, retries and waits included (`DEFAULT_DEADLINE_MS`). @default 30000 */
  readonly deadlineMs?: number;
  /** Merged over `DEFAULT_RETRY_POLICY` (`RETRY_POLICY`). @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: Partial<RetryPolicy>;
  /** Merged over `DEFAULT_RETRY_BUDGET` (`RETRY_BUDGET`). @default DEFAULT_RETRY_BUDGET */
  readonly retryBudget?: Partial<RetryBudgetOptions>;
  /** Merged over `DEFAULT_CIRCUIT_BREAKER` (`CIRCUIT_BREAKER`). @default DEFAULT_CIRCUIT_BREAKER */
  readonly circuitBreaker?: Partial<CircuitBreakerOptions>;
  /** Paths whose 401 never starts a refresh (`AUTH_PATHS`). @default ['/api/auth/'] */
  readonly authPaths?: readonly string[];
  /** Attempts in flight per origin (`MAX_CONCURRENT_PER_ORIGIN`). @default 6 */
  readonly maxConcurrentPerOrigin?: number;
}

/** The default of `DEFAULT_ATTEMPT_TIMEOUT_MS`, also read by the options' consistency check. */
export const ATTEMPT_TIMEOUT_MS = 10_000;

/** The default of `DEFAULT_DEADLINE_MS`, also read by the options' consistency check. */
export const DEADLINE_MS = 30_000;

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  retryStatuses: [408, 429, 500, 502, 503, 504],
  retryMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'],
  baseDelayMs: 300,
  maxDelayMs: 5000,
  maxRetryAfterMs: 60_000,
};

export const DEFAULT_RETRY_BUDGET: RetryBudgetOptions = {
  capacity: 10,
  refillPerSuccess: 0.25,
  costPerRetry: 1,
  minTokens: 5,
};

export const DEFAULT_CIRCUIT_BREAKER: CircuitBreakerOptions = {
  failureRatio: 0.5,
  minCalls: 10,
  windowMs: 30_000,
  openMs: 5000,
};

// Each token below is provided in root with its factory's value as the default (an InjectionToken
// with a `factory` is provided in root unless it says otherwise).

/**
 * Origins that get the access token and the Keel headers. A request to any other origin
 * (other host, port or scheme) goes out without them.
 * @default [the app's own origin]
 */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const API_ORIGINS = new InjectionToken<readonly string[]>('API_ORIGINS', {
  factory: () => [inject(DOCUMENT).location.origin],
});

/**
 * Sent as `X-App-Version`. The library cannot read the app's package.json: pass the app's
 * version (`ng add` writes `appVersion: version`, imported from package.json).
 * @default '0.0.0', what a server treats a request without the header as (API.md)
 */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const APP_VERSION = new InjectionToken<string>('APP_VERSION', {
  factory: () => '0.0.0',
});

/** Sent as `X-Platform`. @default 'web' */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const APP_PLATFORM = new InjectionToken<string>('APP_PLATFORM', {
  factory: () => 'web',
});

/** Each attempt gets min(this, time left before the deadline). @default 10000 */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const DEFAULT_ATTEMPT_TIMEOUT_MS = new InjectionToken<number>('DEFAULT_ATTEMPT_TIMEOUT_MS', {
  factory: () => ATTEMPT_TIMEOUT_MS,
});

/** The budget of one logical call, retries and waits included. @default 30000 */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const DEFAULT_DEADLINE_MS = new InjectionToken<number>('DEFAULT_DEADLINE_MS', {
  factory: () => DEADLINE_MS,
});

/** @default DEFAULT_RETRY_POLICY */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const RETRY_POLICY = new InjectionToken<RetryPolicy>('RETRY_POLICY', {
  factory: () => DEFAULT_RETRY_POLICY,
});

/** @default DEFAULT_RETRY_BUDGET */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const RETRY_BUDGET = new InjectionToken<RetryBudgetOptions>('RETRY_BUDGET', {
  factory: () => DEFAULT_RETRY_BUDGET,
});

/** @default DEFAULT_CIRCUIT_BREAKER */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const CIRCUIT_BREAKER = new InjectionToken<CircuitBreakerOptions>('CIRCUIT_BREAKER', {
  factory: () => DEFAULT_CIRCUIT_BREAKER,
});

/**
 * Path prefixes of the auth endpoints: a 401 from them never starts a refresh (a wrong
 * password is not an expired token, and a failed refresh must not refresh itself).
 * @default ['/api/auth/']
 */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const AUTH_PATHS = new InjectionToken<readonly string[]>('AUTH_PATHS', {
  factory: () => ['/api/auth/'],
});

/**
 * Attempts in flight at once per origin; the rest wait in the layer's queue (refresh and breaker
 * probes first, then user-visible calls, then `BACKGROUND` ones), so an attempt's timeout starts
 * when it is really sent and not while the browser's own connection queue holds it. 6 is what
 * browsers open per origin over HTTP/1.1; raise it for an API served over HTTP/2 or HTTP/3,
 * where one connection carries many requests at once (README, "The dispatcher").
 * @default 6
 */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const MAX_CONCURRENT_PER_ORIGIN = new InjectionToken<number>('MAX_CONCURRENT_PER_ORIGIN', {
  factory: () => 6,
});

/**
 * Where an attempt also carries `sentry-trace` in the call's own trace (beside `traceparent`):
 * Sentry's fetch instrumentation keeps a `sentry-trace` a request already has, so a backend
 * that continues Sentry traces joins the trace Keel logged and reported instead of the SDK's.
 * Asked on every attempt to an allow-listed origin, with its origin and path (Sentry may load
 * late, and sends its headers only to its `tracePropagationTargets`).
 * @default never: `provideObservability()` turns it on for the API Sentry propagates to
 */
export const SENTRY_TRACE_TARGET = new InjectionToken<(origin: string, path: string) => boolean>(
  // Stryker disable next-line StringLiteral: the description only names the token in DI error messages
  'SENTRY_TRACE_TARGET',
  { factory: () => () => false },
);
