import { DEFAULT_RETRY_BUDGET } from './network-layer-options';
import { RetryBudget } from './retry-budget';

describe('RetryBudget', () => {
  let budget: RetryBudget;

  beforeEach(() => {
    budget = new RetryBudget(DEFAULT_RETRY_BUDGET);
  });

  it('starts full, at its capacity of 10 tokens', () => {
    expect(budget.available).toBe(10);
  });

  it('allows exactly 5 retries from full, then refuses', () => {
    const allowed = Array.from({ length: 6 }, () => budget.tryRetry());
    expect(allowed).toEqual([true, true, true, true, true, false]);
  });

  it('spends one token per retry', () => {
    budget.tryRetry();
    expect(budget.available).toBe(9);
  });

  it('spends nothing on a refused retry', () => {
    spendAll(budget);
    budget.tryRetry();
    expect(budget.available).toBe(5);
  });

  it('earns 0.25 token per success', () => {
    budget.tryRetry();
    budget.recordSuccess();
    expect(budget.available).toBeCloseTo(9.25, 10);
  });

  it('allows one more retry once successes lift it above the floor', () => {
    spendAll(budget);
    budget.recordSuccess();
    expect(budget.tryRetry()).toBeTrue();
  });

  it('never fills above its capacity', () => {
    for (let i = 0; i < 50; i++) budget.recordSuccess();
    expect(budget.available).toBe(10);
  });

  it('tops up to exactly its capacity from just below it', () => {
    budget.tryRetry();
    for (let i = 0; i < 15; i++) budget.recordSuccess();
    expect(budget.available).toBe(10);
  });
});

/** Retries until the budget refuses. */
function spendAll(budget: RetryBudget): void {
  while (budget.tryRetry()) {
    // spend
  }
}
