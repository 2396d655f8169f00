import type { Span } from './sentences.js';

const FENCE = '```';

/** Fenced code blocks (```…```), fences included, at most `limit`; an unclosed fence runs to the end of the text. */
export function fencedBlocks(text: string, limit = Infinity): Span[] {
  const blocks: Span[] = [];
  let at = text.indexOf(FENCE);
  while (at >= 0 && blocks.length < limit) {
    const close = text.indexOf(FENCE, at + FENCE.length);
    const end = close < 0 ? text.length : close + FENCE.length;
    blocks.push([at, end]);
    at = close < 0 ? -1 : text.indexOf(FENCE, end);
  }
  return blocks;
}
