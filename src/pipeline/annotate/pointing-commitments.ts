import type { ReadMessage, AnnotateContext } from './annotate-context.js';
import { answerable } from './dialogue/responses.js';
import { DECLINE } from './declined-requests.js';
import type { ReadUnit } from './dialogue/unit-acts.js';

/** A commitment that only points at the work ("on it", "taking this one", "I'll take it", "mine"). */
export const POINTER =
  /^\s*(?:👀|:eyes:)\s*$|^[\p{Emoji}\s]*(?:(?:ok|okay|sure|yes|yep|yeah|np)[,!.]?\s+)?(?:i'?ll (?:take|grab|do|handle) (?:it|that|this|this one|that one)|i can (?:take|do|grab) (?:it|that|this)|on it|mine|me|i got (?:it|this)|i'?ve got (?:it|this)|taking (?:it|this|that|this one|that one)|will do|can do|leave it with me|consider it done|count me in|happy to (?:take|do|grab|handle) (?:it|that|this))\b[\s!.\p{Emoji}]*$/iu;

/** A pointer that names taking the work ("I'll take it", "I can do that"), not just "on it". */
export const TAKES_WORK =
  /\b(?:take|taking|grab|grabbing|handle|handling)\b|\b(?:i can|i'?ll|i will) do (?:it|that|this)\b/i;

/** What "I'll take it" takes: the last message by someone else, else the message's own words before it. */
export function pointedContent(
  context: AnnotateContext,
  read: ReadMessage,
  unit: ReadUnit,
): ReadUnit | undefined {
  const previous = context.messages
    .slice(0, read.index)
    .reverse()
    .find((candidate) => !candidate.isBot && candidate.message.author !== read.message.author);
  if (previous?.units[0]) return previous.units[0];
  const before = read.units
    .slice(0, read.units.indexOf(unit))
    .filter((candidate) => candidate.text.split(/\s+/).length >= 4);
  return before[before.length - 1];
}

/**
 * The request or proposal a pointing commitment takes on: in the nearest message by someone else it
 * may answer, or past replies that only turned it down ("can you drive the van?" → "can't, sorry"
 * → "I'll do it").
 */
export function pointedAt(context: AnnotateContext, read: ReadMessage): ReadUnit | undefined {
  for (const candidate of answerable(context.messages, read)) {
    if (candidate.message.author === read.message.author) continue;
    const asked = candidate.units.find((unit) => ['request', 'proposal'].includes(unit.act));
    if (asked || !DECLINE.test(candidate.text)) return asked;
  }
  return undefined;
}
