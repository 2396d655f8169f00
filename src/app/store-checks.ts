import { existsSync } from 'node:fs';
import { STORE_RECOVERY } from '../domain/errors.js';
import { listSnapshots } from '../memory/backup.js';
import { checkDatabase, openDatabase } from '../memory/sqlite.js';
import type { DoctorCheck } from './doctor-check.js';
import type { OutroPaths } from './paths.js';
import { privacyWarnings } from './privacy.js';
import { describePrivacy } from './privacy-lines.js';

/**
 * `outro doctor`'s checks of what is on disk: the store's pages (`PRAGMA quick_check`, or
 * `integrity_check` when `full`), that the graph opens, the backups, and who may read the files.
 * Read-only: a daemon or command may hold the store meanwhile.
 */
export async function storeChecks(paths: OutroPaths, full: boolean): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [integrity(paths, full), await graph(paths), backups(paths)];
  const warnings = privacyWarnings(paths);
  checks.push(
    warnings.length === 0
      ? {
          id: 'privacy',
          status: 'ok',
          title: 'Privacy',
          detail: 'your outro files are readable by you alone',
        }
      : {
          id: 'privacy',
          status: 'warn',
          title: 'Privacy',
          detail: `${warnings.length} of outro's files or folders can be read by other users`,
          fix: describePrivacy(warnings).join('\n'),
        },
  );
  return checks;
}

function integrity(paths: OutroPaths, full: boolean): DoctorCheck {
  const base = { id: 'store.integrity' as const, title: full ? 'Store integrity (full)' : 'Store integrity' };
  if (!existsSync(paths.database))
    return { ...base, status: 'skip', detail: `no store at ${paths.database} yet` };
  try {
    const db = openDatabase(paths.database, { migrations: [], readonly: true });
    try {
      const problems = checkDatabase(db, full);
      if (problems.length === 0)
        return {
          ...base,
          status: 'ok',
          detail: `${paths.database}: ${full ? 'integrity_check' : 'quick_check'} found nothing wrong`,
        };
      return {
        ...base,
        status: 'fail',
        detail: `${paths.database} is damaged: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`,
        fix: STORE_RECOVERY,
        code: 'STORE_CORRUPT',
      };
    } finally {
      db.close();
    }
  } catch (error) {
    const cause = (error as Error).cause;
    return {
      ...base,
      status: 'fail',
      detail: `${paths.database} cannot be read: ${cause instanceof Error ? cause.message : (error as Error).message}`,
      fix: STORE_RECOVERY,
      code: 'STORE_CORRUPT',
    };
  }
}

async function graph(paths: OutroPaths): Promise<DoctorCheck> {
  const base = { id: 'graph' as const, title: 'Graph' };
  const { checkGraph } = await import('../memory/graph/open-graph.js');
  const found = await checkGraph(paths.graphDir);
  switch (found.state) {
    case 'ok':
      return { ...base, status: 'ok', detail: `${paths.graphDir} opens (${found.tables} tables)` };
    case 'missing':
      return { ...base, status: 'skip', detail: 'not built yet (the first ingest or ask builds it)' };
    case 'busy':
      return {
        ...base,
        status: 'info',
        detail: 'open in another outro process (the daemon, an ingest); not checked',
      };
    case 'damaged':
      return {
        ...base,
        status: 'fail',
        detail: found.message,
        fix: `The graph is a projection of the log: move ${paths.graphDir} away and run \`outro replay\`.`,
        code: 'STORE_CORRUPT',
      };
  }
}

function backups(paths: OutroPaths): DoctorCheck {
  const base = { id: 'backups' as const, title: 'Backups' };
  const snapshots = listSnapshots(paths.backupDir);
  if (snapshots.length === 0)
    return {
      ...base,
      status: 'info',
      detail: `no snapshots in ${paths.backupDir}`,
      fix: 'Run `outro backup` now and then, or run the daemon (it takes one a day).',
    };
  return {
    ...base,
    status: 'ok',
    detail: `${snapshots.length} snapshot(s), the newest ${snapshots[0].at} (${snapshots[0].file})`,
  };
}
