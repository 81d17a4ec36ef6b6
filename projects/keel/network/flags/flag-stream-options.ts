import { DOCUMENT } from '@angular/common';
import { ApplicationRef, InjectionToken, inject } from '@angular/core';
import {
  type TabChannel,
  type TabLeadership,
  openTabChannel,
  webLocksLeadership,
} from '@keel/network/session';

// What the flag stream needs that the app loads with it; the stream itself (`FlagStream`,
// flag-stream.ts) is loaded once the app is first stable, outside the first load's bundle.

/**
 * The flag stream: server-sent events, `event: flags` with `{"version": n}` (API.md).
 * @default '/api/flags/stream'
 */
export const FLAG_STREAM_URL = new InjectionToken<string>('FLAG_STREAM_URL', {
  providedIn: 'root',
  factory: () => '/api/flags/stream',
});

/**
 * When the flag stream's code is loaded and the stream started: once the app is first stable,
 * and then the browser idle. Stable alone can come before the first page has been painted (a
 * page whose data arrived with its code is stable as soon as it has rendered), and the
 * stream's code and request do not belong in that first frame (issue 13).
 * @default the app stable, then `browserIdle`
 */
// Stryker disable next-line StringLiteral: the description only names the token in DI error messages
export const FLAG_STREAM_START = new InjectionToken<() => Promise<unknown>>('FLAG_STREAM_START', {
  providedIn: 'root',
  factory: () => {
    const app = inject(ApplicationRef);
    const window = inject(DOCUMENT).defaultView;
    return () => app.whenStable().then(() => browserIdle(window));
  },
});

/** The slice of `window` that `browserIdle` uses (`requestIdleCallback` is not everywhere). */
export type IdleWindow = Pick<Window, 'requestAnimationFrame' | 'setTimeout'> &
  Partial<Pick<Window, 'requestIdleCallback'>>;

/**
 * Resolves when the browser is next idle, which is after the frame it is drawing, and at most
 * `capMs` later; where it has no `requestIdleCallback`, after its next frame; at once without
 * a window (server rendering).
 */
export function browserIdle(window: IdleWindow | null, capMs = 1_000): Promise<void> {
  return new Promise((resolve) => {
    if (!window) resolve();
    else if (window.requestIdleCallback)
      window.requestIdleCallback(() => resolve(), { timeout: capMs });
    else window.requestAnimationFrame(() => window.setTimeout(resolve));
  });
}

/**
 * The stream's timings (all through `NETWORK_CLOCK`). A connection that brings no event within
 * `firstEventMs` is given up; after `silentConnectsToGiveUp` of those in a row the stream is
 * judged unavailable (a proxy that buffers the body until it ends) and the tabs poll as before
 * for the rest of the page load. A live stream that is silent for `silenceMs` (the server sends
 * a heartbeat every 15 s) is dead and reconnected. Reconnects wait a full-jitter backoff from
 * `reconnect`; the backoff starts over once a connection stayed up `stableMs`. Angular's fetch
 * backend keeps everything a response has sent (`partialText`) until it ends, so a stream that
 * has sent `maxTextLength` characters (about 20 hours of heartbeats) is reconnected, as a stable
 * one, to bound that memory.
 */
export const FLAG_STREAM_TIMING = {
  firstEventMs: 10_000,
  silentConnectsToGiveUp: 3,
  silenceMs: 45_000,
  stableMs: 60_000,
  reconnect: { baseDelayMs: 1_000, maxDelayMs: 60_000 },
  maxTextLength: 64 * 1024,
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
 * messages are the session's union, checked by the session, which knows nothing of flags.
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

/** A flags version as the stream and the channel carry it. */
export function isVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
