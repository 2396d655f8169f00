import { MIGRATIONS } from '../../migrations/index.js';
import { makeTempDir } from '../../../test-support/temp-dir.js';
import { openDatabase, type SqliteDatabase } from '../../sqlite.js';

/** A store with the event log and the fact tables, opened as the app opens it. */
export function openFactDatabase(file = ':memory:'): SqliteDatabase {
  return openDatabase(file, { migrations: MIGRATIONS });
}

/** `openFactDatabase` on a file in a fresh temp folder; `cleanup` closes the store and removes the folder. */
export function openTempFactDatabase(prefix: string): {
  dir: string;
  db: SqliteDatabase;
  cleanup: () => void;
} {
  const temp = makeTempDir(prefix);
  const db = openFactDatabase(`${temp.dir}/outro.db`);
  return {
    dir: temp.dir,
    db,
    cleanup: () => {
      db.close();
      temp.cleanup();
    },
  };
}
