import { EventLog } from '../memory/event-log.js';
import { IngestStore } from '../memory/ingest-store.js';
import { MIGRATIONS } from '../memory/migrations/index.js';
import { openDatabase, type SqliteDatabase } from '../memory/sqlite.js';

/** The SQLite store and the objects every command works through. */
export interface Store {
  db: SqliteDatabase;
  log: EventLog;
  ingest: IngestStore;
  close(): void;
}

export function openStore(file: string, now: () => Date = () => new Date()): Store {
  const db = openDatabase(file, { migrations: MIGRATIONS });
  const log = new EventLog(db, now);
  return { db, log, ingest: new IngestStore(db, log, now), close: () => db.close() };
}
