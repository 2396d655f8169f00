/** How long to wait between tries of failing work: exponential, capped, with jitter. */
export interface Backoff {
  /** Delay before the first retry. */
  initialMs: number;
  /** Multiplier per further retry. */
  factor: number;
  /** Cap on one delay, before jitter. */
  maxMs: number;
  /** Fraction of the delay drawn at random, 0..1: 0 waits the full delay, 1 is "full jitter" (0..delay). */
  jitter: number;
}

/**
 * The wait before retry `retry` (1 = the first retry): `initialMs × factor^(retry−1)`, capped at
 * `maxMs`, then scaled by a random factor in [1 − jitter, 1] (`random()` 0 gives the full delay).
 * `random` is injectable so tests and seeded runs get exact delays.
 */
export function backoffDelay(retry: number, backoff: Backoff, random: () => number = Math.random): number {
  const jitter = Math.min(1, Math.max(0, backoff.jitter));
  const delay = Math.min(backoff.maxMs, backoff.initialMs * backoff.factor ** Math.max(0, retry - 1));
  return Math.round(delay * (1 - jitter * random()));
}
