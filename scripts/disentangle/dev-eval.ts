/** Runs the disentangler with given weights over corpus files and scores it. */
import { disentangle } from '../../src/pipeline/disentangle/disentangle.js';
import type { CorpusFile } from '../../src/eval/irc/corpus.js';
import { evaluateFiles, scoredLinks } from '../../src/eval/irc/evaluate.js';
import type { DisentanglementScores } from '../../src/eval/conversations/metrics.js';
import type { DisentanglerModel } from '../../src/pipeline/disentangle/model.js';

export function evaluateModel(
  files: readonly CorpusFile[],
  model: DisentanglerModel,
  selfBias = model.selfBias,
): DisentanglementScores {
  return evaluateFiles(
    files.map((file) => ({
      file,
      links: scoredLinks(file, disentangle(file.lines, { model, selfBias }).parent),
    })),
  );
}

/** One number to compare runs on dev: the mean of 1 − VI/log2 n, one-to-one and conversation F1. */
export function headline(scores: DisentanglementScores): number {
  return (scores.vi + scores.oneToOne + scores.conversation.f1) / 3;
}

export function describe(scores: DisentanglementScores): string {
  const pct = (value: number): string => (100 * value).toFixed(1);
  return `link P/R/F ${pct(scores.link.precision)}/${pct(scores.link.recall)}/${pct(scores.link.f1)}  VI ${pct(scores.vi)}  1-1 ${pct(scores.oneToOne)}  conv P/R/F ${pct(scores.conversation.precision)}/${pct(scores.conversation.recall)}/${pct(scores.conversation.f1)}`;
}

/** Picks the new-conversation bias that scores best on `files`. */
export function tuneSelfBias(
  files: readonly CorpusFile[],
  model: DisentanglerModel,
  grid: readonly number[],
): { selfBias: number; scores: DisentanglementScores } {
  let best = { selfBias: 0, scores: evaluateModel(files, model, 0) };
  for (const selfBias of grid) {
    if (selfBias === 0) continue;
    const scores = evaluateModel(files, model, selfBias);
    if (headline(scores) > headline(best.scores)) best = { selfBias, scores };
  }
  return best;
}
