import type { RuntimeConfig } from './runtime-config';
import { type SentryBridge, sentryBridge } from './sentry-bridge';

/**
 * Starts Sentry for `main.ts`: off without a DSN; otherwise the SDK chunk (sentry-sdk.ts) is
 * imported and `Sentry.init` runs as soon as it arrives, while the app bootstraps.
 */
export function startSentry(
  config: RuntimeConfig,
  app: { release: string; platform: string },
  bridge: SentryBridge = sentryBridge,
): Promise<boolean> {
  const dsn = config.sentry?.dsn?.replace('{host}', location.host);
  if (!dsn) {
    bridge.disable();
    return Promise.resolve(false);
  }
  return import('./sentry-sdk').then((sdk) => {
    sdk.start(dsn, config, app);
    bridge.ready(sdk);
    return true;
  });
}
