import type { Span } from './sentences.js';

export interface InlineList {
  /** Text before the first marker ("two things: "), possibly empty. */
  lead: Span;
  /** Each item's content, markers left out. */
  items: Span[];
}

const MARKER = /(?:^|\s)(?:\((\d{1,2})\)|(\d{1,2})([.)]))(?=\s+\S)/g;

/**
 * A numbered list written on one line: "1. foo 2. bar" / "1) foo 2) bar" / "(1) foo (2) bar".
 * Markers must count up from 1 in one style, at least two of them; anything else is prose.
 */
export function inlineList(text: string, start: number, end: number): InlineList | null {
  const line = text.slice(start, end);
  if (!/(?:^|\s)\(?1[.)]/.test(line)) return null;
  const markers: Array<{ at: number; content: number }> = [];
  let style = '';
  MARKER.lastIndex = 0;
  for (let match = MARKER.exec(line); match; match = MARKER.exec(line)) {
    const n = Number(match[1] ?? match[2]);
    const kind = match[1] !== undefined ? '()' : match[3];
    const at = match.index + (match[0].length - match[0].trimStart().length);
    if (markers.length === 0 ? n === 1 : n === markers.length + 1 && kind === style) {
      style = kind;
      markers.push({ at, content: match.index + match[0].length });
    }
  }
  if (markers.length < 2) return null;
  const items = markers.map((marker, k): Span => [
    start + marker.content,
    k + 1 < markers.length ? start + markers[k + 1].at : end,
  ]);
  return { lead: [start, start + markers[0].at], items };
}
