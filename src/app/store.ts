import { EventLog } from '../memory/event-log.js';
import { IngestStore } from '../memory/ingest-store.js';
import type { SqliteDatabase } from '../memory/sqlite.js';
import { openStoreDatabase } from './store-database.js';

/** The SQLite store and the objects every command works through. */
export interface Store {
  db: SqliteDatabase;
  log: EventLog;
  ingest: IngestStore;
  close(): void;
}

/** Opens the store in `file`, or wraps `db` when the database is already open (store-database.ts). */
export function openStore(
  file: string,
  now: () => Date = () => new Date(),
  db: SqliteDatabase = openStoreDatabase(file),
): Store {
  const log = new EventLog(db, now);
  return { db, log, ingest: new IngestStore(db, log, now), close: () => db.close() };
}
