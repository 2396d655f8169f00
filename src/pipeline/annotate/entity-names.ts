import { boundedMemo } from './bounded-memo.js';
import { GENERIC_SUFFIXES, LEADING_WORDS } from './lexicon/entity-words.js';

/** "The Billing Service" → "billing"; "billing-worker" → "billing worker"; "the SDK" → "sdk". */
// Kept by surface form: the same aliases are normalized for every conversation.
export const normalizeEntityName = boundedMemo(normalizeUncached, 200_000);

function normalizeUncached(surface: string): string {
  let words = surface
    .toLowerCase()
    .replace(/[*_`"“”'’]/g, '')
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\d. -]/gu, ' ')
    .replace(/-/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && LEADING_WORDS.includes(words[0])) words = words.slice(1);
  while (words.length > 1 && GENERIC_SUFFIXES.includes(words[words.length - 1])) words = words.slice(0, -1);
  if (words.length === 1 && LEADING_WORDS.includes(words[0])) return '';
  return words.join(' ').replace(/\.+$/, '');
}
