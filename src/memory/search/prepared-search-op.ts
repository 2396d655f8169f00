import { normalizeMarkup } from './normalize-markup.js';
import type { SearchOp } from './search-ops.js';
import type { SearchDocInput } from './search-types.js';

/** A document ready to write: its text with markup normalised, its time in epoch milliseconds. */
export interface PreparedSearchDoc extends Omit<SearchDocInput, 'text' | 'at'> {
  /** What is indexed: the text with chat markup normalised. */
  body: string;
  /** The text as written, only when it differs from body. */
  original: string | null;
  at: number;
}

/**
 * A SearchOp with the pure work done (markup, time parsing), so that a rebuild can do it off
 * the thread that writes SQLite.
 */
export type PreparedSearchOp =
  | { op: 'upsert'; doc: PreparedSearchDoc }
  | { op: 'edit'; docId: string; body: string; original: string | null; version: number }
  | Extract<SearchOp, { op: 'remove' | 'conversation' | 'name' }>
  | { op: 'state'; docId: string; state: string; at: number; tie: string };

export function prepareSearchOp(op: SearchOp): PreparedSearchOp {
  switch (op.op) {
    case 'upsert': {
      const d = op.doc;
      const body = normalizeMarkup(d.text);
      // Field by field: a rest/spread copy of every message's doc cost more than the rest of this.
      const doc: PreparedSearchDoc = {
        docId: d.docId,
        kind: d.kind,
        title: d.title,
        body,
        original: body === d.text ? null : d.text,
        author: d.author,
        channel: d.channel,
        at: Date.parse(d.at),
        conversationId: d.conversationId,
        nativeId: d.nativeId,
        state: d.state,
        version: d.version,
      };
      return { op: 'upsert', doc };
    }
    case 'edit': {
      const body = normalizeMarkup(op.text);
      return {
        op: 'edit',
        docId: op.docId,
        body,
        original: body === op.text ? null : op.text,
        version: op.version,
      };
    }
    case 'state':
      return { ...op, at: Date.parse(op.at) };
    default:
      return op;
  }
}
