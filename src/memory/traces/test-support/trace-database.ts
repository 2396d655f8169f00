import { join } from 'node:path';
import { makeTempDir } from '../../../test-support/temp-dir.js';
import { tracesMigration } from '../../migrations/007-traces.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { openDatabase, type Migration, type SqliteDatabase } from '../../sqlite.js';

/**
 * The main store's migrations with the traces migration in them: the registered list once 007 is
 * in it, else the list with 007 appended under the next free number (while 004–006 are pending).
 */
export function migrationsWithTraces(): Migration[] {
  if (MIGRATIONS.includes(tracesMigration)) return [...MIGRATIONS];
  return [...MIGRATIONS, { ...tracesMigration, version: MIGRATIONS.length + 1 }];
}

/** A real SQLite file in a temp dir with the trace and eval tables. */
export function openTraceDatabase(): { db: SqliteDatabase; dir: string; cleanup: () => void } {
  const temp = makeTempDir('outro-trace-');
  const db = openDatabase(join(temp.dir, 'outro.db'), { migrations: migrationsWithTraces() });
  return {
    db,
    dir: temp.dir,
    cleanup: () => {
      db.close();
      temp.cleanup();
    },
  };
}
