import type { AnnotateContext, ReadMessage } from './annotate-context.js';
import type { Found } from './action-item-parts.js';
import { HAND_OFF } from './lexicon/cues.js';

/** The person a promise to pass something on names ("I'll ask Sam", "I'll tell Jo"), when known. */
function relayedTo(context: AnnotateContext, summary: string): string | undefined {
  const name = HAND_OFF.exec(summary)?.groups?.name;
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
  for (const item of context.input.openItems ?? []) {
    if (item.assignee !== author || item.at >= read.message.ts) continue;
    const to = relayedTo(context, item.summary);
    if (to && read.addressees.includes(to)) out.push(item.itemId);
  }
  return out;
}
