import Database from 'better-sqlite3';
import { join } from 'node:path';

/** The payloads, as stored, of the events in `home`'s store whose type matches `type` (SQL LIKE), read-only. */
export function storedPayloads(home: string, type: string): string[] {
  const db = new Database(join(home, 'outro.db'), { readonly: true });
  try {
    const rows = db.prepare('SELECT payload FROM events WHERE type LIKE ? ORDER BY seq').all(type) as Array<{
      payload: string;
    }>;
    return rows.map((row) => row.payload);
  } finally {
    db.close();
  }
}
