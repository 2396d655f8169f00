import type { AnnotatedActionItem } from './annotate-types.js';
import { itemId, type AnnotateContext, type ReadMessage } from './annotate-context.js';
import type { resolveDue } from './due-dates.js';

/** The pieces every way of finding an action item shares: the item as found, its summary, its id. */

/** How many later messages an acknowledgement or a "done" may follow its request within one conversation. */
export const ACK_WINDOW = 6;

export interface Found {
  item: AnnotatedActionItem;
  at: number;
}

export function summaryOf(sentence: string): string {
  return (
    sentence
      .replace(/^(?:(?:hey|hi|ok|so|and|also|yes|yep|reminder)[,:!]?\s+)+/i, '')
      // "TODO(marco): bump Node", "Action item for @sam: …": the label names the assignee, kept apart.
      .replace(
        /^\W*(?:action items?|AI|TODO|to-?do)\s*(?:for\s+|\(\s*|[:—–-]\s*)?@?[\p{L}][\p{L}_.-]*\s*\)?\s*[:—–-]\s*/iu,
        '',
      )
      .replace(
        /^@?[\p{L}][\p{L}_.-]*(?: [\p{Lu}][\p{L}'-]+)?\s*[,:—–-]?\s+(?=(can|could|would|will) you)/iu,
        '',
      )
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 200)
  );
}

export function makeItem(
  context: AnnotateContext,
  read: ReadMessage,
  made: number,
  summary: string,
  assignee: string,
  due: ReturnType<typeof resolveDue>,
  confidence: number,
): AnnotatedActionItem {
  return {
    id: itemId(context.input, read.message.id, 'action_item', made > 0 ? String(made) : ''),
    summary,
    assignee,
    requestedBy: read.message.author,
    due: due?.value ?? null,
    dueText: due?.text ?? null,
    evidence: [read.message.id],
    confidence,
  };
}
