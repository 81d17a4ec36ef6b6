import type * as SentryAngular from './sentry-sdk';

type SentrySdk = typeof SentryAngular;

/**
 * The Sentry SDK, loaded after bootstrap so it costs the first render nothing (it is ~37 kB
 * of transfer; the initial bundle stays under 100 kB). Calls made before it arrives are queued
 * and replayed in order; without a DSN the queue is dropped and every call is a no-op.
 */
export class SentryBridge {
  private sdk: SentrySdk | null = null;
  private disabled = false;
  private queue: ((sdk: SentrySdk) => void)[] = [];
  private readonly listeners: ((sdk: SentrySdk) => void)[] = [];

  /** Runs `task` with the SDK now, or once it has loaded. */
  use(task: (sdk: SentrySdk) => void): void {
    if (this.disabled) return;
    if (this.sdk) task(this.sdk);
    else if (this.queue.length < 100) this.queue.push(task);
  }

  /** Calls `listener` once the SDK is ready (at once if it already is). */
  onReady(listener: (sdk: SentrySdk) => void): void {
    if (this.sdk) listener(this.sdk);
    else this.listeners.push(listener);
  }

  ready(sdk: SentrySdk): void {
    this.sdk = sdk;
    for (const listener of this.listeners.splice(0)) listener(sdk);
    for (const task of this.queue.splice(0)) task(sdk);
  }

  disable(): void {
    this.disabled = true;
    this.queue = [];
  }

  get loaded(): boolean {
    return this.sdk !== null;
  }
}

/** The app's one bridge: `main.ts` starts loading into it before Angular exists. */
export const sentryBridge = new SentryBridge();
