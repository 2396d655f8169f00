import type { SqliteDatabase } from './sqlite.js';

/**
 * The read model `read_channel_counts` (migration 005): messages posted per stream, kept by the
 * channel-counts agent. Each row remembers the last seq it counted, so counting a redelivered
 * event again changes nothing.
 */
export function countPostedMessages(
  db: SqliteDatabase,
  events: readonly { stream: string; seq: number }[],
): void {
  const upsert = db.prepare(
    `INSERT INTO read_channel_counts (stream, messages, last_seq) VALUES (?, 1, ?)
     ON CONFLICT(stream) DO UPDATE SET messages = messages + 1, last_seq = excluded.last_seq WHERE last_seq < excluded.last_seq`,
  );
  for (const event of events) upsert.run(event.stream, event.seq);
}

/** Messages posted per stream (channel key), most first. */
export function channelCounts(db: SqliteDatabase): { stream: string; messages: number }[] {
  return db
    .prepare('SELECT stream, messages FROM read_channel_counts ORDER BY messages DESC, stream')
    .all() as { stream: string; messages: number }[];
}
