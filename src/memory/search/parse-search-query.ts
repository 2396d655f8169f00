import { OutroError } from '../../domain/errors.js';
import { STOPWORDS } from '../graph/search-text.js';
import { porterStem } from './porter-stem.js';

/**
 * What a user types into search, turned into an FTS5 MATCH expression that quotes every token:
 * FTS5 syntax in the input (`AND`, `NEAR`, `-`, `:`, `^`, parentheses, stray `*`) is searched for
 * as words, never obeyed, so no input can make FTS5 fail.
 *
 * - words: all of them must match (mode 'all'), or any (mode 'any', for retrieval callers); English
 *   stopwords ("the", "to") are dropped unless nothing else is left — they would match most of the
 *   index, and BM25 reads every document that holds a query word;
 * - `"exact phrase"`: the words next to each other;
 * - `prefix*`: words that start with it;
 * - words match their other forms ("retrying" finds "retry"): the index stems words (Porter);
 * - a word with inner punctuation (`OPS-1234`, `v4.2.1`, `trip_id`) is the phrase of its parts, as
 *   the tokenizer split it in the text;
 * - anything else (punctuation, emoji, symbols) separates words.
 */
export type SearchMode = 'all' | 'any';

export interface SearchTerm {
  /** Lowercase tokens, in order; more than one is a phrase. */
  tokens: string[];
  prefix: boolean;
  /** Written in quotes by the user. */
  quoted: boolean;
}

export interface ParsedSearchQuery {
  mode: SearchMode;
  terms: SearchTerm[];
  /** The FTS5 MATCH expression. */
  match: string;
  /** The terms joined with AND (the same as `match` in all mode). */
  allMatch: string;
  /** Terms left out beyond MAX_TERMS. */
  dropped: number;
}

/** More terms than this are dropped: past it a query matches nothing (all) or everything (any), slowly. */
export const MAX_TERMS = 32;
/** Tokens per phrase kept. */
export const MAX_PHRASE_TOKENS = 32;

const HOW =
  'Write words (all must match), "an exact phrase" in double quotes, or prefix* — for example: billing "rate limit" deploy*';

export function parseSearchQuery(input: string, mode: SearchMode = 'all'): ParsedSearchQuery {
  const chunks = splitChunks(input);
  const seen = new Set<string>();
  let terms: SearchTerm[] = [];
  for (const chunk of chunks) {
    const tokens = tokensOf(chunk.text).slice(0, MAX_PHRASE_TOKENS);
    if (tokens.length === 0) continue;
    const term = { tokens, prefix: chunk.prefix, quoted: chunk.quoted };
    const key = `${term.prefix ? '*' : ''}${tokens.join(' ')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  if (terms.length === 0) {
    const why =
      input.trim() === ''
        ? 'The search query is empty.'
        : 'The search query has no letters or digits to search for.';
    throw new OutroError('BAD_QUERY', `${why} ${HOW}`, { details: { query: input.slice(0, 200) } });
  }
  const content = terms.filter((term) => !isStopword(term));
  if (content.length > 0) terms = content;
  const dropped = Math.max(0, terms.length - MAX_TERMS);
  terms = terms.slice(0, MAX_TERMS);
  const expressions = terms.map(expressionOf);
  const allMatch = expressions.join(' AND ');
  return { mode, terms, match: mode === 'all' ? allMatch : expressions.join(' OR '), allMatch, dropped };
}

/** The FTS5 form of one term: a quoted string of plain tokens, then `*` for a prefix. */
export function expressionOf(term: SearchTerm): string {
  if (!term.prefix) return `"${term.tokens.join(' ')}"`;
  const tokens = [...term.tokens];
  tokens[tokens.length - 1] = stableStemPrefix(tokens[tokens.length - 1]);
  return `"${tokens.join(' ')}" *`;
}

/**
 * The index stems words (Porter) and FTS5 stems a prefix too, so `deploy*` would look for stems
 * starting with "deploi" and miss "deployment" (stem "deploy"). A prefix is cut back to its longest
 * start that the stemmer leaves alone ("deplo"), which every form of the word starts with.
 */
function stableStemPrefix(token: string): string {
  for (let end = token.length; end > 2; end--) {
    const start = token.slice(0, end);
    if (porterStem(start) === start) return start;
  }
  return token.slice(0, 2);
}

/**
 * Word characters as the unicode61 tokenizer sees them: letters, digits, private-use characters,
 * and combining marks (which remove_diacritics folds away). A token must hold at least one
 * non-mark character, so no term reaches FTS5 as an empty phrase. Emoji and symbols separate
 * words here (FTS5 would index some emoji as words; searching for them is not supported).
 */
const TOKEN = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;
const NOT_ONLY_MARKS = /[\p{L}\p{N}\p{Co}]/u;

export function tokensOf(text: string): string[] {
  return (text.match(TOKEN) ?? [])
    .filter((token) => NOT_ONLY_MARKS.test(token))
    .map((token) => token.toLowerCase());
}

interface Chunk {
  text: string;
  quoted: boolean;
  prefix: boolean;
}

/** Splits on whitespace outside double quotes; a chunk followed by `*` is a prefix. Odd quotes are an error. */
function splitChunks(input: string): Chunk[] {
  const quotes = input.split('"').length - 1;
  if (quotes % 2 === 1) {
    throw new OutroError(
      'BAD_QUERY',
      `The search query has an unbalanced double quote (${quotes} quotes). Close the phrase, or leave the quotes out. ${HOW}`,
      {
        details: { query: input.slice(0, 200) },
      },
    );
  }
  const chunks: Chunk[] = [];
  const pattern = /"([^"]*)"(\*?)|([^\s"]+)/g;
  for (const match of input.matchAll(pattern)) {
    if (match[1] !== undefined) chunks.push({ text: match[1], quoted: true, prefix: match[2] === '*' });
    else {
      const word = match[3];
      chunks.push({ text: word, quoted: false, prefix: /[\p{L}\p{N}\p{Co}\p{M}]\*+$/u.test(word) });
    }
  }
  return chunks;
}

function isStopword(term: SearchTerm): boolean {
  return !term.quoted && !term.prefix && term.tokens.length === 1 && STOPWORDS.has(term.tokens[0]);
}
