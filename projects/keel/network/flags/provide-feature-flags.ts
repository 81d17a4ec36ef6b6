import {
  DestroyRef,
  type EnvironmentProviders,
  Injector,
  type Provider,
  inject,
  isDevMode,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
} from '@angular/core';
import { FeatureFlagsStore } from './feature-flags-store';
import {
  FLAGS_READY_TIMEOUT_MS,
  FLAGS_RELOAD_INTERVAL_MS,
  FLAGS_URL,
} from './feature-flags-options';
import { FLAG_STREAM_START, FLAG_STREAM_URL } from './flag-stream-options';
import { FLAG_DEFINITIONS, type FlagDefinitions } from './flag-registry';

export interface FeatureFlagsOptions {
  /**
   * The app's flags, each with its type and default (`FLAG_DEFINITIONS`); register their names
   * with the type checker through `FlagRegistry`.
   */
  flags: FlagDefinitions;
  /** `GET` of the flags (`FLAGS_URL`). @default '/api/flags' */
  url?: string;
  /** The flag stream (`FLAG_STREAM_URL`). @default '/api/flags/stream' */
  streamUrl?: string;
  /** How often flags are reloaded while signed in. @default 300000 (5 minutes) */
  reloadIntervalMs?: number;
  /** How long gated UI waits for the first load when nothing is cached. @default 3000 */
  readyTimeoutMs?: number;
  /**
   * Changes pushed by `GET /api/flags/stream`, one stream per browser (`FlagStream`). `false`
   * for a backend without the endpoint: the store then polls every `reloadIntervalMs`.
   * @default true
   */
  stream?: boolean;
}

/**
 * Starts the feature flags with the app: the store restores cached values and watches the
 * session before any gated UI renders (it would otherwise be created by the first `injectFlag`),
 * and the flag stream starts once the app is first stable and the browser idle (`FLAG_STREAM_START`).
 * Every option is also an `InjectionToken` (`FLAG_DEFINITIONS`, `FLAGS_URL`, `FLAG_STREAM_URL`,
 * `FLAGS_RELOAD_INTERVAL_MS`, `FLAGS_READY_TIMEOUT_MS`),
 * and so are storage, the tab-visibility source and the reporter (`FLAG_STORAGE`, `TAB_VISIBLE`,
 * `FLAG_REPORTER`).
 */
export function provideFeatureFlags(options: FeatureFlagsOptions): EnvironmentProviders {
  if (isDevMode()) assertFlagOptions(options);
  const providers: Provider[] = [{ provide: FLAG_DEFINITIONS, useValue: options.flags }];
  if (options.url !== undefined) providers.push({ provide: FLAGS_URL, useValue: options.url });
  if (options.streamUrl !== undefined)
    providers.push({ provide: FLAG_STREAM_URL, useValue: options.streamUrl });
  if (options.reloadIntervalMs !== undefined) {
    providers.push({ provide: FLAGS_RELOAD_INTERVAL_MS, useValue: options.reloadIntervalMs });
  }
  if (options.readyTimeoutMs !== undefined) {
    providers.push({ provide: FLAGS_READY_TIMEOUT_MS, useValue: options.readyTimeoutMs });
  }
  return makeEnvironmentProviders([
    ...providers,
    provideEnvironmentInitializer(() => {
      inject(FeatureFlagsStore);
      if (options.stream !== false) startFlagStream(inject(Injector));
    }),
  ]);
}

/**
 * Loads the flag stream's code once the app is first stable and the browser idle
 * (`FLAG_STREAM_START`), so it is neither in the first load's bundle nor in its first frame,
 * and starts it.
 */
function startFlagStream(injector: Injector): void {
  const destroyRef = injector.get(DestroyRef);
  void injector
    .get(FLAG_STREAM_START)()
    .then(() => import('./flag-stream'))
    .then(
      ({ FlagStream }) => {
        // The app (or a test's injector) may be gone by then.
        if (!destroyRef.destroyed) injector.get(FlagStream).start();
      },
      // The chunk did not arrive (offline, or a deploy replaced it): no stream in this page
      // load, and the store polls as it does whenever no stream is live.
      () => undefined,
    );
}

/** Throws with what to change; dev mode only. */
export function assertFlagOptions(options: Partial<FeatureFlagsOptions>): void {
  const { reloadIntervalMs, readyTimeoutMs } = options;
  // A zero interval would reload in a tight loop.
  if (reloadIntervalMs !== undefined && !(reloadIntervalMs >= 1_000)) {
    throw new Error(
      `provideFeatureFlags: reloadIntervalMs must be at least 1000 (got ${reloadIntervalMs}).`,
    );
  }
  if (readyTimeoutMs !== undefined && !(readyTimeoutMs >= 0)) {
    throw new Error(
      `provideFeatureFlags: readyTimeoutMs must be 0 or more (got ${readyTimeoutMs}).`,
    );
  }
}
