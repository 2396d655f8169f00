import type { SqliteDatabase } from '../sqlite.js';

/** Ids of workflow runs that start with `prefix` (at most `limit`: two tell "several" from "one"). */
export function runIdsStartingWith(db: SqliteDatabase, prefix: string, limit = 2): string[] {
  return (
    db
      .prepare('SELECT id FROM workflow_runs WHERE substr(id, 1, ?) = ? LIMIT ?')
      .all(prefix.length, prefix, limit) as { id: string }[]
  ).map((row) => row.id);
}
