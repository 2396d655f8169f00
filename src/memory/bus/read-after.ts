import type { StoredEvent } from '../../domain/events.js';
import type { SqliteDatabase } from '../sqlite.js';

interface Row {
  seq: number;
  id: string;
  type: string;
  stream: string;
  occurred_at: string;
  recorded_at: string;
  causation_id: string | null;
  schema_version: number;
  payload: string;
}

/**
 * Events after a position, of some types, in log order. Walks the seq primary key (`+type` keeps
 * SQLite off the type index, which would read every event of the type and sort them): a cursor
 * near the end of the log then reads only what is new, whatever the log's size.
 */
export function readAfter(db: SqliteDatabase, afterSeq: number, types: readonly string[], limit: number, throughSeq = Number.MAX_SAFE_INTEGER): StoredEvent[] {
  const filter = types.length > 0 ? ` AND +type IN (${types.map(() => '?').join(', ')})` : '';
  const rows = db.prepare(`SELECT * FROM events WHERE seq > ? AND seq <= ?${filter} ORDER BY seq LIMIT ?`).all(afterSeq, throughSeq, ...types, Math.max(0, Math.floor(limit))) as Row[];
  return rows.map((row) => ({
    seq: row.seq,
    id: row.id,
    type: row.type,
    stream: row.stream,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    causationId: row.causation_id,
    schemaVersion: row.schema_version,
    payload: JSON.parse(row.payload) as unknown,
  }));
}
