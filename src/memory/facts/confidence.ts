/** A hedged assertion ("I think Bob might own billing?") never counts for more than this. */
export const HEDGED_CONFIDENCE_CAP = 0.4;

export interface ConfidenceInput {
  confidence: number;
  hedged: boolean;
  /** Independence keys: evidence message keys and authors (see claims.ts). */
  sources: readonly string[];
}

export function effectiveConfidence(input: Pick<ConfidenceInput, 'confidence' | 'hedged'>): number {
  const value = Math.min(1, Math.max(0, input.confidence));
  return input.hedged ? Math.min(value, HEDGED_CONFIDENCE_CAP) : value;
}

/**
 * Combines supporting assertions by noisy-or: 1 - Π(1 - c) over independent groups. Two
 * assertions are dependent (one group, counted once at its strongest) when they share an evidence
 * message or an evidence author: the same message extracted twice, or the same person repeating
 * themselves, is not independent support. Deterministic: the result does not depend on input order.
 */
export function combineConfidence(inputs: readonly ConfidenceInput[]): number {
  if (inputs.length === 0) return 0;
  if (inputs.length === 1) return round(effectiveConfidence(inputs[0]));
  const parent = inputs.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root];
    parent[index] = root;
    return root;
  };
  const owner = new Map<string, number>();
  inputs.forEach((input, index) => {
    for (const key of input.sources) {
      const seen = owner.get(key);
      if (seen === undefined) owner.set(key, index);
      else {
        const [a, b] = [find(seen), find(index)];
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  const strongest = new Map<number, number>();
  inputs.forEach((input, index) => {
    const root = find(index);
    strongest.set(root, Math.max(strongest.get(root) ?? 0, effectiveConfidence(input)));
  });
  const values = [...strongest.values()].sort((a, b) => a - b);
  let miss = 1;
  for (const value of values) miss *= 1 - value;
  return round(1 - miss);
}

/** Six decimals: enough for display, and equal whichever path computed it. */
export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
