import type { ReadMessage } from './annotate-context.js';
import { ACK_WINDOW, type Found } from './action-item-parts.js';

/** "can't this week, sorry", "no, can't, family thing", "sorry, I'm teaching then": a request turned down. */
export const DECLINE =
  /^\W*(?:(?:no|nope|nah|sorry|unfortunately|ah|oh|hmm)[,!.]*\s+)*(?:i\s+)?(?:can'?t|can’t|cannot|can not|won'?t be able|not able to|unable to|no can do|not this (?:week|time)|i'?m (?:away|off|out|full|swamped|slammed|booked))\b/i;
/** The asker withdraws the request: "never mind", "nvm", "no need anymore", "scratch that". */
const WITHDRAWN =
  /^\W*(?:(?:actually|oh|ah|ok|okay|sorry)[,!.]*\s+)*(?:never ?mind|nvm|no need(?: anymore| after all)?|scratch that|forget (?:it|that)|ignore (?:that|my last)|cancel that|not needed anymore)\b/i;
/** A reply that takes the work on after all ("sorry, on it now", "can't today but I'll do it Monday"). */
const TAKES_ON = /\b(?:on it|will do|i'?ll|i will|done|sure|ok|okay|yes|yep|taking)\b/i;

function declines(text: string): boolean {
  if (/\?/.test(text) || TAKES_ON.test(text)) return false;
  return DECLINE.test(text) || /^\W*sorry\b/i.test(text);
}

/**
 * The request the message turns down: the latest one put to its author by someone else, shortly
 * before, that nothing has answered yet ("Marco, can you join the call at 4?" → "can't, dentist");
 * or the latest one its author put to someone else and now withdraws ("never mind, no need anymore").
 */
export function declinedRequest(
  found: readonly Found[],
  read: ReadMessage,
  completed: (id: string) => boolean,
): Found | undefined {
  const author = read.message.author;
  const open = (entry: Found): boolean =>
    entry.at < read.index && read.index - entry.at <= ACK_WINDOW && !completed(entry.item.id);
  // "actually never mind — no need anymore": the one who asked takes it back.
  if (WITHDRAWN.test(read.text))
    return found.findLast(
      (entry) => entry.item.requestedBy === author && entry.item.assignee !== author && open(entry),
    );
  if (!declines(read.text)) return undefined;
  return found.findLast(
    (entry) =>
      entry.item.assignee === author &&
      entry.item.requestedBy !== author &&
      entry.item.evidence.length === 1 &&
      open(entry),
  );
}
