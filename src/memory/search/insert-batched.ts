import { OutroError } from '../../domain/errors.js';
import type { SqliteDatabase } from '../sqlite.js';

/** Rows per statement. */
const BATCH = 100;

/**
 * Inserts `count` rows of `columns` values into an emptied table, BATCH rows per statement. OR
 * IGNORE spares SQLite a statement journal for each multi-row statement (it copies every reused
 * free page it touches), and no row can conflict in an emptied table: the counts are checked.
 */
export function insertBatched(
  db: SqliteDatabase,
  table: string,
  columns: number,
  count: number,
  rowAt: (index: number, values: unknown[]) => void,
): void {
  const tuple = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  const full = db.prepare(
    `INSERT OR IGNORE INTO ${table} VALUES ${Array.from({ length: BATCH }, () => tuple).join(', ')}`,
  );
  const one = db.prepare(`INSERT INTO ${table} VALUES ${tuple}`);
  const values: unknown[] = [];
  let index = 0;
  let written = 0;
  for (; index + BATCH <= count; index += BATCH) {
    values.length = 0;
    for (let row = index; row < index + BATCH; row++) rowAt(row, values);
    // Spread, not an array: better-sqlite3 reads arguments faster than an array's elements (~20% of a narrow row's insert).
    written += full.run(...values).changes;
  }
  for (; index < count; index++) {
    values.length = 0;
    rowAt(index, values);
    written += one.run(values).changes;
  }
  if (written !== count)
    throw new OutroError(
      'INTERNAL',
      `Rebuilding the search index: ${count - written} rows of ${table} were not written.`,
    );
}
