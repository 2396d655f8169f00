import type { SqliteDatabase } from './sqlite.js';

/** The end of the last brief this reader saw (migration 006), or undefined. */
export function lastBriefSeen(db: SqliteDatabase, reader: string): string | undefined {
  const row = db.prepare('SELECT until FROM brief_state WHERE reader = ?').get(reader) as
    { until: string } | undefined;
  return row?.until;
}

/** Remembers that the reader saw a brief up to `until` (never moves backwards). */
export function recordBriefSeen(db: SqliteDatabase, reader: string, until: string, seenAt: string): void {
  db.prepare(
    `INSERT INTO brief_state (reader, until, seen_at) VALUES (?, ?, ?)
     ON CONFLICT(reader) DO UPDATE SET until = max(until, excluded.until), seen_at = excluded.seen_at`,
  ).run(reader, until, seenAt);
}
