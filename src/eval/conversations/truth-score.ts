/** Scores extracted conversations against labelled ones (a fixture's truth.json) with the IRC benchmark's metrics. */
import type { ConversationExtracted } from '../../domain/annotations.js';
import { exactMatch, oneToOne, scaledVariationOfInformation, type PRF } from './metrics.js';

export interface TruthConversationLike {
  id: string;
  /** Message refs `<source>:<native channel id>:<native message id>`. */
  messages: readonly string[];
}

export interface ConversationTruthScores {
  /** 1 − VI/log2 n over the messages both sides know. */
  vi: number;
  oneToOne: number;
  /** Exact-match conversations, single-message ones left out (as on the IRC benchmark). */
  exact: PRF;
  /** Scored messages (labelled and extracted). */
  messages: number;
  /** Labelled messages the extraction does not hold (deleted, not ingested), and extracted ones without a label. */
  unmatchedTruth: number;
  unlabelled: number;
  truthConversations: number;
  extractedConversations: number;
}

/**
 * `refOf` turns an extracted conversation's (channel key, native id) into the truth's message ref. Only messages
 * present on both sides are scored; the rest are counted.
 */
export function scoreAgainstTruth(
  extracted: readonly ConversationExtracted[],
  truth: readonly TruthConversationLike[],
  refOf: (channel: string, id: string) => string,
): ConversationTruthScores {
  const predicted = extracted
    .filter((c) => c.messages.length > 0)
    .map((c) => c.messages.map((id) => refOf(c.channel, id)));
  const predictedIds = new Set(predicted.flat());
  const labelled = new Set(truth.flatMap((c) => c.messages));
  const gold = truth
    .map((c) => c.messages.filter((ref) => predictedIds.has(ref)))
    .filter((c) => c.length > 0);
  const scoredPredicted = predicted
    .map((c) => c.filter((ref) => labelled.has(ref)))
    .filter((c) => c.length > 0);
  return {
    vi: scaledVariationOfInformation(gold, scoredPredicted),
    oneToOne: oneToOne(gold, scoredPredicted),
    exact: exactMatch(gold, scoredPredicted),
    messages: gold.reduce((sum, c) => sum + c.length, 0),
    unmatchedTruth: [...labelled].filter((ref) => !predictedIds.has(ref)).length,
    unlabelled: [...predictedIds].filter((ref) => !labelled.has(ref)).length,
    truthConversations: truth.length,
    extractedConversations: predicted.length,
  };
}
