import { cumulativeWeights, type Prng } from '../slack-gen/prng.js';
import { WORDS } from '../slack-gen/vocabulary.js';

/**
 * Words ranked the way chat text uses them: English function words first, then work vocabulary,
 * then a long tail of made-up words, drawn with Zipf weights 1/rank (s = 1). BM25 speed depends on
 * how many documents hold each word, so the shape of the tail matters more than its spelling.
 */
const FUNCTION_WORDS = (
  "the to i a and is it you that of for in on we this be can have not with it's do are was just so but if at what " +
  "will i'm my me from they as there all an about one or get know think like should need out up now can't when " +
  'no yes how going some our been would then here also any more did see which only make still new could us time ' +
  "good yeah ok thanks sure let's today right back after before why who way them because maybe already tomorrow"
).split(' ');

const SYLLABLES =
  'ka ri mo te lu sa no vi de po ra ze mi to fa ku lo be si na gu ha ve do pi ro ta me ju ko'.split(' ');
const CODAS = ['', '', 'n', 'r', 's', 'x', 'l', 'nd', 'st', 'rk'];

export interface ZipfVocabulary {
  words: readonly string[];
  /** Cumulative 1/rank weights, for Prng.weighted. */
  cumulative: readonly number[];
}

export function zipfVocabulary(tailWords: number, prng: Prng): ZipfVocabulary {
  const words: string[] = [];
  const seen = new Set<string>();
  const add = (word: string): void => {
    const lower = word.toLowerCase();
    if (seen.has(lower)) return;
    seen.add(lower);
    words.push(word);
  };
  for (const word of FUNCTION_WORDS) add(word);
  for (const word of WORDS) add(word);
  while (words.length < FUNCTION_WORDS.length + WORDS.length + tailWords) {
    const syllables = 2 + prng.int(3);
    let word = '';
    for (let i = 0; i < syllables; i++) word += prng.pick(SYLLABLES);
    add(word + prng.pick(CODAS));
  }
  return { words, cumulative: cumulativeWeights(words.map((_, rank) => 1 / (rank + 1))) };
}

export function drawWord(vocabulary: ZipfVocabulary, prng: Prng): string {
  return vocabulary.words[prng.weighted(vocabulary.cumulative)];
}
