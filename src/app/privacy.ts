import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { OutroPaths } from './paths.js';

/** A file or folder of outro's that other users may read, and the command that makes it private. */
export interface PrivacyWarning {
  path: string;
  /** Its mode, octal ("0755"). */
  mode: string;
  fix: string;
}

/**
 * What outro keeps that others may read or enter: the data dir, the store and its WAL, the graph,
 * logs, backups, the cache and the runtime dir. outro creates them private (0700 folders, 0600
 * files, umask 077 in bin/outro); a home made by an older outro, or copied in, may be wider.
 * Nothing on Windows, whose modes mean something else.
 */
export function privacyWarnings(
  paths: OutroPaths,
  platform: NodeJS.Platform = process.platform,
): PrivacyWarning[] {
  if (platform === 'win32') return [];
  const candidates = [
    paths.dataDir,
    paths.database,
    `${paths.database}-wal`,
    `${paths.database}-shm`,
    paths.graphDir,
    join(paths.graphDir, 'graph.kuzu'),
    join(paths.graphDir, 'graph.kuzu.wal'),
    paths.backupDir,
    paths.logDir,
    join(paths.logDir, 'daemon.log'),
    paths.cacheDir,
    paths.runtimeDir,
  ];
  const warnings: PrivacyWarning[] = [];
  for (const path of new Set(candidates)) {
    let info;
    try {
      info = lstatSync(path);
    } catch {
      continue; // not created yet
    }
    if (info.isSymbolicLink() || (info.mode & 0o077) === 0) continue;
    const folder = info.isDirectory();
    warnings.push({
      path,
      mode: `0${(info.mode & 0o777).toString(8)}`,
      fix: folder ? `chmod 700 '${path}'` : `chmod 600 '${path}'`,
    });
  }
  return warnings;
}
