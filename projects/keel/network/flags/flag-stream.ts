import { HttpClient, HttpContext, type HttpEvent, HttpEventType } from '@angular/common/http';
import { ApplicationRef, DestroyRef, Injectable, Injector, inject, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { type Subscription, filter, take } from 'rxjs';
import { SessionStore } from '@keel/network/session';
import {
  NETWORK_CLOCK,
  NETWORK_STATUS,
  RETRY_RANDOM,
  STREAMING,
  backoffDelay,
  isAppError,
} from '@keel/network';
import { FeatureFlagsStore } from './feature-flags-store';
import {
  FLAG_CHANNEL,
  FLAG_STREAM_LEADERSHIP,
  FLAG_STREAM_SUPPORTED,
  FLAG_STREAM_TIMING,
  FLAG_STREAM_URL,
  type FlagStreamState,
  type FlagTabMessage,
  isVersion,
} from './flag-stream-options';
import { SseReader } from './sse-reader';

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
  private readonly destroyRef = inject(DestroyRef);

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
      .get(this.injector.get(FLAG_STREAM_URL), {
        context: new HttpContext().set(STREAMING, true),
        observe: 'events',
        reportProgress: true,
        responseType: 'text',
        // Fetch Priority: a request that stays open is the browser's least urgent, never ahead
        // of the page's code and calls. A `High` one that never ends also kept Lighthouse from
        // ever seeing the page loaded (it leaves out EventSource, not a fetch read as a stream),
        // so its trace ran to its 45 s limit and took in Sentry's late start (issue 13).
        priority: 'low',
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
          const text = event.partialText ?? '';
          if (text.length >= FLAG_STREAM_TIMING.maxTextLength) return this.reconnect(openedAt);
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
