import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { OutroError } from '../domain/errors.js';

export type SqliteDatabase = Database.Database;

export interface Migration {
  /** 1, 2, 3 … applied in order; the database's `user_version` is the last applied. */
  version: number;
  name: string;
  up(db: SqliteDatabase): void;
}

export interface OpenOptions {
  migrations: readonly Migration[];
  readonly?: boolean;
  /** Milliseconds a writer waits for another writer's lock. */
  busyTimeoutMs?: number;
  /** Page cache per connection in KiB (default 64 MiB). */
  cacheKiB?: number;
}

/**
 * Opens (creating when needed) a SQLite file in WAL mode with a busy timeout, and applies the
 * numbered migrations it has not seen, each in its own transaction.
 */
export function openDatabase(file: string, options: OpenOptions): SqliteDatabase {
  if (file !== ':memory:' && !options.readonly) mkdirSync(dirname(file), { recursive: true });
  let db: SqliteDatabase;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
  } catch (cause) {
    throw new OutroError(
      'STORE_CORRUPT',
      `Cannot open the database ${file}. Check the path and its permissions.`,
      { cause },
    );
  }
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // The event id index is written in random order; a larger page cache and memory-mapped reads
    // keep bulk ingest from re-reading index pages through syscalls.
    db.pragma(`cache_size = -${options.cacheKiB ?? 64 * 1024}`);
    db.pragma('mmap_size = 268435456');
    migrate(db, file, options.migrations);
  }
  return db;
}

function migrate(db: SqliteDatabase, file: string, migrations: readonly Migration[]): void {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new OutroError(
        'INTERNAL',
        `Migrations must be numbered 1..n without gaps; found ${migration.version} at ${index + 1}.`,
      );
    }
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = sorted.length;
  if (current > latest) {
    throw new OutroError(
      'STORE_TOO_NEW',
      `${file} was written by a newer outro (schema ${current}, this one knows ${latest}). Upgrade outro, or point OUTRO_HOME elsewhere.`,
    );
  }
  for (const migration of sorted.slice(current)) {
    // user_version is read again under the write lock: another process opening the same new store
    // at the same moment may have applied this migration since the check above.
    const apply = db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) >= migration.version) return;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      apply.immediate();
    } catch (cause) {
      throw new OutroError(
        'STORE_CORRUPT',
        `Migration ${migration.version} (${migration.name}) failed on ${file}.`,
        { cause },
      );
    }
  }
}
