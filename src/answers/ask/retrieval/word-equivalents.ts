import { indexTerms } from '../../../memory/search/porter-stem.js';
import { IRREGULAR_VERBS } from './irregular-verbs.js';

/**
 * Words a question and the message that answers it use for the same thing: chat abbreviations
 * ("tz", "mtg", "db") and common work-talk synonyms ("tries" / "attempts" / "retries", "ok" /
 * "approve", "figured out" / "found"). A passage holding an equivalent covers the question's word.
 * Kept to pairs that mean the same in any team's chat; a word with several senses ("call",
 * "sync", "drop") is left out.
 */
const GROUPS: readonly string[] = [
  'tries try attempts attempt retries retry',
  'tz timezone zone',
  'ok okay approve approved approval greenlight signoff',
  'figured found discovered',
  'mtg meeting',
  'db database',
  'repo repository',
  'doc docs document writeup',
  'env environment',
  'config configuration',
  'msg message',
  'bug defect',
  'late delayed delay',
  'pto vacation holiday',
  'min mins minute',
  'mo month',
  'wk week',
  'yr year',
  // Months and weekdays as chat shortens them ("Dec 21", "wed"); "mar", "may", "sat" and "sun" are words too.
  'jan january',
  'feb february',
  'apr april',
  'jun june',
  'jul july',
  'aug august',
  'sep sept september',
  'oct october',
  'nov november',
  'dec december',
  'mon monday',
  'tue tues tuesday',
  'wed wednesday',
  'thu thur thurs thursday',
  'fri friday',
];

interface Equivalents {
  stems: string[];
  words: string[];
}

const EQUIVALENTS: ReadonlyMap<string, Equivalents> = (() => {
  const map = new Map<string, Equivalents>();
  for (const group of [...GROUPS, ...IRREGULAR_VERBS]) {
    const words = group.split(' ');
    const stems = [...new Set(words.flatMap((word) => indexTerms(word)))];
    for (const stem of stems) {
      const entry = map.get(stem) ?? { stems: [], words: [] };
      for (const other of stems) if (other !== stem && !entry.stems.includes(other)) entry.stems.push(other);
      for (const word of words)
        if (!indexTerms(word).includes(stem) && !entry.words.includes(word)) entry.words.push(word);
      map.set(stem, entry);
    }
  }
  return map;
})();

/** Index stems that mean what `stem` means (not `stem` itself); empty when none are known. */
export function equivalentStems(stem: string): readonly string[] {
  return EQUIVALENTS.get(stem)?.stems ?? [];
}

/** The words of those stems, for a search query. */
export function equivalentWords(stem: string): readonly string[] {
  return EQUIVALENTS.get(stem)?.words ?? [];
}
