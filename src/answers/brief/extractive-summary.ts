/**
 * Two-line extractive summaries with no model: decisions and asks first, then the most
 * informative sentences of the conversations' own summaries (content words not seen yet).
 */

const STOP = new Set(
  'a an and are as at be but by for from has have i if in into is it its me my no not of on or our so that the their then there they this to was we were will with you your yes ok okay just also can do does did'.split(
    ' ',
  ),
);
const MAX_LINE = 160;

export interface SummaryInput {
  decisions: readonly string[];
  asks: readonly string[];
  summaries: readonly string[];
}

export function extractiveSummary(input: SummaryInput, lines = 2): string[] {
  const candidates: string[] = [
    ...input.decisions.map((text) => `Decided: ${text}`),
    ...input.asks.map((text) => `Asked: ${text}`),
  ];
  const seen = new Set<string>();
  for (const line of candidates) for (const word of words(line)) seen.add(word);
  const sentences = input.summaries.flatMap(splitSentences);
  const ranked = sentences
    .map((sentence, index) => ({ sentence, index, score: informativeness(sentence) }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const chosen: string[] = [];
  for (const line of candidates) {
    if (chosen.length >= lines) break;
    if (!chosen.includes(line)) chosen.push(line);
  }
  for (const { sentence } of ranked) {
    if (chosen.length >= lines) break;
    const fresh = words(sentence).filter((word) => !seen.has(word));
    if (fresh.length === 0) continue;
    for (const word of fresh) seen.add(word);
    chosen.push(sentence);
  }
  return chosen.map(clip);
}

export function splitSentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+(?=[A-Z"'@#])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'_-]*/gu) ?? []).filter(
    (word) => word.length > 2 && !STOP.has(word),
  );
}

/** Distinct content words, with a bonus for names, numbers and dates (the facts of a sentence). */
function informativeness(sentence: string): number {
  const content = new Set(words(sentence));
  const specifics = (sentence.match(/\b(\p{Lu}[\p{L}]+|\d[\d:./-]*)\b/gu) ?? []).length;
  return content.size + 0.5 * specifics;
}

/** One line of at most 160 characters, whitespace folded. */
export function clip(line: string): string {
  const flat = line.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_LINE ? flat : `${flat.slice(0, MAX_LINE - 1).trimEnd()}…`;
}
