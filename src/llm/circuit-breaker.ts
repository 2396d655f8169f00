export interface BreakerOptions {
  /** Consecutive unreachable failures that open the breaker. */
  threshold: number;
  cooldownMs: number;
  now?: () => number;
}

/**
 * Stops a run from waiting on a dead server input after input: after `threshold` failures in a
 * row the breaker opens and calls fail at once; after `cooldownMs` one call may try again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds until a call may try again; 0 when it may try now. */
  waitMs(): number {
    return Math.max(0, this.openUntil - this.now());
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  succeeded(): void {
    this.failures = 0;
    this.openUntil = 0;
  }

  failed(): void {
    this.failures++;
    if (this.failures >= this.options.threshold) this.openUntil = this.now() + this.options.cooldownMs;
  }
}
