/**
 * Feature flags from the backend (`GET /api/flags`, pushed by `GET /api/flags/stream`): declared
 * by the app (`provideFeatureFlags({ flags })`, typed through `FlagRegistry`), read with
 * `injectFlag`, `*keelFlag` and `flagGuard`.
 * @packageDocumentation
 * @module @keel/network/flags
 */
export {
  FLAG_DEFINITIONS,
  type FlagRegistry,
  type FlagName,
  type BooleanFlagName,
  type FlagValue,
  type FlagValues,
  type FlagDefinition,
  type FlagDefinitions,
} from './flag-registry';
export { FeatureFlagsStore, type FlagsSource } from './feature-flags-store';
export {
  FLAG_CHANNEL,
  FLAG_STREAM_LEADERSHIP,
  FLAG_STREAM_SUPPORTED,
  FLAG_STREAM_TIMING,
  FLAG_STREAM_URL,
  type FlagStreamState,
  type FlagTabMessage,
} from './flag-stream-options';
// A type only: the stream's code is loaded by provideFeatureFlags() once the app is stable.
export type { FlagStream } from './flag-stream';
export { injectFlag } from './inject-flag';
export { KeelFlag } from './flag-directive';
export { flagGuard } from './flag-guard';
export { provideFeatureFlags, type FeatureFlagsOptions } from './provide-feature-flags';
export {
  FLAGS_URL,
  FLAGS_READY_TIMEOUT_MS,
  FLAGS_RELOAD_INTERVAL_MS,
  FLAG_STORAGE,
  TAB_VISIBLE,
} from './feature-flags-options';
export {
  FLAG_REPORTER,
  consoleFlagReporter,
  type FlagIssue,
  type FlagReporter,
} from './flag-reporter';
/** Private: for @keel/network/testing only (seeds the cache as a previous page load would). */
export { writeCachedFlags as ɵwriteCachedFlags } from './flag-cache';
