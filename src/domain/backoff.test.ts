import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

const backoff = { initialMs: 100, factor: 2, maxMs: 500, jitter: 0.5 };

describe('backoffDelay', () => {
  it('grows exponentially from the first retry and stops at the cap', () => {
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, backoff, () => 0))).toEqual([
      100, 200, 400, 500, 500,
    ]);
  });

  it('scales the delay by a random factor in [1 - jitter, 1]', () => {
    expect(backoffDelay(2, backoff, () => 0.5)).toBe(150);
    expect(backoffDelay(2, backoff, () => 0.999)).toBe(100);
    expect(backoffDelay(2, { ...backoff, jitter: 1 }, () => 0.5)).toBe(100);
    expect(backoffDelay(2, { ...backoff, jitter: 0 }, () => 0.9)).toBe(200);
  });
});
