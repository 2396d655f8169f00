import { backupDatabase, listSnapshots, type Snapshot } from '../memory/backup.js';
import type { AppContext } from './app-context.js';

/** Snapshots kept in the backup folder. */
export const KEEP_SNAPSHOTS = 3;
/** The daemon takes a snapshot when the newest is older than this. */
export const BACKUP_EVERY_MS = 24 * 3600 * 1000;

export interface BackupResult {
  /** The snapshot taken (null: `list` only, or none was due). */
  taken: Snapshot | null;
  /** Every snapshot now kept, newest first. */
  snapshots: Snapshot[];
  dir: string;
}

/**
 * `outro backup`: a snapshot of outro.db taken with SQLite's online backup API (commands and the
 * daemon go on meanwhile), the newest three kept in `<data dir>/backups`. `list` only lists them.
 * The graph is not backed up: it is a projection, rebuilt by `outro restore` from the log.
 */
export async function backup(ctx: AppContext, input: { list?: boolean } = {}): Promise<BackupResult> {
  const dir = ctx.paths.backupDir;
  if (input.list) return { taken: null, snapshots: listSnapshots(dir), dir };
  // Wall-clock time, not the context's "now": a snapshot is bookkeeping, named for when it was taken.
  const taken = await backupDatabase(ctx.store().db, { dir, now: new Date(), keep: KEEP_SNAPSHOTS });
  return { taken, snapshots: listSnapshots(dir), dir };
}

/** The daemon's daily snapshot: taken when the newest is older than a day (or there is none). */
export async function backupIfDue(ctx: AppContext, nowMs = Date.now()): Promise<BackupResult> {
  const dir = ctx.paths.backupDir;
  const newest = listSnapshots(dir)[0];
  if (newest && nowMs - Date.parse(newest.at) < BACKUP_EVERY_MS)
    return { taken: null, snapshots: listSnapshots(dir), dir };
  return backup(ctx);
}
