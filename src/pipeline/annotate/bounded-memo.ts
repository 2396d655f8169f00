/**
 * A one-argument function remembered by its string argument, forgetting everything once `limit`
 * answers are kept: the same surface forms recur across conversations, and a long ingest must not
 * grow the cache without bound.
 */
export function boundedMemo<T>(compute: (key: string) => T, limit: number): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    const known = answers.get(key);
    if (known !== undefined) return known;
    const answer = compute(key);
    if (answers.size >= limit) answers.clear();
    answers.set(key, answer);
    return answer;
  };
}
