import { DOCUMENT } from '@angular/common';
import { HttpClient, HttpContext, type HttpEvent, HttpEventType } from '@angular/common/http';
import {
  ApplicationRef,
  DestroyRef,
  Injectable,
  InjectionToken,
  Injector,
  inject,
  signal,
} from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { type Subscription, filter, take } from 'rxjs';
import {
  SessionStore,
  type TabChannel,
  type TabLeadership,
  openTabChannel,
  webLocksLeadership,
} from '../auth';
import {
  NETWORK_CLOCK,
  NETWORK_STATUS,
  RETRY_RANDOM,
  STREAMING,
  backoffDelay,
  isAppError,
} from '../http';
import { FeatureFlagsStore } from './feature-flags-store';
import { SseReader } from './sse-reader';

/** `GET /api/flags/stream`: server-sent events, `event: flags` with `{"version": n}` (API.md). */
export const FLAG_STREAM_URL = '/api/flags/stream';

/**
 * The stream's timings (all through `NETWORK_CLOCK`). A connection that brings no event within
 * `firstEventMs` is given up; after `silentConnectsToGiveUp` of those in a row the stream is
 * judged unavailable (a proxy that buffers the body until it ends) and the tabs poll as before
 * for the rest of the page load. A live stream that is silent for `silenceMs` (the server sends
 * a heartbeat every 15 s) is dead and reconnected. Reconnects wait a full-jitter backoff from
 * `reconnect`; the backoff starts over once a connection stayed up `stableMs`.
 */
export const FLAG_STREAM_TIMING = {
  firstEventMs: 10_000,
  silentConnectsToGiveUp: 3,
  silenceMs: 45_000,
  stableMs: 60_000,
  reconnect: { baseDelayMs: 1_000, maxDelayMs: 60_000 },
} as const;

/** What the tabs of one browser tell each other about the one flag stream. */
export type FlagTabMessage =
  /** A tab joined: the leader answers with `stream`. */
  | { readonly type: 'hello' }
  /** The leader's stream: live or not, and the last version it announced. */
  | { readonly type: 'stream'; readonly live: boolean; readonly version: number | null };

export function isFlagTabMessage(data: unknown): data is FlagTabMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  if (m['type'] === 'hello') return true;
  return (
    m['type'] === 'stream' &&
    typeof m['live'] === 'boolean' &&
    (m['version'] === null || isVersion(m['version']))
  );
}

/**
 * The relay between the tabs. A channel of its own rather than the session's: the session's
 * messages are the session's union, checked by core/auth, which knows nothing of flags.
 * @default a `BroadcastChannel` named `keel-flags`; nothing where the browser has none
 */
export const FLAG_CHANNEL = new InjectionToken<TabChannel<FlagTabMessage>>('FLAG_CHANNEL', {
  providedIn: 'root',
  factory: () => openTabChannel('keel-flags', isFlagTabMessage),
});

/**
 * Which tab holds the stream.
 * @default Web Locks (the lock `keel-flag-stream`); without them every tab holds its own stream
 */
export const FLAG_STREAM_LEADERSHIP = new InjectionToken<TabLeadership>('FLAG_STREAM_LEADERSHIP', {
  providedIn: 'root',
  factory: () => webLocksLeadership(inject(DOCUMENT).defaultView?.navigator.locks),
});

/**
 * Whether this browser can read a response as it arrives.
 * @default whether `ReadableStream` exists (the fetch backend reads the body through it)
 */
export const FLAG_STREAM_SUPPORTED = new InjectionToken<boolean>('FLAG_STREAM_SUPPORTED', {
  providedIn: 'root',
  factory: () => typeof inject(DOCUMENT).defaultView?.ReadableStream === 'function',
});

/**
 * What this tab knows of the browser's stream: `off` (signed out, or not started), `waiting`
 * (another tab leads and has said nothing yet, or this one is connecting or waiting to
 * reconnect), `live`, `unavailable` (no streaming here: the store polls).
 */
export type FlagStreamState = 'off' | 'waiting' | 'live' | 'unavailable';

/**
 * Flag changes pushed within a second to every tab (README, "How flags reach a tab"). While
 * signed in, one tab per browser (the leader, `FLAG_STREAM_LEADERSHIP`) holds
 * `GET /api/flags/stream` through the network layer (`STREAMING`: the token, the refresh on a
 * 401, no timeout, no retry), and relays each announced version over `FLAG_CHANNEL`; every tab
 * then reloads `GET /api/flags` (`FeatureFlagsStore.announced`). When the leader closes, the
 * next tab in the lock's queue takes over and reconnects. Started by `provideFeatureFlags()`.
 */
@Injectable({ providedIn: 'root' })
export class FlagStream {
  private readonly injector = inject(Injector);
  private readonly store = inject(FeatureFlagsStore);
  private readonly session = inject(SessionStore);
  private readonly clock = inject(NETWORK_CLOCK);
  private readonly random = inject(RETRY_RANDOM);
  private readonly network = inject(NETWORK_STATUS);
  private readonly channel = inject(FLAG_CHANNEL);
  private readonly leadership = inject(FLAG_STREAM_LEADERSHIP);
  private readonly supported = inject(FLAG_STREAM_SUPPORTED);

  private readonly current = signal<FlagStreamState>('off');
  readonly state = this.current.asReadonly();
  /** This tab holds the stream (or is connecting, or waiting to reconnect). */
  private leading = false;
  private leave: (() => void) | null = null;
  private connection: Subscription | null = null;
  /** The one pending wait: the first event, the silence watchdog, or the reconnect backoff. */
  private wait: Subscription | null = null;
  private version: number | null = null;
  private failures = 0;
  private silentConnects = 0;
  private started = false;

