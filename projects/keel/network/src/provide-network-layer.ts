import {
  type HttpFeature,
  type HttpFeatureKind,
  type HttpInterceptorFn,
  provideHttpClient,
  withFetch,
  withInterceptors,
  withXsrfConfiguration,
} from '@angular/common/http';
import { type EnvironmentProviders, type Provider, makeEnvironmentProviders } from '@angular/core';
import { attemptTimeoutInterceptor } from './attempt-timeout-interceptor';
import { authInterceptor } from './auth-interceptor';
import { CallPlanner } from './call-planner';
import { correlationInterceptor } from './correlation-interceptor';
import { deadlineInterceptor } from './deadline-interceptor';
import { dispatchInterceptor } from './dispatch-interceptor';
import { errorMapperInterceptor } from './error-mapper-interceptor';
import {
  API_ORIGINS,
  APP_PLATFORM,
  ATTEMPT_TIMEOUT_MS,
  APP_VERSION,
  AUTH_PATHS,
  CIRCUIT_BREAKER,
  DEFAULT_ATTEMPT_TIMEOUT_MS,
  DEADLINE_MS,
  DEFAULT_CIRCUIT_BREAKER,
  DEFAULT_DEADLINE_MS,
  DEFAULT_RETRY_BUDGET,
  DEFAULT_RETRY_POLICY,
  MAX_CONCURRENT_PER_ORIGIN,
  type NetworkLayerOptions,
  RETRY_BUDGET,
  RETRY_POLICY,
} from './network-layer-options';
import { observabilityInterceptor } from './observability-interceptor';
import { retryInterceptor } from './retry-interceptor';
import { versionInterceptor } from './version-interceptor';

/**
 * The chain, outermost first (Angular runs `withInterceptors` in list order). The order is the
 * design (DESIGN.md, "The interceptor chain"):
 * 1. error mapper: outermost, so nothing, not even a bug in an inner interceptor, reaches the
 *    UI as anything but an AppError; it derives the call plan every inner stage reads;
 * 2. observability: outside retry and auth, so it records one logical call, not attempts;
 * 3. correlation: outside retry, so every attempt carries the same X-Request-Id;
 * 4. deadline: outside retry, so backoff, refresh and queue waits count against the call's budget;
 * 5. retry: outside auth, so a refresh-and-replay is part of one attempt and is not retried
 *    into a second refresh;
 * 6. auth: inside retry, so each attempt carries the current token;
 * 7. version: headers on every attempt, and it sees each attempt's answer (426, X-Flags-Version);
 * 8. dispatcher: below every stage that decides whether and what to send, so the queue holds
 *    attempts (a retry or a replay queues again) and the token is read when one is sent;
 * 9. attempt timeout: innermost, started when the dispatcher sends, so it times one trip and
 *    never the queue.
 * The stages do not clone the request for their headers: they write them into the plan and the
 * dispatcher stamps them all in one clone per attempt.
 */
export const NETWORK_INTERCEPTORS: readonly HttpInterceptorFn[] = [
  errorMapperInterceptor,
  observabilityInterceptor,
  correlationInterceptor,
  deadlineInterceptor,
  retryInterceptor,
  authInterceptor,
  versionInterceptor,
  dispatchInterceptor,
  attemptTimeoutInterceptor,
];

/**
 * The network layer: `HttpClient` over fetch with the Keel interceptor chain and Angular's XSRF
 * protection (cookie `XSRF-TOKEN`, header `X-XSRF-TOKEN`). Call it once, in `app.config.ts`,
 * instead of `provideHttpClient`; extra `HttpFeature`s (e.g. `withJsonpSupport()`) are passed on.
 * Every option has a default; see `NetworkLayerOptions` and README.
 */
export function provideNetworkLayer(
  options: NetworkLayerOptions = {},
  ...features: HttpFeature<HttpFeatureKind>[]
): EnvironmentProviders {
  // ngDevMode is false in production builds, so the optimizer drops the check entirely.
  if (typeof ngDevMode === 'undefined' || ngDevMode) assertConsistentOptions(options);
  return makeEnvironmentProviders([
    provideHttpClient(
      withFetch(),
      withInterceptors([...NETWORK_INTERCEPTORS]),
      // Stryker disable next-line ObjectLiteral: these are Angular's default XSRF names, so an empty configuration reads and sends the same
      withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
      ...features,
    ),
    optionProviders(options),
    CallPlanner,
  ]);
}

