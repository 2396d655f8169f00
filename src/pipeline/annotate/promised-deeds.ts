import type { AnnotateContext, ReadMessage } from './annotate-context.js';
import { PROMISED_DEED } from './lexicon/cues.js';

/**
 * "I'll update the rack diagrams for row C" … "updated in netbox ✅": a dateless promise of a verb
 * the work lexicon does not know is an item when its speaker reports something done later in the
 * conversation. Alone, such promises are mostly talk the labelled workspaces do not count as work
 * (Fernhill precision fell 84.8 → 81.3 when every one was taken).
 */
export function promisedAndDone(context: AnnotateContext, read: ReadMessage, text: string): boolean {
  if (!PROMISED_DEED.test(text)) return false;
  return context.messages
    .slice(read.index + 1)
    .some(
      (later) =>
        later.message.author === read.message.author && later.units.some((unit) => unit.act === 'completion'),
    );
}
