import Database from 'better-sqlite3';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { OutroError } from '../domain/errors.js';
import { checkDatabase, storeError, type SqliteDatabase } from './sqlite.js';

/** One snapshot of outro.db in the backup folder. */
export interface Snapshot {
  file: string;
  /** When it was taken (ISO, from its name). */
  at: string;
  bytes: number;
}

const NAME = /^outro-(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z\.db$/;

/** `outro-2026-03-01T120000000Z.db`: sortable, and no colons (they are not allowed on every file system). */
export function snapshotName(at: Date): string {
  const iso = at.toISOString();
  return `outro-${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}${iso.slice(20, 23)}Z.db`;
}

/** The snapshots in `dir`, newest first. */
export function listSnapshots(dir: string): Snapshot[] {
  if (!existsSync(dir)) return [];
  const snapshots: Snapshot[] = [];
  for (const name of readdirSync(dir)) {
    const match = NAME.exec(name);
    if (!match) continue;
    const file = join(dir, name);
    snapshots.push({
      file,
      at: `${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`,
      bytes: statSync(file).size,
    });
  }
  return snapshots.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

export interface BackupOptions {
  dir: string;
  now: Date;
  /** Snapshots kept, newest first (default 3); older ones are deleted once the new one is written. */
  keep?: number;
}

/**
 * Snapshots the open database with SQLite's online backup API (readers and the writer go on
 * meanwhile) into `dir`, readable by its owner alone, then keeps the newest `keep`. A database
 * that fails `quick_check` is not backed up: the snapshots of it while it was sound are worth
 * more than a copy of the damage.
 */
export async function backupDatabase(db: SqliteDatabase, options: BackupOptions): Promise<Snapshot> {
  const problems = checkDatabase(db);
  if (problems.length > 0)
    throw new OutroError(
      'STORE_CORRUPT',
      `${db.name} is damaged (${problems[0]}); no backup was taken, and the earlier ones are kept. Restore one with \`outro restore\`.`,
      { details: { problems } },
    );
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const file = join(options.dir, snapshotName(options.now));
  const temp = `${file}.${process.pid}.partial`;
  try {
    await db.backup(temp);
    chmodSync(temp, 0o600);
    renameSync(temp, file);
  } catch (cause) {
    rmSync(temp, { force: true });
    throw storeError(db.name, cause);
  }
  for (const old of listSnapshots(options.dir).slice(Math.max(1, options.keep ?? 3)))
    rmSync(old.file, { force: true });
  return { file, at: options.now.toISOString(), bytes: statSync(file).size };
}

/** Problems `quick_check` finds in a snapshot file ([] when sound); unreadable files say why. */
export function checkSnapshot(file: string): string[] {
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return checkDatabase(db);
  } catch (cause) {
    return [cause instanceof Error ? cause.message : String(cause)];
  } finally {
    db?.close();
  }
}

/** Where a replaced store is moved: beside it, named for when (nothing of the user's is deleted). */
export function asideName(database: string, at: Date): string {
  return `${database}.replaced-${snapshotName(at).slice(6, -3)}`;
}

/**
 * Puts `snapshot` back as `database`: the current file and its -wal and -shm are moved aside
 * (returned), the snapshot copied in, private. No process may have the store open.
 */
export function restoreSnapshot(snapshot: string, database: string, at: Date): { aside: string[] } {
  const problems = checkSnapshot(snapshot);
  if (problems.length > 0)
    throw new OutroError(
      'STORE_CORRUPT',
      `The snapshot ${snapshot} is damaged too (${problems[0]}); pick an older one (\`outro backup --list\`), or ingest your exports again into a fresh home.`,
      { details: { problems } },
    );
  const aside: string[] = [];
  const target = asideName(database, at);
  for (const suffix of ['', '-wal', '-shm']) {
    if (!existsSync(database + suffix)) continue;
    renameSync(database + suffix, target + suffix);
    aside.push(target + suffix);
  }
  const temp = `${database}.${process.pid}.restoring`;
  copyFileSync(snapshot, temp);
  chmodSync(temp, 0o600);
  renameSync(temp, database);
  return { aside };
}

/** The snapshot a name refers to: a path, or a file name in `dir`. */
export function findSnapshot(dir: string, name: string): Snapshot | undefined {
  const all = listSnapshots(dir);
  return all.find((snapshot) => snapshot.file === name || basename(snapshot.file) === basename(name));
}
