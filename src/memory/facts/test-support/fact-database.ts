import { MIGRATIONS } from '../../migrations/index.js';
import { openDatabase, type SqliteDatabase } from '../../sqlite.js';

/** A store with the event log and the fact tables, opened as the app opens it. */
export function openFactDatabase(file = ':memory:'): SqliteDatabase {
  return openDatabase(file, { migrations: MIGRATIONS });
}
