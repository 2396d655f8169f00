import { contentWords, sharedWords } from '../annotate-context.js';

/** A decision a reversal may reverse: one of this conversation, or one recorded before it. */
export interface ReversalCandidate {
  id: string;
  about: readonly string[];
  summary: string;
  at: string;
  channel?: string;
  /** Decided earlier in this conversation. */
  local: boolean;
}

/** What the reversal says, and the entities its own words name. */
export interface Reversal {
  text: string;
  at: string;
  channel: string;
  /** Entities the reversal names, or (when it names none) the conversation's main one. */
  about: readonly string[];
  /** Whether `about` comes from the reversal's own words. */
  named: boolean;
}

/** "scrap that", "disregard my last": points at what was just said, not at a topic. */
const DEICTIC =
  /\b(?:(?:scrap|scratch|strike|forget|ignore|cancel|undo|disregard) (?:that|this|my last|what i said)|never ?mind|nvm|on second thought)\b/i;
/** Words that say a reversal is one and point at no decision's content. */
const REVERSAL_WORDS = contentWords(
  "reversing reversal reverse revert reverting call decision decided plan plans change changed mind minds going back after all last week yesterday scrap scratch undo cancel actually let's",
);
const DAY = 86_400_000;
const WEEKDAYS = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:'s|’s)\b/i;

/** How long before the reversal a decision it dates ("last week's call") was taken: [min, max] days. */
function datedWindow(text: string): [number, number] | null {
  if (/\blast week(?:'s|’s)\b/i.test(text)) return [2, 14];
  if (/\byesterday(?:'s|’s)\b/i.test(text)) return [0.25, 2];
  if (WEEKDAYS.test(text)) return [0.25, 7];
  return null;
}

/**
 * The decision a reversal reverses: the one its words share content with (the entities it names
 * count double), among those in the time it names ("last week's call", "Monday's decision"); a
 * deictic "scrap that" takes the latest of this conversation. With nothing shared: the latest of
 * this conversation about the same entity, then the latest recorded one about it, then the
 * channel's latest of the last 30 days.
 */
export function reversalTarget(reversal: Reversal, candidates: readonly ReversalCandidate[]): string | null {
  const before = candidates.filter((candidate) => candidate.local || candidate.at < reversal.at);
  const latestFirst = [...before].sort(
    (a, b) => Number(b.local) - Number(a.local) || b.at.localeCompare(a.at),
  );
  const local = latestFirst.filter((candidate) => candidate.local);
  if (DEICTIC.test(reversal.text) && local.length > 0) return local[0].id;
  const window = datedWindow(reversal.text);
  const dated = window
    ? latestFirst.filter((candidate) => {
        const days = (Date.parse(reversal.at) - Date.parse(candidate.at)) / DAY;
        return !candidate.local && days >= window[0] && days <= window[1];
      })
    : [];
  const pool = dated.length > 0 ? dated : latestFirst;
  let best: { id: string; score: number } | null = null;
  for (const candidate of pool) {
    const words = sharedWords(candidate.summary, reversal.text).filter((word) => !REVERSAL_WORDS.has(word));
    const entities = reversal.named ? candidate.about.filter((id) => reversal.about.includes(id)).length : 0;
    const score = words.length + 2 * entities;
    if (score > 0 && (!best || score > best.score)) best = { id: candidate.id, score };
  }
  if (best) return best.id;
  if (dated.length > 0) return dated[0].id;
  const overlaps = (ids: readonly string[]): boolean =>
    reversal.about.length === 0 || ids.some((id) => reversal.about.includes(id));
  const sameEntity = latestFirst.find((candidate) => overlaps(candidate.about));
  if (sameEntity) return sameEntity.id;
  const recent = latestFirst.find(
    (candidate) =>
      !candidate.local &&
      candidate.channel === reversal.channel &&
      Date.parse(reversal.at) - Date.parse(candidate.at) <= 30 * DAY,
  );
  return recent?.id ?? null;
}
