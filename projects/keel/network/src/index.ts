/**
 * The network layer: `provideNetworkLayer(options)` gives `HttpClient` the interceptor chain (version
 * headers, request ids, one shared token refresh, retries with a budget and a breaker, attempt
 * timeouts and deadlines, one `AppError`), and the per-request options as context tokens.
 * @packageDocumentation
 * @module @keel/network
 */
// Everything not exported here is internal.
export {
  provideNetworkLayer,
  NETWORK_INTERCEPTORS,
  assertConsistentOptions,
} from './provide-network-layer';
export {
  API_ORIGINS,
  APP_PLATFORM,
  APP_VERSION,
  AUTH_PATHS,
  CIRCUIT_BREAKER,
  DEFAULT_ATTEMPT_TIMEOUT_MS,
  DEFAULT_CIRCUIT_BREAKER,
  DEFAULT_DEADLINE_MS,
  DEFAULT_RETRY_BUDGET,
  DEFAULT_RETRY_POLICY,
  MAX_CONCURRENT_PER_ORIGIN,
  RETRY_BUDGET,
  RETRY_POLICY,
  SENTRY_TRACE_TARGET,
  type CircuitBreakerOptions,
  type NetworkLayerOptions,
  type RetryBudgetOptions,
  type RetryPolicy,
} from './network-layer-options';
export {
  AppError,
  isAppError,
  appErrorMessage,
  type AppErrorKind,
  type AppErrorInit,
} from './app-error';
export {
  parseProblem,
  fieldErrors,
  type ProblemDetails,
  type FieldErrors,
} from './problem-details';
export { toAppError } from './to-app-error';
export {
  NETWORK_ERROR_REPORTER,
  type NetworkErrorReporter,
  type ReportedCall,
} from './error-mapper-interceptor';
export { NETWORK_CLOCK, type NetworkClock } from './network-clock';
export { NETWORK_STATUS, type NetworkStatus } from './network-status';
export { SKIP_AUTH } from './auth-interceptor';
export { ACCESS_TOKEN_SOURCE, type AccessTokenSource } from './access-token-source';
export { RETRY, IDEMPOTENCY_KEY, RETRY_RANDOM } from './retry-interceptor';
export { DEADLINE } from './deadline-interceptor';
export { ATTEMPT_TIMEOUT } from './attempt-timeout-interceptor';
export {
  BACKGROUND,
  STREAMING,
  NETWORK_CALL_SINK,
  NetworkActivity,
  type NetworkCallRecord,
  type NetworkCallSink,
} from './observability-interceptor';
export type { AttemptRecord, WaitRecord, WaitKind } from './call-plan';
export { ApiVersionSignals, type DeprecationNotice } from './api-version-signals';
export { OriginHealth, type OriginHealthSnapshot } from './origin-health';
export { OriginDispatcher, type DispatcherSnapshot } from './origin-dispatcher';
export type { CircuitState } from './circuit-breaker';
export { redactUrl } from './redact-url';
export {
  REDACTED,
  SECRET_HEADERS,
  SECRET_PARAMS,
  isSecretHeader,
  isSecretParam,
  redactHeaderValue,
} from './secret-names';
export { parseRetryAfter } from './retry-after';
export { backoffDelay } from './retry-policy';
/** A v4 UUID from the platform's cryptographic random source (the layer's request ids). */
export { newRequestId } from './request-id';
export {
  VERSION_REPORTER,
  consoleVersionReporter,
  type VersionReporter,
  type UpgradeRequiredReport,
  type DeprecationReport,
} from './version-reporter';
export {
  DECODE_REPORTER,
  consoleDecodeReporter,
  type DecodeReporter,
  type DecodeReport,
  type DecodeRepair,
} from './decode-reporter';
