import type { StoredEvent } from '../../domain/events.js';
import type { SqliteDatabase } from '../sqlite.js';

type Row = [
  seq: number,
  id: string,
  type: string,
  stream: string,
  occurredAt: string,
  recordedAt: string,
  causationId: string | null,
  schemaVersion: number,
  payload: string,
];

/**
 * Streams events of the given types with afterSeq < seq <= uptoSeq, in seq order, with one
 * statement. `+type` keeps SQLite off the type index: walking the table in seq order and skipping
 * other types is ~3x faster than an index search followed by a sort of every matching payload.
 * The connection cannot write until the iteration ends.
 */
export function* readEvents(
  db: SqliteDatabase,
  types: readonly string[],
  afterSeq: number,
  uptoSeq: number,
): Generator<StoredEvent> {
  const statement = db.prepare(
    `SELECT seq, id, type, stream, occurred_at, recorded_at, causation_id, schema_version, payload FROM events
     WHERE seq > ? AND seq <= ? AND +type IN (${types.map(() => '?').join(', ')}) ORDER BY seq`,
  );
  for (const row of statement.raw(true).iterate(afterSeq, uptoSeq, ...types) as IterableIterator<Row>) {
    yield {
      seq: row[0],
      id: row[1],
      type: row[2],
      stream: row[3],
      occurredAt: row[4],
      recordedAt: row[5],
      causationId: row[6],
      schemaVersion: row[7],
      payload: parsedJson(row[8]),
    };
  }
}

function parsedJson(text: string): unknown {
  return JSON.parse(text);
}
