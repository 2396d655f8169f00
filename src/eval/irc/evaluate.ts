/** Scores predicted links against the corpus gold, pooled over files (ids prefixed with the file name). */
import { scoreLinks, type DisentanglementScores, type Link } from '../conversations/metrics.js';
import type { LineLink } from './annotation-file.js';
import type { CorpusFile } from './corpus.js';

export interface FilePrediction {
  file: CorpusFile;
  /** Predicted links for the scored lines (source >= cutoff). */
  links: LineLink[];
}

/** Predicted links of the scored lines from a parent map keyed by line id. */
export function scoredLinks(file: CorpusFile, parent: ReadonlyMap<string, string>): LineLink[] {
  const out: LineLink[] = [];
  for (const [id, target] of parent) {
    const source = Number(id);
    if (source >= file.cutoff) out.push({ source, target: Number(target) });
  }
  return out.sort((a, b) => a.source - b.source);
}

export function evaluateFiles(predictions: readonly FilePrediction[]): DisentanglementScores {
  const gold: Link[] = [];
  const predicted: Link[] = [];
  const cutoffs = new Map<string, number>();
  const toLink = (name: string, link: LineLink): Link => ({
    source: `${name}:${link.source}`,
    target: `${name}:${link.target}`,
  });
  for (const { file, links } of predictions) {
    cutoffs.set(file.name, file.cutoff);
    for (const link of file.gold) gold.push(toLink(file.name, link));
    for (const link of links) predicted.push(toLink(file.name, link));
  }
  const isScored = (id: string): boolean => {
    const at = id.lastIndexOf(':');
    return Number(id.slice(at + 1)) >= (cutoffs.get(id.slice(0, at)) ?? Infinity);
  };
  return scoreLinks(gold, predicted, isScored);
}
