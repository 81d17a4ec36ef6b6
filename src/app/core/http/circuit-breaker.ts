import type { CircuitBreakerOptions } from './network-layer-options';

export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * A circuit breaker for one origin: opens when at least `failureRatio` of at least `minCalls`
 * attempts within `windowMs` failed, fails fast for `openMs`, then lets exactly one probe
 * through; the probe's outcome closes or re-opens it. Time comes in as arguments.
 */
export class CircuitBreaker {
  private outcomes: { at: number; ok: boolean }[] = [];
  private openedAt = 0;
  private probing = false;
  private currentState: CircuitState = 'closed';

  constructor(private readonly options: CircuitBreakerOptions) {}

  state(now: number): CircuitState {
    if (this.currentState === 'open' && now - this.openedAt >= this.options.openMs)
      this.currentState = 'half-open';
    return this.currentState;
  }

  /**
   * Whether an attempt may go out now: `pass` while closed; in half-open only the first caller
   * gets through, as the `probe`; everyone else is `rejected`.
   */
  admit(now: number): 'pass' | 'probe' | 'rejected' {
    const state = this.state(now);
    if (state === 'closed') return 'pass';
    if (state === 'open' || this.probing) return 'rejected';
    this.probing = true;
    return 'probe';
  }

  /** Milliseconds until an open breaker lets a probe through. */
  retryInMs(now: number): number {
    return Math.max(0, this.openedAt + this.options.openMs - now);
  }

  /** The attempt admitted by `admit` ended with no outcome (cancelled): free the probe slot. */
  abandon(): void {
    this.probing = false;
  }

  /**
   * The outcome of an admitted attempt. Only the probe decides a half-open breaker: a slow
   * attempt let through before the breaker opened must not close or re-open it when it lands.
   */
  record(ok: boolean, now: number, probe = false): void {
    if (probe) {
      this.probing = false;
      if (ok) this.close();
      else this.open(now);
      return;
    }
    if (this.state(now) !== 'closed') return;
    this.outcomes.push({ at: now, ok });
    this.outcomes = this.outcomes.filter((o) => now - o.at < this.options.windowMs);
    const failures = this.outcomes.filter((o) => !o.ok).length;
    const { minCalls, failureRatio } = this.options;
    if (this.outcomes.length >= minCalls && failures / this.outcomes.length >= failureRatio)
      this.open(now);
  }

  private open(now: number): void {
    this.currentState = 'open';
    this.openedAt = now;
    this.outcomes = [];
  }

  private close(): void {
    this.currentState = 'closed';
    this.outcomes = [];
  }
}
