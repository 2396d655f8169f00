import { exactMatch, oneToOne, scaledVariationOfInformation } from '../conversations/metrics.js';

export interface ClusteringScores {
  /** 1 − VI / log2(n). */
  vi: number;
  oneToOne: number;
  /** Exact-match conversation F1 (single-message conversations left out, as in the IRC benchmark). */
  exactF1: number;
}

/** Conversation-clustering scores of the disentangle stage (Kummerfeld et al. 2019), over the messages both sides hold. */
export function clusteringScores(
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
): ClusteringScores {
  const known = new Set(gold.flat());
  const restricted = predicted
    .map((group) => group.filter((id) => known.has(id)))
    .filter((group) => group.length > 0);
  const seen = new Set(restricted.flat());
  // Messages the prediction left out count as singletons, so dropping messages cannot score well.
  for (const id of known) if (!seen.has(id)) restricted.push([id]);
  return {
    vi: scaledVariationOfInformation(gold, restricted),
    oneToOne: oneToOne(gold, restricted),
    exactF1: exactMatch(gold, restricted).f1,
  };
}
