import type { StoredEvent } from '../../domain/events.js';
import { toStored, type EventRow } from '../event-log.js';
import type { SqliteDatabase } from '../sqlite.js';

/**
 * Events after a position, of some types, in log order. Walks the seq primary key (`+type` keeps
 * SQLite off the type index, which would read every event of the type and sort them): a cursor
 * near the end of the log then reads only what is new, whatever the log's size.
 */
export function readAfter(
  db: SqliteDatabase,
  afterSeq: number,
  types: readonly string[],
  limit: number,
  throughSeq = Number.MAX_SAFE_INTEGER,
): StoredEvent[] {
  const filter = types.length > 0 ? ` AND +type IN (${types.map(() => '?').join(', ')})` : '';
  const rows = db
    .prepare(`SELECT * FROM events WHERE seq > ? AND seq <= ?${filter} ORDER BY seq LIMIT ?`)
    .all(afterSeq, throughSeq, ...types, Math.max(0, Math.floor(limit))) as EventRow[];
  return rows.map(toStored);
}
