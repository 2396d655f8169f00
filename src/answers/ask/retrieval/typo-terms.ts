import type { SearchIndex } from '../../../memory/search/search-types.js';
import type { QuestionFrame } from './question-frame.js';
import { equivalentStems } from './word-equivalents.js';

/** Shorter words are left as written: one edit from a four-letter word is too many other words. */
const MIN_LENGTH = 5;

/**
 * A question word that no document holds, read as the index term one typo away that most
 * documents hold ("pasword" → password, "aproved" → approved). Words with digits (ids, versions)
 * are never changed; a word the index holds is never changed.
 */
export function withTyposCorrected(frame: QuestionFrame, index: SearchIndex): QuestionFrame {
  const unknown = frame.terms.filter((term) => term.stem.length >= MIN_LENGTH && !/\d/.test(term.stem));
  if (unknown.length === 0) return frame;
  const { df } = index.termStats(unknown.map((term) => term.stem));
  let changed = false;
  const terms = frame.terms.map((term) => {
    if (!unknown.includes(term) || (df.get(term.stem) ?? 0) > 0) return term;
    const near = index.nearTerms(term.stem)[0];
    if (!near || frame.terms.some((other) => other.stem === near.term)) return term;
    changed = true;
    return { ...term, word: near.term, stem: near.term, equivalents: equivalentStems(near.term) };
  });
  return changed ? { ...frame, terms } : frame;
}
