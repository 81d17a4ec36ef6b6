import type { RuntimeConfig } from './runtime-config';
import { type SentryBridge, type SentrySdk, sentryBridge } from './sentry-bridge';

/**
 * Starts Sentry for `main.ts`: off without a DSN; otherwise the SDK chunk (sentry-sdk.ts) is
 * imported and started as soon as it arrives, in three tasks: `Sentry.init`, then tracing, then
 * the reports queued until then. As one task they were a 60 ms long task at 4x CPU (120 ms in
 * Lighthouse's simulation), which blocks whatever the person does at that moment; split, none
 * is over 30 ms (issue 13). Sending a queued error still takes its own long task (about 110 ms
 * at 4x for one exception, most of it the SDK's processing of the event).
 */
export function startSentry(
  config: RuntimeConfig,
  app: { release: string; platform: string },
  bridge: SentryBridge = sentryBridge,
): Promise<boolean> {
  return startSentryWith(() => import('./sentry-sdk'), config, app, bridge);
}

/** `startSentry` with the SDK from `load`: the seam its spec uses. Not exported by the package. */
export async function startSentryWith(
  load: () => Promise<SentrySdk>,
  config: RuntimeConfig,
  app: { release: string; platform: string },
  bridge: SentryBridge,
): Promise<boolean> {
  const dsn = config.sentry?.dsn?.replace('{host}', location.host);
  if (!dsn) {
    bridge.disable();
    return false;
  }
  const sdk = await load();
  sdk.start(dsn, config, app);
  await nextTask();
  sdk.startTracing();
  await nextTask();
  bridge.ready(sdk);
  return true;
}

/** Resolves in a later task, so the browser can handle input and paint in between. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}
