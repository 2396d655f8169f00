import type { AnnotatedActionItem } from '../annotate-types.js';
import type { AnnotateContext, ReadMessage } from '../annotate-context.js';
import { resolveDue } from '../due-dates.js';
import { messageById } from '../message-index.js';

/** The one who asked agrees to the other day: "ok thursday morning", "friday's fine", "sure, works". */
const AGREES =
  /^\W*(?:(?:ok(?:ay)?|sure|fine|yes|yep|yeah|deal|works|that works|perfect|np|no problem|alright|👍)\b|[\p{L}\d ]{1,30}['’]?s? (?:is )?(?:fine|ok|okay|good|works)\b)(?![^.!?]*\b(?:no|not|but|need it)\b)/iu;
/** Messages after the ask in which the day may be bargained. */
const WINDOW = 4;

/**
 * A due day bargained: "marco I need the perf report by wed" → "wed is tight, thursday morning?" →
 * "ok thursday morning". The one asked offers another day as a question and the one who asked
 * agrees: the item is due on the day agreed, citing both messages. Items are changed in place.
 */
export function applyNegotiatedDues(
  context: AnnotateContext,
  items: AnnotatedActionItem[],
  zoneOf: (author: string) => string,
): void {
  for (const item of items) {
    const ask = messageById(context.messages, item.evidence[0]);
    if (!ask || !item.assignee || ask.message.author === item.assignee) continue;
    const asker = ask.message.author;
    const later = context.messages.slice(ask.index + 1, ask.index + 1 + WINDOW);
    const offer = later.find((read) => read.message.author === item.assignee && offersDay(read));
    if (!offer) continue;
    // "wed is tight, thursday morning?": the day offered is in the asking clause, not the one turned down.
    const asked = offer.sentences.filter((sentence) => /\?\s*$/.test(sentence)).pop() ?? '';
    const clause = asked.split(/[,;—–]/).pop() ?? asked;
    const offered = resolveDue(clause, offer.message.ts, zoneOf(item.assignee));
    if (!offered || offered.value === item.due) continue;
    const reply = context.messages
      .slice(offer.index + 1, offer.index + 3)
      .find((read) => read.message.author === asker);
    if (!reply || !AGREES.test(reply.text)) continue;
    const agreed = resolveDue(reply.text, reply.message.ts, zoneOf(item.assignee)) ?? offered;
    item.due = agreed.value;
    item.dueText = agreed.text;
    for (const read of [offer, reply])
      if (!item.evidence.includes(read.message.id)) item.evidence.push(read.message.id);
  }
}

/** "wed is tight, thursday morning?", "friday ok?", "can it be monday?": another day, asked. */
function offersDay(read: ReadMessage): boolean {
  return (
    read.sentences.some((sentence) => /\?\s*$/.test(sentence)) && !/\bno\b/i.test(read.sentences[0] ?? '')
  );
}
