import type { StoredEvent } from '../../domain/events.js';
import type { SqliteDatabase } from '../sqlite.js';
import type { SearchOp } from './search-ops.js';
import { searchOpsOf, SEARCH_EVENT_TYPES } from './search-ops-of-event.js';
import { SearchWriter } from './search-writer.js';

export { SEARCH_EVENT_TYPES };

export interface SearchApplyResult {
  /** Events of types the index reads. */
  events: number;
  /** Of those, events whose payload did not validate (skipped). */
  invalid: number;
  /** Ops that changed the index. */
  changed: number;
}

/** One writer (its prepared statements) per connection. */
const writers = new WeakMap<SqliteDatabase, SearchWriter>();

/**
 * Applies stored events to the search index, in one transaction (a savepoint inside the
 * caller's). Idempotent, for at-least-once delivery: every change carries the seq it comes from
 * and an older one never replaces a newer one, a deleted message stays deleted, and item states
 * keep the earliest change. Events of other types are ignored, so an agent may pass whole batches.
 */
export function applySearchEvents(db: SqliteDatabase, events: readonly StoredEvent[]): SearchApplyResult {
  const result: SearchApplyResult = { events: 0, invalid: 0, changed: 0 };
  const ops: SearchOp[] = [];
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    const eventOps = searchOpsOf(event);
    if (eventOps === null) {
      result.events++;
      result.invalid++;
    } else if (eventOps.length > 0 || SEARCH_EVENT_TYPES.includes(event.type)) {
      result.events++;
      ops.push(...eventOps);
    }
  }
  if (ops.length === 0) return result;
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new SearchWriter(db)));
  result.changed = db.transaction(() => writer.apply(ops))();
  return result;
}
