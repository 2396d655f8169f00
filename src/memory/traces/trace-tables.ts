import type { SqliteDatabase } from '../sqlite.js';

function hasTable(db: SqliteDatabase, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Whether the store has the span tables (migration 7). */
export function hasTraceTables(db: SqliteDatabase): boolean {
  return hasTable(db, 'trace_spans');
}

/** Whether the store has the eval tables (migration 7). */
export function hasEvalTables(db: SqliteDatabase): boolean {
  return hasTable(db, 'eval_runs');
}
