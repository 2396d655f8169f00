import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { isStoreDamage, OutroError, STORE_RECOVERY } from '../domain/errors.js';

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
 * numbered migrations it has not seen, each in its own transaction. A file that is not a database
 * or is damaged is STORE_CORRUPT with how to recover; one another process holds, STORE_LOCKED.
 */
export function openDatabase(file: string, options: OpenOptions): SqliteDatabase {
  if (file !== ':memory:' && !options.readonly) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // Created private before SQLite opens it: its -wal and -shm files copy the database's mode.
    if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  }
  let db: SqliteDatabase;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
  } catch (cause) {
    throw storeError(file, cause, 'Check the path and its permissions.');
  }
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
    // Reads the header and the schema: a file that is not a database, or whose first pages are
    // damaged, fails here rather than in the middle of a command.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      // The event id index is written in random order; a larger page cache keeps bulk ingest from
      // re-reading index pages through syscalls. No memory map: a 256 MiB map of a 200,000-message
      // store stayed resident (~140 MB of RSS through the whole ingest) at no measurable CPU gain.
      db.pragma(`cache_size = -${options.cacheKiB ?? 64 * 1024}`);
      db.pragma('mmap_size = 0');
      migrate(db, file, options.migrations);
    }
  } catch (cause) {
    db.close();
    throw storeError(file, cause);
  }
  return db;
}

/**
 * Caps the connection's page cache at `kib` and lets go of the pages above it now; the returned
 * function puts the cap back (pages are read in again as they are needed). For one pass over the
 * log that reads each page once (a graph bulk load), where a full cache would only sit in memory.
 */
export function limitPageCache(db: SqliteDatabase, kib: number): () => void {
  const previous = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${kib}`);
  db.pragma('shrink_memory');
  return () => void db.pragma(`cache_size = ${previous}`);
}

/**
 * Many transactions in a row (a bulk ingest, an agent drain): SQLite's default checkpoint every
 * 1,000 pages copies the WAL back and fsyncs the database after nearly every large commit. Until
 * the returned function is called the WAL grows to `pages` before a checkpoint; then one
 * checkpoint. A commit stays as durable as before (the WAL holds it; synchronous=NORMAL).
 */
export function deferCheckpoints(db: SqliteDatabase, pages = 100_000): () => void {
  if (db.memory) return () => {};
  const previous = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  if (previous === 0 || previous >= pages) return () => {};
  db.pragma(`wal_autocheckpoint = ${pages}`);
  return () => {
    db.pragma(`wal_autocheckpoint = ${previous}`);
    db.pragma('wal_checkpoint(PASSIVE)');
  };
}

/**
 * The error to report for `cause`, raised while using the store in `file`: a damaged file is
 * STORE_CORRUPT with how to recover, a lock held too long STORE_LOCKED, an OutroError itself.
 */
export function storeError(file: string, cause: unknown, otherwise = ''): OutroError {
  if (cause instanceof OutroError) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  if (isStoreDamage(cause))
    return new OutroError('STORE_CORRUPT', `${file} is damaged (${message}). ${STORE_RECOVERY}`, { cause });
  const code = cause instanceof Error ? (cause as Error & { code?: unknown }).code : undefined;
  if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code))
    return new OutroError(
      'STORE_LOCKED',
      `${file} is locked by another process (${message}). Wait for the other outro command to finish, or stop it, then retry.`,
      { cause },
    );
  return new OutroError(
    'STORE_CORRUPT',
    `Cannot open the database ${file} (${message}). ${otherwise}`.trim(),
    {
      cause,
    },
  );
}

/** Problems SQLite finds in the open database: `quick_check` (O(size)), or `integrity_check` when `full`; [] when sound. */
export function checkDatabase(db: SqliteDatabase, full = false): string[] {
  const rows = db.pragma(full ? 'integrity_check(100)' : 'quick_check(100)') as Array<Record<string, string>>;
  const problems = rows.map((row) => Object.values(row)[0]);
  return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
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
      const mapped = storeError(file, cause);
      if (mapped.code === 'STORE_LOCKED' || isStoreDamage(cause)) throw mapped;
      throw new OutroError(
        'STORE_CORRUPT',
        `Migration ${migration.version} (${migration.name}) failed on ${file}.`,
        { cause },
      );
    }
  }
}
