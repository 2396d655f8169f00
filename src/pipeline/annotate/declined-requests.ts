import type { ReadMessage } from './annotate-context.js';
import { ACK_WINDOW, type Found } from './action-item-parts.js';

/** "can't this week, sorry", "no, can't, family thing", "sorry, I'm teaching then": a request turned down. */
const DECLINE =
  /^\W*(?:(?:no|nope|nah|sorry|unfortunately|ah|oh|hmm)[,!.]*\s+)*(?:i\s+)?(?:can'?t|can’t|cannot|can not|won'?t be able|not able to|unable to|no can do|not this (?:week|time)|i'?m (?:away|off|out|full|swamped|slammed|booked))\b/i;
/** A reply that takes the work on after all ("sorry, on it now", "can't today but I'll do it Monday"). */
const TAKES_ON = /\b(?:on it|will do|i'?ll|i will|done|sure|ok|okay|yes|yep|taking)\b/i;

function declines(text: string): boolean {
  if (/\?/.test(text) || TAKES_ON.test(text)) return false;
  return DECLINE.test(text) || /^\W*sorry\b/i.test(text);
}

/**
 * The request the message turns down: the latest one put to its author by someone else, shortly
 * before, that nothing has answered yet ("Marco, can you join the call at 4?" → "can't, dentist").
 */
export function declinedRequest(
  found: readonly Found[],
  read: ReadMessage,
  completed: (id: string) => boolean,
): Found | undefined {
  if (!declines(read.text)) return undefined;
  const author = read.message.author;
  return found.findLast(
    (entry) =>
      entry.item.assignee === author &&
      entry.item.requestedBy !== author &&
      entry.item.evidence.length === 1 &&
      entry.at < read.index &&
      read.index - entry.at <= ACK_WINDOW &&
      !completed(entry.item.id),
  );
}
