const maxFailures = 5;
const windowMs = 60_000;

/**
 * Counts failed logins per (ip, email) over a sliding minute. After 5 the pair is blocked
 * until its oldest failure leaves the window, which is also the `Retry-After` it reports.
 * Keyed by the pair, not the email alone, so nobody can lock a known user out from elsewhere
 * with bad guesses (OWASP Authentication Cheat Sheet, "account lockout").
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  /** Seconds until `key` may try again, or undefined when it may try now. */
  retryAfterS(key: string): number | undefined {
    const recent = this.recent(key);
    if (recent.length < maxFailures) return undefined;
    const oldest = recent[recent.length - maxFailures] ?? this.now();
    return Math.max(1, Math.ceil((oldest + windowMs - this.now()) / 1000));
  }

  recordFailure(key: string): void {
    this.failures.set(key, [...this.recent(key), this.now()]);
  }

  /** A successful login forgives the earlier mistakes. */
  clear(key: string): void {
    this.failures.delete(key);
  }

  reset(): void {
    this.failures.clear();
  }

  private recent(key: string): number[] {
    const since = this.now() - windowMs;
    const recent = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (recent.length === 0) this.failures.delete(key);
    return recent;
  }
}
