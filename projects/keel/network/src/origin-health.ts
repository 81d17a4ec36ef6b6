import { Injectable, inject } from '@angular/core';
import { CircuitBreaker, type CircuitState } from './circuit-breaker';
import { NETWORK_CLOCK } from './network-clock';
import { CIRCUIT_BREAKER, RETRY_BUDGET } from './network-layer-options';
import { RetryBudget } from './retry-budget';

export interface OriginHealthSnapshot {
  readonly origin: string;
  readonly budgetTokens: number;
  readonly breaker: CircuitState;
}

/** The retry budget and circuit breaker of each origin the app talks to, created on first use. */
@Injectable({ providedIn: 'root' })
export class OriginHealth {
  private readonly clock = inject(NETWORK_CLOCK);
  private readonly budgetOptions = inject(RETRY_BUDGET);
  private readonly breakerOptions = inject(CIRCUIT_BREAKER);
  private readonly origins = new Map<string, { budget: RetryBudget; breaker: CircuitBreaker }>();

  of(origin: string): { budget: RetryBudget; breaker: CircuitBreaker } {
    let health = this.origins.get(origin);
    if (!health) {
      health = {
        budget: new RetryBudget(this.budgetOptions),
        breaker: new CircuitBreaker(this.breakerOptions),
      };
      this.origins.set(origin, health);
    }
    return health;
  }

  /** For the metrics store and the network console. */
  snapshot(): OriginHealthSnapshot[] {
    const now = this.clock.now();
    return [...this.origins].map(([origin, { budget, breaker }]) => ({
      origin,
      budgetTokens: budget.available,
      breaker: breaker.state(now),
    }));
  }
}
