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
    if (this.currentState === 'open' && now - this.openedAt >= this.options.openMs) this.currentState = 'half-open';
    return this.currentState;
  }

  /** Whether an attempt may go out now; in half-open, only the first caller gets through. */
  admit(now: number): boolean {
    const state = this.state(now);
    if (state === 'closed') return true;
    if (state === 'open' || this.probing) return false;
    this.probing = true;
    return true;
  }

  /** Milliseconds until an open breaker lets a probe through. */
  retryInMs(now: number): number {
    return Math.max(0, this.openedAt + this.options.openMs - now);
  }

  /** The attempt admitted by `admit` ended with no outcome (cancelled): free the probe slot. */
  abandon(): void {
    this.probing = false;
  }

  record(ok: boolean, now: number): void {
    if (this.probing || this.currentState === 'half-open') {
      this.probing = false;
      if (ok) this.close();
      else this.open(now);
      return;
    }
    this.outcomes.push({ at: now, ok });
    this.outcomes = this.outcomes.filter((o) => now - o.at < this.options.windowMs);
    const failures = this.outcomes.filter((o) => !o.ok).length;
    const { minCalls, failureRatio } = this.options;
    if (this.outcomes.length >= minCalls && failures / this.outcomes.length >= failureRatio) this.open(now);
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
