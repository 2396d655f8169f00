import type { SqliteDatabase } from '../sqlite.js';

export interface ConsumerHealth {
  consumer: string;
  position: number;
  /** Events of its types after its cursor. */
  pending: number;
  deadLetters: number;
}

/** Per consumer group: where its cursor is, what waits, how many dead letters (for `outro status`). */
export function busHealth(db: SqliteDatabase): ConsumerHealth[] {
  const rows = db.prepare('SELECT consumer, position, types FROM bus_cursors ORDER BY consumer').all() as {
    consumer: string;
    position: number;
    types: string;
  }[];
  return rows.map((row) => {
    const types = JSON.parse(row.types) as string[];
    const filter = types.length > 0 ? ` AND +type IN (${types.map(() => '?').join(', ')})` : '';
    const pending = (
      db.prepare(`SELECT count(*) AS n FROM events WHERE seq > ?${filter}`).get(row.position, ...types) as {
        n: number;
      }
    ).n;
    const deadLetters = (
      db
        .prepare("SELECT count(*) AS n FROM bus_dead_letters WHERE consumer = ? AND status = 'dead'")
        .get(row.consumer) as { n: number }
    ).n;
    return { consumer: row.consumer, position: row.position, pending, deadLetters };
  });
}
