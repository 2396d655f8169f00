import { describe, expect, it } from 'vitest';
import { maxWeightMatching } from './hungarian.js';

function bruteForce(weights: number[][]): number {
  const rows = weights.length;
  const cols = weights[0].length;
  let best = 0;
  const used = new Array<boolean>(cols).fill(false);
  const go = (r: number, sum: number): void => {
    if (r === rows) {
      best = Math.max(best, sum);
      return;
    }
    go(r + 1, sum);
    for (let c = 0; c < cols; c++) {
      if (used[c]) continue;
      used[c] = true;
      go(r + 1, sum + weights[r][c]);
      used[c] = false;
    }
  };
  go(0, 0);
  return best;
}

function total(weights: number[][], match: number[]): number {
  return match.reduce((sum, c, r) => sum + (c >= 0 ? weights[r][c] : 0), 0);
}

describe('maxWeightMatching', () => {
  it('matches brute force on small square and rectangular matrices', () => {
    let seed = 42;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 200; trial++) {
      const rows = 1 + Math.floor(random() * 5);
      const cols = 1 + Math.floor(random() * 5);
      const weights = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => Math.floor(random() * 6)),
      );
      const match = maxWeightMatching(weights);
      const usedCols = match.filter((c) => c >= 0);
      expect(new Set(usedCols).size).toBe(usedCols.length);
      expect(total(weights, match)).toBe(bruteForce(weights));
    }
  });

  it('returns no pairs for an empty matrix', () => {
    expect(maxWeightMatching([])).toEqual([]);
  });
});
