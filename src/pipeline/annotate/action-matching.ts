import {
  matchesAny,
  overlap,
  readAsAnswerTo,
  sharedWords,
  stem,
  type AnnotateContext,
  type ReadMessage,
} from './annotate-context.js';
import { ACK_WINDOW, type Found } from './action-item-parts.js';
import { isCompletionText } from './dialogue/cue-acts.js';
import { opensWithCompletion, priorOf } from './implicit-completions.js';
import { NOT_REQUESTS, REQUEST_CUES } from './lexicon/cues.js';

/** Which open action item a later message acknowledges, completes or repeats. */

/** An acknowledgement of the item by its assignee: read as an answer to a request, it accepts or commits; or an "I'll …" about the same work. */
export function acknowledges(context: AnnotateContext, read: ReadMessage, entry: Found): boolean {
  const units = readAsAnswerTo(context, read, 'request');
  const first = units.find((unit) => unit.act !== 'other');
  if (
    first &&
    (first.act === 'acceptance' || first.act === 'commitment') &&
    // "looking now. first guess is the webhook …": a short opening takes it on, whatever follows.
    (read.text.length <= 80 || (units[0] === first && first.text.length <= 40))
  )
    return true;
  return /\bi('ll| will)\b/i.test(read.text) && overlap(entry.item.summary, read.text) >= 1;
}

export function hasNewRequest(read: ReadMessage): boolean {
  return read.units.some(
    (unit) =>
      unit.cue === 'request' &&
      matchesAny(unit.text, REQUEST_CUES) &&
      !matchesAny(unit.text, NOT_REQUESTS) &&
      !/\?/.test(unit.text) &&
      !/can you do that/i.test(unit.text),
  );
}

/** The message says something is done: its opening is a completion (by the cues, or by the classifier alone when it is sure). */
export function isCompletion(read: ReadMessage): boolean {
  const text = read.text;
  if (isCompletionText(text)) return true;
  const first = read.units.find((unit) => unit.act !== 'other');
  return (
    first !== undefined && first.act === 'completion' && first.confidence >= 0.7 && !/\?/.test(first.text)
  );
}

const DONE_FIRST =
  /^[\p{Emoji}\s]*(?:done|sorted|fixed|all set|all good|sent|shipped|merged|deployed|live|finished|✅|:white_check_mark:)(?=[\s,.!✅]|$)/iu;

/** The open item a "done" refers to: shared words with its summary, or a short "done"/"shipped it" soon after it. */
export function pickOpen(candidates: Found[], text: string, index: number): string | undefined {
  if (candidates.length === 0) return undefined;
  const scored = candidates.map((entry) => ({ entry, score: overlap(entry.item.summary, text) }));
  const best = scored.sort((a, b) => b.score - a.score || b.entry.at - a.entry.at)[0];
  if (best.score > 0) return best.entry.item.id;
  const latest = candidates[candidates.length - 1];
  // "sorted ✅ it was the driver update, rolled it back": a reply that opens with the work done.
  const short = text.split(/\s+/).length <= 8 || DONE_FIRST.test(text);
  return short && index - latest.at <= ACK_WINDOW ? latest.item.id : undefined;
}

/** An open item (here or earlier) of the author that shares at least two content words with a message that delivers a file or link. */
export function deliveredItem(
  found: Found[],
  context: AnnotateContext,
  author: string,
  text: string,
): string | undefined {
  const here = found
    .filter((entry) => entry.item.assignee === author)
    .map((entry) => ({ id: entry.item.id, score: overlap(entry.item.summary, text) }));
  const prior = priorOf(context, author).map((item) => ({
    id: item.itemId,
    score: overlap(item.summary, text),
  }));
  const best = [...here, ...prior].filter((entry) => entry.score >= 2).sort((a, b) => b.score - a.score)[0];
  return best?.id;
}

/** Verbs that say something is done ("sent", "fixed"): shared with an item, they show less than a shared thing. */
const DONE_VERBS = new Set(
  [
    'send',
    'ship',
    'merge',
    'fix',
    'finish',
    'deploy',
    'update',
    'push',
    'post',
    'share',
    'close',
    'review',
    'call',
    'book',
    'file',
  ].map(stem),
);

/** Shared content words, a done-verb counting half: "sent" after "I'll send it to you" is not enough alone. */
function sharedWeight(summary: string, text: string): number {
  return sharedWords(summary, text).reduce((sum, word) => sum + (DONE_VERBS.has(word) ? 0.5 : 1), 0);
}

/** An open item from an earlier conversation: same assignee and at least two shared content words (one for a short summary). */
export function pickPrior(context: AnnotateContext, author: string, text: string): string | undefined {
  const candidates = priorOf(context, author);
  const scored = candidates
    .map((item) => ({ item, score: sharedWeight(item.summary, text) }))
    .filter((entry) => entry.score >= 1);
  scored.sort((a, b) => b.score - a.score || b.item.at.localeCompare(a.item.at));
  return scored[0]?.item.itemId;
}

/**
 * The speaker's other open items from earlier conversations that a "done" clearly names too (two
 * shared words): the same work promised twice ("I'll send the agencies a correction", then "sending
 * the corrected email today") is done once.
 */
export function sameWorkDone(
  context: AnnotateContext,
  author: string,
  text: string,
  target: string,
): string[] {
  if (!opensWithCompletion(text)) return [];
  return priorOf(context, author)
    .filter((item) => item.itemId !== target && sharedWeight(item.summary, text) >= 2)
    .map((item) => item.itemId);
}

/** An open item of the speaker from an earlier conversation about the same work (two content words in common). */
export function stillOpenElsewhere(context: AnnotateContext, author: string, summary: string): boolean {
  return priorOf(context, author).some((item) => overlap(item.summary, summary) >= 2);
}