function optionProviders(options: NetworkLayerOptions): Provider[] {
  const providers: Provider[] = [];
  const add = <T>(token: unknown, value: T | undefined) => {
    if (value !== undefined) providers.push({ provide: token, useValue: value });
  };
  add(API_ORIGINS, options.apiOrigins);
  add(APP_VERSION, options.appVersion);
  add(APP_PLATFORM, options.platform);
  add(DEFAULT_ATTEMPT_TIMEOUT_MS, options.attemptTimeoutMs);
  add(DEFAULT_DEADLINE_MS, options.deadlineMs);
  add(AUTH_PATHS, options.authPaths);
  add(MAX_CONCURRENT_PER_ORIGIN, options.maxConcurrentPerOrigin);
  add(RETRY_POLICY, options.retryPolicy && { ...DEFAULT_RETRY_POLICY, ...options.retryPolicy });
  add(RETRY_BUDGET, options.retryBudget && { ...DEFAULT_RETRY_BUDGET, ...options.retryBudget });
  add(
    CIRCUIT_BREAKER,
    options.circuitBreaker && { ...DEFAULT_CIRCUIT_BREAKER, ...options.circuitBreaker },
  );
  return providers;
}

/** Options that cannot all hold at once throw in dev mode, with what to change. */
export function assertConsistentOptions(options: NetworkLayerOptions): void {
  const problems: string[] = [];
  const attempt = options.attemptTimeoutMs ?? ATTEMPT_TIMEOUT_MS;
  const deadline = options.deadlineMs ?? DEADLINE_MS;
  const retry = { ...DEFAULT_RETRY_POLICY, ...options.retryPolicy };
  const budget = { ...DEFAULT_RETRY_BUDGET, ...options.retryBudget };
  const breaker = { ...DEFAULT_CIRCUIT_BREAKER, ...options.circuitBreaker };

  if (!(attempt > 0) || !(deadline > 0))
    problems.push('attemptTimeoutMs and deadlineMs must be positive');
  if (attempt > deadline)
    problems.push(
      `attemptTimeoutMs (${attempt}) is longer than deadlineMs (${deadline}): no attempt could use it`,
    );
  if (!Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1)
    problems.push('retryPolicy.maxAttempts must be a whole number ≥ 1');
  if (retry.baseDelayMs < 0 || retry.baseDelayMs > retry.maxDelayMs)
    problems.push('retryPolicy.baseDelayMs must be between 0 and maxDelayMs');
  const neverRetried = retry.retryStatuses.filter((s) => s < 500 && ![408, 425, 429].includes(s));
  if (neverRetried.length)
    problems.push(
      `retryPolicy.retryStatuses has statuses that must not be retried: ${neverRetried.join(', ')}`,
    );
  const unsafe = retry.retryMethods.filter((m) => ['POST', 'PATCH'].includes(m.toUpperCase()));
  if (unsafe.length)
    problems.push(
      'retryPolicy.retryMethods may not list POST or PATCH: mark the call with IDEMPOTENCY_KEY instead',
    );
  if (budget.minTokens >= budget.capacity)
    problems.push(
      `retryBudget.minTokens (${budget.minTokens}) must be below capacity (${budget.capacity}), or nothing is ever retried`,
    );
  if (!(breaker.failureRatio > 0 && breaker.failureRatio <= 1))
    problems.push('circuitBreaker.failureRatio must be in (0, 1]');
  if (breaker.minCalls < 1 || breaker.windowMs <= 0 || breaker.openMs <= 0)
    problems.push('circuitBreaker.minCalls, windowMs and openMs must be positive');
  for (const origin of options.apiOrigins ?? []) {
    if (!/^https?:\/\/[^/]+$/.test(origin))
      problems.push(
        `apiOrigins entry "${origin}" is not an origin like https://api.example.com (no path, no trailing slash)`,
      );
  }
  const concurrency = options.maxConcurrentPerOrigin;
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1))
    problems.push('maxConcurrentPerOrigin must be a whole number ≥ 1');
  if (options.apiOrigins?.length === 0)
    problems.push('apiOrigins is empty: no call would ever carry the access token');
  if (problems.length)
    throw new Error(`[Keel network layer] Contradictory options:\n- ${problems.join('\n- ')}`);
}
