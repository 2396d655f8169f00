import { MIGRATIONS } from '../memory/migrations/index.js';
import { openDatabase, type SqliteDatabase } from '../memory/sqlite.js';

/**
 * The store's SQLite database, opened and migrated, without the event log and ingest objects of
 * store.ts: what a read-only query needs (a cold `outro ask` loads neither zod nor the event schemas).
 */
export function openStoreDatabase(file: string): SqliteDatabase {
  return openDatabase(file, { migrations: MIGRATIONS });
}
