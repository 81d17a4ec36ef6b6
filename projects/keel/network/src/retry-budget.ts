import type { RetryBudgetOptions } from './network-layer-options';

/**
 * A token bucket that caps retries during an outage (the gRPC retry-throttling scheme): each
 * retry spends a token, each success earns a fraction back, and retries stop while the bucket
 * is at or below `minTokens`. A full outage then costs the server about 1.1× the calls, not 3×.
 */
export class RetryBudget {
  private tokens: number;

  constructor(private readonly options: RetryBudgetOptions) {
    this.tokens = options.capacity;
  }

  get available(): number {
    return this.tokens;
  }

  /** Spends a retry's cost if the budget allows one; says whether it did. */
  tryRetry(): boolean {
    if (this.tokens <= this.options.minTokens) return false;
    this.tokens = Math.max(0, this.tokens - this.options.costPerRetry);
    return true;
  }

  recordSuccess(): void {
    this.tokens = Math.min(this.options.capacity, this.tokens + this.options.refillPerSuccess);
  }
}
