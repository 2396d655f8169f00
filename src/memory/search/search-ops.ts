import type { SearchDocInput } from './search-types.js';

/**
 * The changes the search projection makes, one step each. Every step is idempotent and carries
 * the log seq it comes from, so the index ends the same whether an event is applied once or again.
 */
export type SearchOp =
  /** Add or replace a document, unless a newer version (or a newer removal) is stored. */
  | { op: 'upsert'; doc: SearchDocInput }
  /** Replace a stored document's text (a message edit), unless the document is newer. */
  | { op: 'edit'; docId: string; text: string; version: number }
  /** Remove a document, unless it is newer; the removal is remembered with its version. */
  | { op: 'remove'; docId: string; version: number }
  /** Point messages at the conversation they belong to (the latest split wins). */
  | { op: 'conversation'; docIds: readonly string[]; conversationId: string; version: number }
  /** A later state of an item (done, answered, reversed, retracted); the earliest (at, tie) wins. */
  | { op: 'state'; docId: string; state: string; at: string; tie: string }
  /** A display name (the highest version wins). */
  | { op: 'name'; of: 'person' | 'channel'; key: string; name: string | null; version: number };

/** The version of a removal nothing may undo: a deleted message stays deleted. */
export const FOREVER = Number.MAX_SAFE_INTEGER;
