import type * as SentryAngular from './sentry-sdk';

/** The SDK chunk's exports (sentry-sdk.ts). */
export type SentrySdk = typeof SentryAngular;

/** At most this many calls wait for the SDK; the oldest breadcrumb goes first when it is full. */
const QUEUE_LIMIT = 100;

interface Queued {
  readonly task: (sdk: SentrySdk) => void;
  /** A report (an event to send), as opposed to a breadcrumb: never dropped for a breadcrumb. */
  readonly report: boolean;
}

/**
 * The Sentry SDK, loaded late so it costs the first page nothing (about 50 kB of transfer and,
 * on a slow phone, a few hundred ms of script). Calls made before it arrives are queued and
 * replayed in order; without a DSN the queue is dropped and every call is a no-op.
 *
 * The first report queued (an error or a failed call to send) resolves `needed`, so an
 * app that loads the SDK late can load it at once when there is something to send.
 */
export class SentryBridge {
  private sdk: SentrySdk | null = null;
  private disabled = false;
  private queue: Queued[] = [];
  private readonly listeners: ((sdk: SentrySdk) => void)[] = [];
  private demand!: () => void;
  /** Resolves when the first report is queued (or made once the SDK is here). */
  readonly needed = new Promise<void>((resolve) => (this.demand = resolve));

  /** Runs `task` (a breadcrumb, a setting) with the SDK now, or once it has loaded. */
  use(task: (sdk: SentrySdk) => void): void {
    this.run(task, false);
  }

  /** Runs `task`, which sends an event, with the SDK now or once it has loaded. */
  report(task: (sdk: SentrySdk) => void): void {
    this.demand();
    this.run(task, true);
  }

  /** Calls `listener` once the SDK is ready (at once if it already is). */
  onReady(listener: (sdk: SentrySdk) => void): void {
    if (this.sdk) listener(this.sdk);
    else this.listeners.push(listener);
  }

  ready(sdk: SentrySdk): void {
    this.sdk = sdk;
    for (const listener of this.listeners.splice(0)) listener(sdk);
    for (const { task } of this.queue.splice(0)) task(sdk);
  }

  disable(): void {
    this.disabled = true;
    this.queue = [];
  }

  get loaded(): boolean {
    return this.sdk !== null;
  }

  private run(task: (sdk: SentrySdk) => void, report: boolean): void {
    if (this.disabled) return;
    if (this.sdk) return task(this.sdk);
    if (this.queue.length >= QUEUE_LIMIT) {
      const breadcrumb = this.queue.findIndex((queued) => !queued.report);
      if (breadcrumb < 0) return; // 100 reports waiting: this one is dropped
      this.queue.splice(breadcrumb, 1);
    }
    this.queue.push({ task, report });
  }
}

/** The app's one bridge: `main.ts` starts loading into it before Angular exists. */
export const sentryBridge = new SentryBridge();
