import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { AUTH_ENDPOINTS } from '@keel/network/session';
import {
  type AppErrorKind,
  NETWORK_CLOCK,
  type NetworkCallRecord,
  OriginHealth,
  type OriginHealthSnapshot,
} from '@keel/network';

/** How many calls the ring buffer keeps for the network console. */
export const RECENT_CALLS = 200;
/** The failure rate is taken over this many latest calls. */
export const FAILURE_WINDOW = 50;

interface MetricsState {
  total: number;
  failures: number;
  failuresByKind: Partial<Record<AppErrorKind, number>>;
  retries: number;
  refreshes: number;
  /** Times (epoch ms) of attempts answered 401, pruned to the last minute. */
  unauthorizedAt: number[];
  /** Outcomes of the latest FAILURE_WINDOW user-visible or background calls (true = failed). */
  window: boolean[];
  /** The latest RECENT_CALLS records, newest last. */
  recent: NetworkCallRecord[];
  origins: OriginHealthSnapshot[];
  /** Fields defaulted or items dropped by repositories' decoders. */
  decodeRepairs: number;
  /** Unknown flags and wrong-typed flag values the flag store worked around. */
  flagIssues: number;
}

const initial: MetricsState = {
  total: 0,
  failures: 0,
  failuresByKind: {},
  retries: 0,
  refreshes: 0,
  unauthorizedAt: [],
  window: [],
  recent: [],
  origins: [],
  decodeRepairs: 0,
  flagIssues: 0,
};

/**
 * Network metrics, fed one record per logical call by the observability hook: totals, failures
 * by kind, retries, refreshes, 401s in the last minute, failure rate over a sliding window,
 * budget and breaker state per origin, and the last 200 calls for the waterfall.
 */
export const NetworkMetricsStore = signalStore(
  { providedIn: 'root' },
  withState(initial),
  withComputed(({ window, unauthorizedAt }) => ({
    /** Share of failed calls among the latest FAILURE_WINDOW, 0..1. */
    failureRate: computed(() =>
      window().length ? window().filter(Boolean).length / window().length : 0,
    ),
    unauthorizedLastMinute: computed(() => unauthorizedAt().length),
  })),
  withMethods((store, clock = inject(NETWORK_CLOCK), health = inject(OriginHealth)) => {
    const refreshPath = pathOf(inject(AUTH_ENDPOINTS).refresh);
    return {
      record(record: NetworkCallRecord): void {
        const now = clock.now();
        const failed = record.outcome === 'error';
        const kind = record.errorKind;
        // Every attempt answered 401 counts, the ones a refresh and replay then saved included
        // (each is an attempt record of its own).
        let unauthorized = 0;
        for (const attempt of record.attempts) if (attempt.status === 401) unauthorized++;
        // Retries are attempts after the first; a 401's replay is not a retry.
        const retries = Math.max(0, (record.attempts.at(-1)?.n ?? 1) - 1);
        patchState(store, (state) => ({
          total: state.total + 1,
          failures: state.failures + (failed ? 1 : 0),
          failuresByKind:
            failed && kind
              ? { ...state.failuresByKind, [kind]: (state.failuresByKind[kind] ?? 0) + 1 }
              : state.failuresByKind,
          retries: state.retries + retries,
          refreshes:
            state.refreshes + (isRefresh(record, refreshPath) && record.outcome === 'ok' ? 1 : 0),
          unauthorizedAt: lastMinute(state.unauthorizedAt, now, unauthorized),
          window:
            record.outcome === 'aborted'
              ? state.window
              : [...state.window, failed].slice(-FAILURE_WINDOW),
          recent: [...state.recent, record].slice(-RECENT_CALLS),
          origins: health.snapshot(),
        }));
      },
      /** Re-reads the time-dependent parts (401s per minute, breaker state) without a new call. */
      tick(): void {
        const now = clock.now();
        patchState(store, (state) => ({
          unauthorizedAt: lastMinute(state.unauthorizedAt, now, 0),
          origins: health.snapshot(),
        }));
      },
      countDecodeRepairs(count: number): void {
        patchState(store, (state) => ({ decodeRepairs: state.decodeRepairs + count }));
      },
      countFlagIssue(): void {
        patchState(store, (state) => ({ flagIssues: state.flagIssues + 1 }));
      },
      reset(): void {
        patchState(store, { ...initial, origins: health.snapshot() });
      },
    };
  }),
);

/** The 401 times of the last minute, with `added` more at `now`; the same array when nothing changed. */
function lastMinute(times: number[], now: number, added: number): number[] {
  const kept =
    times.length && now - times[0] >= 60_000 ? times.filter((at) => now - at < 60_000) : times;
  if (!added) return kept;
  const result = kept === times ? [...times] : kept;
  for (let i = 0; i < added; i++) result.push(now);
  return result;
}

function isRefresh(record: NetworkCallRecord, refreshPath: string): boolean {
  return record.method === 'POST' && pathOf(record.url) === refreshPath;
}

/** The path of a URL as the call was made (relative or absolute), without its query. */
function pathOf(url: string): string {
  return new URL(url, 'http://x').pathname;
}