  private readonly destroyRef = inject(DestroyRef);

  constructor() {
    this.destroyRef.onDestroy(() => this.quit());
  }

  /**
   * Watches the session from the first time the app is stable: the first load is not kept
   * waiting, and the open stream (a pending request) does not keep the app from ever becoming
   * stable, which the service worker's registration waits for.
   */
  start(): void {
    if (this.started) return;
    this.started = true;
    void this.injector
      .get(ApplicationRef)
      .whenStable()
      .then(() => this.watch());
  }

  private watch(): void {
    if (this.destroyRef.destroyed) return;
    const stopListening = this.channel.listen((message) => this.hear(message));
    const signedIn = toObservable(this.session.isSignedIn, { injector: this.injector }).subscribe(
      (yes) => (yes ? this.join() : this.quit()),
    );
    this.destroyRef.onDestroy(() => {
      stopListening();
      signedIn.unsubscribe();
    });
  }

  private join(): void {
    if (this.leave || this.current() === 'unavailable') return;
    if (!this.supported) return this.setState('unavailable');
    this.setState('waiting');
    this.channel.post({ type: 'hello' });
    this.leave = this.leadership.join('keel-flag-stream', () => {
      this.leading = true;
      this.connect();
    });
  }

  private quit(): void {
    this.leave?.();
    this.leave = null;
    this.stopConnection();
    this.leading = false;
    this.failures = 0;
    this.silentConnects = 0;
    if (this.current() !== 'unavailable') this.setState('off');
  }

  private connect(): void {
    this.setState('waiting');
    const reader = new SseReader();
    let openedAt: number | null = null;
    let heard = false;
    this.watchFor(FLAG_STREAM_TIMING.firstEventMs, () => this.silentConnect());
    this.connection = this.injector
      .get(HttpClient)
      .get(FLAG_STREAM_URL, {
        context: new HttpContext().set(STREAMING, true),
        observe: 'events',
        reportProgress: true,
        responseType: 'text',
      })
      .subscribe({
        next: (event: HttpEvent<string>) => {
          if (event.type === HttpEventType.ResponseHeader) openedAt = this.clock.now();
          if (event.type !== HttpEventType.DownloadProgress) return;
          for (const { event: name, data } of reader.read(event.partialText ?? '')) {
            const version = name === 'flags' ? versionIn(data) : null;
            if (version !== null) {
              heard = true;
              this.announce(version);
            }
          }
          // Any byte (a heartbeat too) says the connection is alive.
          if (heard) this.watchFor(FLAG_STREAM_TIMING.silenceMs, () => this.reconnect(openedAt));
        },
        error: (error: unknown) => {
          this.connection = null;
          // An older server without the endpoint, or a 426: nothing to stream from.
          if (isAppError(error) && (error.status === 404 || error.kind === 'upgrade-required'))
            return this.giveUp();
          this.reconnect(openedAt);
        },
        // The server ended the stream (a restart, a proxy's limit): a normal reconnect.
        complete: () => {
          this.connection = null;
          this.reconnect(openedAt);
        },
      });
  }

  private announce(version: number): void {
    this.silentConnects = 0;
    this.version = version;
    this.setState('live');
    this.channel.post({ type: 'stream', live: true, version });
    void this.store.announced(version);
  }

  /** No event within `firstEventMs`: try again, and after a few in a row stop trying. */
  private silentConnect(): void {
    this.stopConnection();
    this.silentConnects += 1;
    if (this.silentConnects >= FLAG_STREAM_TIMING.silentConnectsToGiveUp) return this.giveUp();
    this.reconnect(null);
  }

  private reconnect(openedAt: number | null): void {
    this.stopConnection();
    if (!this.leading) return;
    const { stableMs, reconnect } = FLAG_STREAM_TIMING;
    const stable = openedAt !== null && this.clock.now() - openedAt >= stableMs;
    this.failures = stable ? 1 : this.failures + 1;
    this.setState('waiting');
    this.watchFor(backoffDelay(this.failures, reconnect, this.random), () => {
      if (this.network.isOnline()) return this.connect();
      // Offline: the first `online` event reconnects.
      this.wait = this.network.changes
        .pipe(filter(Boolean), take(1))
        .subscribe(() => this.connect());
    });
  }

  /** Polling as before, for the rest of this page load (README says how this is detected). */
  private giveUp(): void {
    this.stopConnection();
    this.setState('unavailable');
  }

  private hear(message: FlagTabMessage): void {
    if (message.type === 'hello') {
      if (this.leading && this.current() !== 'waiting')
        this.channel.post({
          type: 'stream',
          live: this.current() === 'live',
          version: this.version,
        });
      return;
    }
    // Without Web Locks every tab leads itself, and only its own stream counts.
    if (this.leading || !this.leave) return;
    this.current.set(message.live ? 'live' : 'waiting');
    this.store.setStreamLive(message.live);
    if (message.version !== null) void this.store.announced(message.version);
  }

  private setState(state: FlagStreamState): void {
    const wasLive = this.current() === 'live';
    this.current.set(state);
    this.store.setStreamLive(state === 'live');
    if (this.leading && wasLive && state !== 'live')
      this.channel.post({ type: 'stream', live: false, version: this.version });
  }

  private watchFor(ms: number, then: () => void): void {
    this.wait?.unsubscribe();
    this.wait = this.clock.timer(ms).subscribe(then);
  }

  private stopConnection(): void {
    this.wait?.unsubscribe();
    this.wait = null;
    this.connection?.unsubscribe();
    this.connection = null;
  }
}

function versionIn(data: string): number | null {
  try {
    const version: unknown = (JSON.parse(data) as { version?: unknown } | null)?.version;
    return isVersion(version) ? version : null;
  } catch {
    return null;
  }
}

function isVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
