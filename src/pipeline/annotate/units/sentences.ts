import { MAY_END, NEVER_ENDS } from './abbreviations.js';

/** A half-open span of the message text. */
export type Span = readonly [start: number, end: number];

const TERMINAL = new Set(['.', '!', '?', '…', '。', '！', '？']);
const CLOSERS = new Set([')', ']', '"', "'", '”', '’', '»', '*', '_', '~']);
/** Look-back limit for the word before a period: abbreviations are short. */
const ABBREVIATION_WINDOW = 12;

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 10 ||
    code === 13 ||
    code === 12 ||
    code === 11 ||
    code === 0xa0 ||
    code === 0x3000
  );
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** The span with the whitespace at both ends removed; null when nothing is left. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return start < end ? [start, end] : null;
}

/** The word before position `dot` (without leading brackets or quotes), at most a few characters long. */
function wordBefore(text: string, from: number, dot: number): string | null {
  let k = dot;
  const floor = Math.max(from, dot - ABBREVIATION_WINDOW);
  while (k > floor && !isSpace(text.charCodeAt(k - 1))) k--;
  if (k > from && !isSpace(text.charCodeAt(k - 1))) return null;
  return text.slice(k, dot).replace(/^[("'“‘[]+/, '');
}

/** The position of the backtick closing one opened before `from`, or `from - 1` (a lone backtick is text). */
function closingBacktick(text: string, from: number, end: number): number {
  for (let at = from; at < end; at++) if (text.charCodeAt(at) === 96) return at;
  return from - 1;
}

function nextVisible(text: string, at: number, end: number): string {
  while (at < end && isSpace(text.charCodeAt(at))) at++;
  return at < end ? text[at] : '';
}

/** Whether a lone period after `word` ends the sentence, given the first visible character after it. */
function periodEnds(raw: string | null, next: string): boolean {
  if (raw === null || raw === '') return true;
  const word = raw.toLowerCase();
  if (NEVER_ENDS.has(word)) return false;
  if (MAY_END.has(word)) return next === '' || isUpper(next);
  // An initial runs on into a name ("J. Smith"), not into "@lena …" or a lower-case word ("going with B. lena can
  // you …"); other dotted abbreviations ("U.S.", "Ph.D.") as MAY_END words do.
  if (/^\p{Lu}$/u.test(raw)) return next === '' || !isUpper(next);
  if (/^(\p{L}\.)+\p{L}$/u.test(raw)) return next === '' || isUpper(next);
  return true;
}

/** After a comma: a name (or @handle) that a request is put to ("…, Dana can you nudge them?"). */
const ADDRESSED_REQUEST =
  /,\s+(?:@[\p{L}\d_.-]+|\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?)[,:]?\s+(?:(?:can|could|would|will)\s+(?:you|u)|please|pls)\b/uy;

/**
 * Whether the comma at `at` starts a request to someone named right after it, after a clause of
 * at least two words: the request is its own unit, with its own addressee.
 */
function addressedAfterComma(text: string, from: number, at: number, end: number): boolean {
  // Sticky on the whole text: no copy of it per comma (a long message holds many).
  ADDRESSED_REQUEST.lastIndex = at;
  const match = ADDRESSED_REQUEST.exec(text);
  return match !== null && at + match[0].length <= end && /\S+\s+\S+/.test(text.slice(from, at));
}

/**
 * Sentence spans of `text[start, end)`, trimmed, in order; inline code (`…`) never holds a boundary.
 * At most `limit` spans: the last one then holds the rest. One pass: linear in the length (the search
 * for a closing backtick stops at the next backtick, so no character is read twice but once).
 *
 * A boundary follows a run of terminal punctuation (and closing quotes or brackets) that is followed
 * by whitespace or the end: always for "?" and "!", for an ellipsis only before a capital letter
 * (chat trails off with "…" mid-thought), for a period unless the word before it is an abbreviation;
 * and a comma before a request put to someone by name ("blocked on the keys, Dana can you …").
 */
export function sentenceSpans(text: string, start: number, end: number, limit = Infinity): Span[] {
  const spans: Span[] = [];
  let from = start;
  let at = start;
  const push = (stop: number) => {
    const span = trimSpan(text, from, stop);
    if (span) spans.push(span);
    from = stop;
  };
  while (at < end && spans.length < limit - 1) {
    const ch = text[at];
    if (ch === '`') {
      at = closingBacktick(text, at + 1, end) + 1;
      continue;
    }
    if (ch === ',' && addressedAfterComma(text, from, at, end)) {
      push(at + 1);
      at++;
      continue;
    }
    if (!TERMINAL.has(ch)) {
      at++;
      continue;
    }
    const runStart = at;
    let strong = false;
    let dots = 0;
    while (at < end && TERMINAL.has(text[at])) {
      const c = text[at];
      if (c === '?' || c === '!' || c === '？' || c === '！' || c === '。') strong = true;
      else dots += c === '…' ? 3 : 1;
      at++;
    }
    while (at < end && CLOSERS.has(text[at])) at++;
    if (at < end && !isSpace(text.charCodeAt(at))) continue;
    const next = nextVisible(text, at, end);
    const ends =
      strong ||
      (dots >= 2 ? next === '' || isUpper(next) : periodEnds(wordBefore(text, from, runStart), next));
    if (ends) push(at);
  }
  push(end);
  return spans;
}
