import { GENERIC_SUFFIXES, LEADING_WORDS } from './lexicon/entity-words.js';

/** Normalized names by surface form: the same aliases are normalized for every conversation. */
const normalized = new Map<string, string>();
const MAX_CACHED = 200_000;

/** "The Billing Service" → "billing"; "billing-worker" → "billing worker"; "the SDK" → "sdk". */
export function normalizeEntityName(surface: string): string {
  const cached = normalized.get(surface);
  if (cached !== undefined) return cached;
  const out = normalizeUncached(surface);
  if (normalized.size >= MAX_CACHED) normalized.clear();
  normalized.set(surface, out);
  return out;
}

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
