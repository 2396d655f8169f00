import { existsSync, renameSync } from 'node:fs';
import { OutroError } from '../domain/errors.js';
import {
  asideName,
  checkSnapshot,
  findSnapshot,
  listSnapshots,
  restoreSnapshot,
  type Snapshot,
} from '../memory/backup.js';
import type { RebuildReport } from '../memory/graph/rebuild.js';
import type { AppContext } from './app-context.js';
import { replay } from './replay.js';

export interface RestoreResult {
  snapshot: Snapshot;
  /** Where the replaced store (and graph) were moved: nothing is deleted. */
  aside: string[];
  /** Snapshots passed over because they are damaged themselves. */
  skipped: Array<{ file: string; problem: string }>;
  replay: RebuildReport;
}

/**
 * `outro restore [SNAPSHOT]`: puts a snapshot back as outro.db (by default the newest that passes
 * `quick_check`), moves the replaced store and graph aside, and replays the projections (fact
 * tables and graph) from the restored log. Events recorded after the snapshot are not in it:
 * ingest the exports again to bring them back (nothing is appended twice). The store must be
 * closed: no daemon, no other command.
 */
export async function restore(ctx: AppContext, input: { snapshot?: string } = {}): Promise<RestoreResult> {
  const dir = ctx.paths.backupDir;
  const skipped: RestoreResult['skipped'] = [];
  let chosen: Snapshot | undefined;
  if (input.snapshot !== undefined) {
    chosen =
      findSnapshot(dir, input.snapshot) ??
      (existsSync(input.snapshot) ? { file: input.snapshot, at: '', bytes: 0 } : undefined);
    if (!chosen)
      throw new OutroError(
        'NOT_FOUND',
        `No snapshot ${input.snapshot} in ${dir}. \`outro backup --list\` shows the snapshots.`,
      );
  } else {
    for (const snapshot of listSnapshots(dir)) {
      const problems = checkSnapshot(snapshot.file);
      if (problems.length === 0) {
        chosen = snapshot;
        break;
      }
      skipped.push({ file: snapshot.file, problem: problems[0] });
    }
    if (!chosen)
      throw new OutroError(
        'NOT_FOUND',
        `No sound snapshot in ${dir} to restore${skipped.length > 0 ? ` (${skipped.length} damaged)` : ''}. Move ${ctx.paths.dataDir} away and ingest your exports again: the log is rebuilt from the exports, the graph from the log.`,
      );
  }
  const at = new Date();
  const { aside } = restoreSnapshot(chosen.file, ctx.paths.database, at);
  // The graph is a projection of the log: the replaced one (damaged, or of another version) goes aside.
  if (existsSync(ctx.paths.graphDir)) {
    const graphAside = asideName(ctx.paths.graphDir, at);
    renameSync(ctx.paths.graphDir, graphAside);
    aside.push(graphAside);
  }
  return { snapshot: chosen, aside, skipped, replay: await replay(ctx) };
}
