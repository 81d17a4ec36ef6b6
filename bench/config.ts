// Every size and duration of `npm run bench`, overridable by environment variables for quick
// runs (e.g. BENCH_SOAK_CALLS=500 BENCH_OVERHEAD_REPS=2 npm run bench). The defaults are the
// figures issues 7, 10 and 13 ask for.

function num(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0: ${raw}`);
  return value;
}

function list(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (!raw) return fallback;
  return raw.split(',').map((part) => {
    const value = Number(part.trim());
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: not a count: ${part}`);
    return value;
  });
}

const SECTIONS = ['overhead', 'storm', 'outage', 'soak', 'bundle', 'lighthouse'] as const;
export type Section = (typeof SECTIONS)[number];

function sections(): Section[] {
  const raw = process.env['BENCH_ONLY'];
  if (!raw) return [...SECTIONS];
  const wanted = raw.split(',').map((s) => s.trim());
  const unknown = wanted.filter((s) => !SECTIONS.includes(s as Section));
  if (unknown.length)
    throw new Error(`BENCH_ONLY: unknown section ${unknown.join(', ')} (${SECTIONS.join(', ')})`);
  return wanted as Section[];
}

export function benchConfig() {
  return {
    sections: sections(),
    /** CPU slowdown of the "slow device" runs (Emulation.setCPUThrottlingRate). */
    throttle: num('BENCH_THROTTLE', 4),
    /** Access tokens outlive the run, so the only refreshes are the ones a scenario causes. */
    accessTokenTtlS: num('BENCH_TOKEN_TTL_S', 3600),
    overhead: {
      url: '/api/me',
      sequential: num('BENCH_OVERHEAD_SEQUENTIAL', num('BENCH_OVERHEAD_CALLS', 1000)),
      concurrent: num('BENCH_OVERHEAD_CONCURRENT', num('BENCH_OVERHEAD_CALLS', 1000)),
      reps: num('BENCH_OVERHEAD_REPS', 3),
      /**
       * Repetitions of the throttled bursts. Bursts alternate which stack goes first, and that
       * order moved the ratio (1.027× and 1.064× with the bare client first, 1.202× with Keel
       * first, in one run of 3), so the count is even: each stack goes first equally often.
       */
      throttledReps: num('BENCH_THROTTLED_BURST_REPS', 6),
      warmup: num('BENCH_OVERHEAD_WARMUP', 100),
      inPageCalls: num('BENCH_OVERHEAD_IN_PAGE_CALLS', 10_000),
    },
    storm: {
      url: '/api/me',
      ns: list('BENCH_STORM_N', [50, 500]),
      /** The storms run again with the CPU throttled (long tasks are read there). */
      throttledNs: list('BENCH_THROTTLED_STORM_N', [500]),
      reps: num('BENCH_STORM_REPS', 3),
    },
    outage: {
      url: '/api/me',
      durationMs: num('BENCH_OUTAGE_MS', 10_000),
      intervalMs: num('BENCH_OUTAGE_INTERVAL_MS', 50),
      settleCapMs: 60_000,
    },
    /** Lighthouse runs per page (issue 13 asks for 3; medians are reported). */
    /** `reportsDir`: a folder to keep each run's full Lighthouse report in (JSON), to read its
     *  diagnostics; none by default. */
    lighthouse: {
      runs: num('BENCH_LIGHTHOUSE_RUNS', 3),
      reportsDir: process.env['BENCH_LIGHTHOUSE_REPORTS'] || undefined,
    },
    soak: {
      calls: num('BENCH_SOAK_CALLS', 5000),
      /** The same soak for the naive and axios stacks, as baselines; 0 skips them. */
      peerCalls: num('BENCH_SOAK_PEER_CALLS', 500),
      concurrency: num('BENCH_SOAK_CONCURRENCY', 12),
      seed: num('BENCH_SEED', 7),
      createShare: 0.25,
      phaseMs: num('BENCH_SOAK_PHASE_MS', 4000),
      expireEveryMs: num('BENCH_SOAK_EXPIRE_MS', 3000),
      attemptTimeoutMs: num('BENCH_SOAK_ATTEMPT_TIMEOUT_MS', 1500),
      callCapMs: 45_000,
    },
  };
}

export type BenchConfig = ReturnType<typeof benchConfig>;
