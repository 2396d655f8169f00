import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { capText, cutAtWord } from '../../domain/text-caps.js';
import { BoundedMemo } from './memo.js';
import { analysedText } from './units/unit-text.js';

/**
 * wink-nlp with its English lite model, loaded once (about 40 ms) on first use. Only sentence
 * boundaries and parts of speech are read here, so only those run: entities, negation and
 * sentiment took about half of each readDoc and change neither (checked on 221k IRC, fixture and
 * Fernhill texts: the same tokens, tags and sentences). Sentence boundaries run before the tagger
 * and do not read its tags: sentences are read without it (~30% less per readDoc; the same
 * sentences on 19,752 IRC texts, the fixtures and Fernhill).
 */
let sentencesOnly: ReturnType<typeof winkNLP> | undefined;
let tagsOnly: ReturnType<typeof winkNLP> | undefined;
function nlp(): ReturnType<typeof winkNLP> {
  sentencesOnly ??= winkNLP(model, ['sbd']);
  return sentencesOnly;
}

/** Parts of speech without sentence boundaries: the same tags (checked on 92k IRC texts, one and two sentences
 * long), ~15% less per readDoc, for noun phrases, which read tags only. */
function tagger(): ReturnType<typeof winkNLP> {
  tagsOnly ??= winkNLP(model, ['pos']);
  return tagsOnly;
}

/**
 * What one call may hand wink-nlp. Its tokenizer is superlinear in the length of a run without
 * spaces (a 20 KB base64 string took 14 s; 200 KB, 345 s) and linear, but not free, in prose; a
 * chat message that says something says it in far less. Text past the window is never looked at,
 * a token longer than `maxToken` or a line (a unit) longer than `maxUnit` reaches it as a
 * placeholder, and what it reads is cut to `maxChars`. The message itself stays whole in the log.
 */
export const NLP_LIMITS = {
  windowChars: 64 * 1024,
  maxUnit: 2 * 1024,
  maxChars: 8 * 1024,
  maxToken: 64,
} as const;

/** The placeholder a unit too long to analyse becomes. */
export const LONG_UNIT = '<long>';

/**
 * Chat text made readable for sentence rules: code blocks and quoted lines out, links to their
 * labels, tokens longer than 64 characters as `<long>` (or `<url>`), lines longer than 2 KB as
 * `<long>`. Every pattern is bounded, so the cost is linear in the text whatever it holds.
 */
export function cleanText(text: string): string {
  // One line with no code, quote or link (most chat lines): only the long tokens and spaces change.
  if (!text.includes('\n') && !text.includes('`') && !text.includes('>') && !text.includes('http'))
    return shortLine(text).replace(/\s+/g, ' ').trim();
  return text
    .replace(/```[\s\S]*?```/g, ' ')
    .split('\n')
    .filter((line) => !/^\s*>/.test(line))
    .map((line) =>
      shortLine(
        line
          .replace(/\[([^\]]{1,500})\]\((https?:[^)]{1,4000})\)/g, '$1')
          .replace(/(\S{1,200}) \((https?:[^)]{1,4000})\)/g, '$1')
          .replace(/https?:\/\/\S+/g, ' '),
      ),
    )
    .join('\n')
    .replace(/`([^`]*)`/g, (_m, code: string) => code.replace(/[.()]/g, '_'))
    .replace(/\s+/g, ' ')
    .trim();
}

/** A line with its long tokens as placeholders, or `<long>` when it is still longer than 2 KB. */
function shortLine(line: string): string {
  const short = analysedText(line, 0, line.length, NLP_LIMITS.maxToken);
  return short.length > NLP_LIMITS.maxUnit ? LONG_UNIT : short;
}

/** `text` as wink-nlp may read it: the first 64 KB cleaned (see `cleanText`), cut to 8 KB on a word boundary. */
export function nlpText(text: string): string {
  const window = text.length > NLP_LIMITS.windowChars ? text.slice(0, NLP_LIMITS.windowChars) : text;
  return cutAtWord(cleanText(window), NLP_LIMITS.maxChars);
}

/** What wink-nlp read from a text (a copy is handed out: callers may change theirs). */
function memoized(read: (text: string) => string[]): (text: string) => string[] {
  const memo = new BoundedMemo<string[]>();
  return (text) => [...memo.get(text, () => read(text))];
}

/** Sentences of one message (wink-nlp's sentence boundaries, then splits on " — " and ";" clauses kept whole). */
export const sentences = memoized(readSentences);

function readSentences(text: string): string[] {
  const clean = nlpText(text);
  if (!clean) return [];
  return (
    nlp()
      .readDoc(clean)
      .sentences()
      .out()
      .flatMap((sentence) => sentence.split(/\s[—–]\s|\s-\s/))
      .map((sentence) => sentence.trim())
      // A sentence that is only placeholders says nothing (its message's own text is the snippet).
      .filter((sentence) => sentence.replace(/<(?:long|url)>/g, '').trim().length > 0)
  );
}

/** Noun phrases (determiner-free runs of adjectives, nouns and proper nouns that end in a noun), in order. */
export const nounPhrases = memoized(readNounPhrases);

/** A word a noun phrase may hold: a letter, then letters, digits, dots and hyphens. */
const PHRASE_WORD = /^[\p{L}][\p{L}\d.-]*$/u;

function readNounPhrases(text: string): string[] {
  // Every phrase starts with a letter: a text without one (emoji, numbers, punctuation) has none.
  if (!/\p{L}/u.test(text)) return [];
  // A placeholder for a long token or link ends a phrase; it names nothing.
  const doc = tagger().readDoc(nlpText(text).replace(/<(?:long|url)>/g, ' ; '));
  const its = tagger().its;
  // Whole columns at once: a call per token and field was most of the walk.
  const normals = doc.tokens().out(its.normal) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const out: string[] = [];
  let from = 0;
  let length = 0;
  const flush = (): void => {
    let end = from + length;
    while (end > from && tags[end - 1] !== 'NOUN' && tags[end - 1] !== 'PROPN') end--;
    if (end > from) out.push(normals.slice(from, end).join(' '));
    length = 0;
  };
  for (let k = 0; k < normals.length; k++) {
    const pos = tags[k];
    if ((pos === 'NOUN' || pos === 'PROPN' || pos === 'ADJ') && PHRASE_WORD.test(normals[k])) {
      if (length === 0) from = k;
      length++;
    } else flush();
  }
  flush();
  return out;
}

/** The sentence cut to 280 characters on a word boundary (only its first 64 KB are read). */
export function snippetOf(text: string, max = 280): string {
  const window = text.length > NLP_LIMITS.windowChars ? text.slice(0, NLP_LIMITS.windowChars) : text;
  return capText(window.replace(/\s+/g, ' ').trim(), max);
}
