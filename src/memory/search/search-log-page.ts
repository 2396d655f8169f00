import type { SqliteDatabase } from '../sqlite.js';
import { prepareSearchOp, type PreparedSearchOp } from './prepared-search-op.js';
import { searchOpsOf, SEARCH_EVENT_TYPES } from './search-ops-of-event.js';

/** Seqs read per page: a page's events are read fully before its rows are written. */
export const PAGE_SEQS = 5_000;

export interface LogPageCounts {
  /** Events of types the index reads. */
  events: number;
  /** Of those, events whose payload did not validate (skipped). */
  invalid: number;
}

/**
 * Reads the log a page at a time into prepared search ops: the part of a rebuild that does not
 * write, done on the writer's thread or in a worker (search-rebuild-worker) on its own connection.
 */
export function logPageReader(
  db: SqliteDatabase,
): (after: number, until: number, sink: (op: PreparedSearchOp) => void) => LogPageCounts {
  // Only what the projection reads; `+type` walks the log in seq order instead of the type index.
  const read = db
    .prepare(
      `SELECT seq, type, payload FROM events WHERE seq > ? AND seq <= ? AND +type IN (${SEARCH_EVENT_TYPES.map(() => '?').join(', ')}) ORDER BY seq`,
    )
    .raw(true);
  return (after, until, sink) => {
    const counts = { events: 0, invalid: 0 };
    for (const [seq, type, payload] of read.iterate(after, until, ...SEARCH_EVENT_TYPES) as IterableIterator<
      [number, string, string]
    >) {
      counts.events++;
      const ops = searchOpsOf({ seq, type, payload: JSON.parse(payload) });
      if (ops === null) counts.invalid++;
      else for (const op of ops) sink(prepareSearchOp(op));
    }
    return counts;
  };
}
