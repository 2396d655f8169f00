import { prf, type PRF } from '../conversations/metrics.js';

export interface ListMatch<E, A> {
  scores: PRF;
  /** Pairs matched one-to-one (greedy, in expected order, best candidate first). */
  pairs: { expected: E; actual: A }[];
  missed: E[];
  extra: A[];
}

/**
 * Precision/recall/F1 of a predicted list against an expected one, matching each expected item
 * to at most one predicted item for which `matches` holds (the highest `rank` first).
 * Two empty lists score 1: saying nothing where nothing is expected is right.
 */
export function matchLists<E, A>(
  expected: readonly E[],
  actual: readonly A[],
  matches: (expected: E, actual: A) => boolean,
  rank: (expected: E, actual: A) => number = () => 0,
): ListMatch<E, A> {
  const used = new Set<number>();
  const pairs: { expected: E; actual: A }[] = [];
  const missed: E[] = [];
  for (const item of expected) {
    let best = -1;
    let bestRank = Number.NEGATIVE_INFINITY;
    actual.forEach((candidate, index) => {
      if (used.has(index) || !matches(item, candidate)) return;
      const r = rank(item, candidate);
      if (r > bestRank) {
        best = index;
        bestRank = r;
      }
    });
    if (best < 0) missed.push(item);
    else {
      used.add(best);
      pairs.push({ expected: item, actual: actual[best] });
    }
  }
  const extra = actual.filter((_, index) => !used.has(index));
  const scores =
    expected.length === 0 && actual.length === 0
      ? { precision: 1, recall: 1, f1: 1 }
      : prf(pairs.length, actual.length, expected.length);
  return { scores, pairs, missed, extra };
}

/** Set precision/recall/F1 of plain values (ids, names). */
export function setScores(expected: readonly string[], actual: readonly string[]): PRF {
  const gold = new Set(expected);
  const predicted = new Set(actual);
  if (gold.size === 0 && predicted.size === 0) return { precision: 1, recall: 1, f1: 1 };
  let shared = 0;
  for (const value of predicted) if (gold.has(value)) shared++;
  return prf(shared, predicted.size, gold.size);
}
