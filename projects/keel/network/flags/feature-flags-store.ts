import { HttpClient, HttpContext, type HttpResponse } from '@angular/common/http';
import { Injector, computed, effect, inject, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import {
  patchState,
  signalStore,
  withComputed,
  withHooks,
  withMethods,
  watchState,
  withState,
} from '@ngrx/signals';
import {
  EMPTY,
  Observable,
  type Subscription,
  defer,
  distinctUntilChanged,
  firstValueFrom,
  merge,
  of,
  repeat,
  switchMap,
} from 'rxjs';
import { SessionStore } from '@keel/network/session';
import { ApiVersionSignals, BACKGROUND, NETWORK_CLOCK, isAppError } from '@keel/network';
import { readCachedFlags, writeCachedFlags } from './flag-cache';
import {
  FLAG_DEFINITIONS,
  type FlagName,
  type FlagValue,
  type FlagValues,
  flagValues,
} from './flag-registry';
import { FLAG_REPORTER, type FlagIssue } from './flag-reporter';
import {
  FLAGS_READY_TIMEOUT_MS,
  FLAGS_RELOAD_INTERVAL_MS,
  FLAGS_URL,
  FLAG_STORAGE,
  TAB_VISIBLE,
} from './feature-flags-options';
import { isRecord, readFlagValues } from './read-flag-values';

/** Where the current values came from. */
export type FlagsSource = 'defaults' | 'cache' | 'server';

interface FlagsState {
  values: FlagValues;
  source: FlagsSource;
  /** The flags version of the values loaded from the server in this page load. */
  version: number | null;
  /** Gated UI stopped waiting for a first load: the bounded wait ran out, or the load failed. */
  waitOver: boolean;
  /**
   * The browser's flag stream is live (held by this tab or another, `FlagStream`): changes
   * arrive as they happen, so the interval reload rests.
   */
  streamLive: boolean;
}

/**
 * Feature flags from `GET /api/flags`, checked against the app's flags (`FLAG_DEFINITIONS`) and
 * typed by its `FlagRegistry`.
 *
 * - Starts from the last-known-good values in `localStorage` (or the defaults), so a failed or
 *   slow fetch never flips the UI back to defaults.
 * - Loads while signed in only (the endpoint needs a token): on sign-in, when the flag stream
 *   announces another version (`FlagStream`), when `X-Flags-Version` on any response moves past
 *   the loaded version, when the tab becomes visible again, and every `FLAGS_RELOAD_INTERVAL_MS`
 *   while the stream is not live. Background calls with `If-None-Match`; a 304 keeps the values.
 *   Signing out keeps the values.
 * - Unknown flags and wrong types fall back to the default and go to `FLAG_REPORTER`, once each.
 * - `ready` says whether gated UI may render: values are cached or loaded, or the bounded wait
 *   of `whenReady()` ran out.
 */
export const FeatureFlagsStore = signalStore(
  { providedIn: 'root' },
  withState<FlagsState>(() => ({
    values: flagValues(inject(FLAG_DEFINITIONS)),
    source: 'defaults',
    version: null,
    waitOver: false,
    streamLive: false,
  })),
  withComputed(({ source, waitOver }) => ({
    ready: computed(() => source() !== 'defaults' || waitOver()),
  })),
  withMethods((store) => {
    // HttpClient is looked up on the first load, so a signed-out test needs no HTTP providers.
    const injector = inject(Injector);
    const clock = inject(NETWORK_CLOCK);
    const reporter = inject(FLAG_REPORTER);
    const storage = inject(FLAG_STORAGE);
    const versions = inject(ApiVersionSignals);
    const readyTimeoutMs = inject(FLAGS_READY_TIMEOUT_MS);
    const definitions = inject(FLAG_DEFINITIONS);
    const url = inject(FLAGS_URL);

    const session = inject(SessionStore);
    let etag: string | null = null;
    let inFlight: Promise<void> | null = null;
    /** The last version the stream announced. */
    let announced: number | null = null;
    let waitTimer: Subscription | null = null;
    const waiters: (() => void)[] = [];
    const reported = new Set<string>();

    const update = (patch: Partial<FlagsState>) => {
      patchState(store, patch);
      if (!store.ready()) return;
      waitTimer?.unsubscribe();
      waitTimer = null;
      for (const resolve of waiters.splice(0)) resolve();
    };

    // Once per issue and page load: a reload every 5 minutes must not repeat the same report.
    const report = (issue: FlagIssue) => {
      const key = issue.kind === 'malformed-response' ? issue.kind : `${issue.kind}:${issue.name}`;
      if (reported.has(key)) return;
      reported.add(key);
      reporter.report(issue);
    };

    const apply = (response: HttpResponse<unknown>) => {
      const body = response.body;
      if (!isRecord(body) || !isRecord(body['flags'])) {
        report({ kind: 'malformed-response' });
        update({ waitOver: true });
        return;
      }
      const { values, issues } = readFlagValues(body['flags'], definitions);
      issues.forEach(report);
      etag = response.headers.get('ETag');
      writeCachedFlags(storage, values);
      update({
        values: flagValues(definitions, values),
        source: 'server',
        version: versionOf(body['version']) ?? versionOf(response.headers.get('X-Flags-Version')),
      });
    };

    const fetchOnce = async () => {
      try {
        const response = await firstValueFrom(
          injector.get(HttpClient).get<unknown>(url, {
            observe: 'response',
            headers: etag ? { 'If-None-Match': etag } : {},
            context: new HttpContext().set(BACKGROUND, true),
          }),
        );
        apply(response);
      } catch (error: unknown) {
        // 304: the values in memory are the ones that ETag names. Anything else: keep the
        // last-known-good values; with nothing cached, gated UI stops waiting and uses defaults.
        if (isAppError(error) && error.status === 304) return;
        update({ waitOver: true });
      }
    };

    const load = (): Promise<void> => {
      // After a 426 every call fails until the app reloads; do not add to them.
      if (versions.upgradeRequired()) return Promise.resolve();
      inFlight ??= fetchOnce().finally(() => (inFlight = null));
      return inFlight;
    };

    return {
      value<N extends FlagName>(name: N): FlagValue<N> {
        return store.values()[name];
      },
      /** Fetches the flags now (one request at a time). Never rejects: failures keep the values. */
      load,
      /**
       * The flag stream says the server's flags are at `version`: reloads unless that is the
       * version loaded. Any difference counts, not only a larger one (a restarted server counts
       * from 1 again). A load already in flight may have left before the change: when it
       * settles on another version, one more load follows.
       */
      announced(version: number): Promise<void> {
        announced = version;
        if (!session.isSignedIn() || store.version() === version) return Promise.resolve();
        return load().then(() => {
          if (announced === version && store.version() !== version) return load();
          return undefined;
        });
      },
      /** Whether the browser's flag stream is live; see `streamLive`. */
      setStreamLive(live: boolean): void {
        if (store.streamLive() !== live) patchState(store, { streamLive: live });
      },
      /**
       * Resolves once `ready()`: at once with cached or loaded values, else after the first load
       * or `FLAGS_READY_TIMEOUT_MS`, whichever comes first (the bound starts with the first ask).
       */
      whenReady(): Promise<void> {
        if (store.ready()) return Promise.resolve();
        waitTimer ??= clock.timer(readyTimeoutMs).subscribe(() => update({ waitOver: true }));
        return new Promise((resolve) => waiters.push(resolve));
      },
    };
  }),
  withHooks({
    onInit(store) {
      const definitions = inject(FLAG_DEFINITIONS);
      const cached = readCachedFlags(inject(FLAG_STORAGE), definitions);
      if (cached)
        patchState(store, {
          values: flagValues(definitions, cached),
          source: 'cache',
        });

      const session = inject(SessionStore);
      const versions = inject(ApiVersionSignals);
      const clock = inject(NETWORK_CLOCK);
      const intervalMs = inject(FLAGS_RELOAD_INTERVAL_MS);
      const tabVisible = inject(TAB_VISIBLE);

      // The interval reload rests while the stream is live; it starts over when the stream drops.
      const every = toObservable(store.streamLive).pipe(
        switchMap((live) => (live ? EMPTY : defer(() => clock.timer(intervalMs)).pipe(repeat()))),
      );
      // The session's sign-in as it happens (watchState runs in the same call as the change),
      // not at the next change detection as toObservable would: on a page load the flags then
      // leave beside /api/me and the page's own first calls, not a tick after them.
      const injector = inject(Injector);
      const sessionSignedIn = new Observable<boolean>((subscriber) => {
        const watcher = watchState(
          session,
          ({ status }) => subscriber.next(status === 'signed-in'),
          {
            injector,
          },
        );
        return () => watcher.destroy();
      }).pipe(distinctUntilChanged());
      sessionSignedIn
        .pipe(
          switchMap((signedIn) => (signedIn ? merge(of('signed-in'), every, tabVisible) : EMPTY)),
          takeUntilDestroyed(),
        )
        .subscribe(() => void store.load());

      // Any API response may say the flags changed (`X-Flags-Version`); reload when it is ahead.
      effect(() => {
        const seen = versions.flagsVersion();
        const loaded = store.version();
        if (session.isSignedIn() && seen !== null && (loaded === null || seen > loaded)) {
          untracked(() => void store.load());
        }
      });
    },
  }),
);

function versionOf(value: unknown): number | null {
  const version = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof version === 'number' && Number.isSafeInteger(version) && version >= 0
    ? version
    : null;
}
