import type { SkipReason } from './unit.js';

const URL_START = /^(?:https?:\/\/|www\.|<https?:\/\/)/i;

/**
 * `text[start, end)` with every whitespace-separated token longer than `maxToken` replaced by
 * `<url>` (links) or `<long>` (hashes, base64, minified code): they say nothing about the act and
 * would flood the features.
 */
export function analysedText(text: string, start: number, end: number, maxToken: number): string {
  let out = '';
  let copied = start;
  let at = start;
  while (at < end) {
    while (at < end && isSpace(text.charCodeAt(at))) at++;
    const tokenStart = at;
    while (at < end && !isSpace(text.charCodeAt(at))) at++;
    if (at - tokenStart > maxToken) {
      out +=
        text.slice(copied, tokenStart) +
        (URL_START.test(text.slice(tokenStart, tokenStart + 12)) ? '<url>' : '<long>');
      copied = at;
    }
  }
  return copied === start ? text.slice(start, end) : out + text.slice(copied, end);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

const LINK = /(?:<?https?:\/\/\S+|www\.\S+\.\S+|<url>)/gi;
const HAS_LINK = /(?:https?:\/\/|www\.|<url>)/i;

/** Why a unit of prose is still not worth classifying, if it is not. */
export function skipReason(text: string, maxLength: number): SkipReason | undefined {
  if (text.length > maxLength) return 'too-long';
  if (HAS_LINK.test(text) && /^[\s\p{P}]*$/u.test(text.replace(LINK, ''))) return 'url';
  if (text.charCodeAt(0) === 96 && /^`[^`]*`[\s\p{P}]*$/u.test(text)) return 'code';
  return undefined;
}
