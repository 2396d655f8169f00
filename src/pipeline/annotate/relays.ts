import type { AnnotateContext, ReadMessage } from './annotate-context.js';
import type { Found } from './action-item-parts.js';
import { priorOf } from './implicit-completions.js';
import { HAND_OFF, PASSING_ON, RELAY_ASKED } from './lexicon/cues.js';

/** The person a promise or request to pass something on names ("I'll ask Sam", "telling Jo", "can someone let Ann know"), when known. */
function relayedTo(context: AnnotateContext, summary: string): string | undefined {
  const name = (HAND_OFF.exec(summary) ?? PASSING_ON.exec(summary) ?? RELAY_ASKED.exec(summary))?.groups
    ?.name;
  return name ? context.people.resolve(name) : undefined;
}

/**
 * The speaker's open promises to pass something on that this message keeps: it is put to the
 * person the promise named (an @mention, a leading name, a DM with them), after the promise, in
 * this conversation or a later one. Asking Sam is what "I'll ask Sam" promised.
 */
export function relaysDone(context: AnnotateContext, found: readonly Found[], read: ReadMessage): string[] {
  const author = read.message.author;
  if (read.addressees.length === 0) return [];
  const out: string[] = [];
  for (const entry of found) {
    if (entry.at >= read.index || entry.item.assignee !== author) continue;
    const to = relayedTo(context, entry.item.summary);
    if (to && read.addressees.includes(to)) out.push(entry.item.id);
  }
  for (const item of priorOf(context, author)) {
    if (item.at >= read.message.ts) continue;
    const to = relayedTo(context, item.summary);
    if (to && read.addressees.includes(to)) out.push(item.itemId);
  }
  return out;
}
