/** Text scorers: exact match after normalisation, and a fuzzy similarity in [0, 1]. */

export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** 1 when the texts are equal after normalisation (case, punctuation, spacing), else 0. */
export function exactScore(expected: string, actual: string): number {
  return normalizeText(expected) === normalizeText(actual) ? 1 : 0;
}

/**
 * Fuzzy similarity: the better of token-set F1 (word overlap, order-free) and normalised
 * Levenshtein similarity (typos, inflections). 1 for equal texts, 0 for nothing in common.
 */
export function fuzzyScore(expected: string, actual: string): number {
  const a = normalizeText(expected);
  const b = normalizeText(actual);
  if (a === b) return 1;
  if (a === '' || b === '') return 0;
  return Math.max(tokenF1(a, b), 1 - levenshtein(a, b) / Math.max(a.length, b.length));
}

function tokenF1(a: string, b: string): number {
  const left = new Set(a.split(' '));
  const right = new Set(b.split(' '));
  let shared = 0;
  for (const token of left) if (right.has(token)) shared++;
  if (shared === 0) return 0;
  const precision = shared / right.size;
  const recall = shared / left.size;
  return (2 * precision * recall) / (precision + recall);
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

/** Share of `needles` found (case-insensitive substrings) in `text`; 1 when there are none. */
export function containsShare(text: string, needles: readonly string[]): number {
  if (needles.length === 0) return 1;
  const haystack = text.toLowerCase();
  return needles.filter((needle) => haystack.includes(needle.toLowerCase())).length / needles.length;
}
