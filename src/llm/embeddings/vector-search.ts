/** Cosine similarity; 0 when either vector is zero. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length)
    throw new RangeError(`cosine of vectors of different lengths (${a.length} and ${b.length})`);
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let index = 0; index < a.length; index++) {
    dot += a[index] * b[index];
    normA += a[index] * a[index];
    normB += b[index] * b[index];
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

export interface ScoredId {
  id: string;
  score: number;
}

/** The k items most similar to the query, best first; ties broken by id so results are stable. */
export function topK(
  query: ArrayLike<number>,
  items: Iterable<{ id: string; vector: ArrayLike<number> }>,
  k: number,
  minScore = -Infinity,
): ScoredId[] {
  if (k <= 0) return [];
  const best: ScoredId[] = [];
  const worse = (a: ScoredId, b: ScoredId): boolean =>
    a.score < b.score || (a.score === b.score && a.id > b.id);
  for (const item of items) {
    const scored = { id: item.id, score: cosine(query, item.vector) };
    if (scored.score < minScore) continue;
    if (best.length === k && !worse(best[k - 1], scored)) continue;
    let position = best.length === k ? k - 1 : best.length;
    if (best.length < k) best.push(scored);
    while (position > 0 && worse(best[position - 1], scored)) {
      best[position] = best[position - 1];
      position--;
    }
    best[position] = scored;
  }
  return best;
}
