import type { SqliteDatabase } from '../sqlite.js';
import { SqliteClaimIndex } from '../facts/sqlite-claim-index.js';
import { readEvents } from './event-source.js';
import type { GraphStore } from './graph-store.js';
import { PROJECTED_EVENT_TYPES } from './projector.js';
import { rebuildProjection, type RebuildReport, type ReplayProgress } from './rebuild.js';

/**
 * `outro replay`: drops every fact projection (the SQLite claim tables and the graph) and rebuilds
 * them from the event log alone, bulk-loading the graph through COPY FROM. Reads up to the log's
 * last seq at the start; events appended meanwhile are left to the projector.
 */
export async function replayFromLog(
  db: SqliteDatabase,
  graph: GraphStore,
  onProgress?: (progress: ReplayProgress) => void,
  written?: () => void,
): Promise<RebuildReport> {
  const lastSeq = (db.prepare('SELECT coalesce(max(seq), 0) AS n FROM events').get() as { n: number }).n;
  return rebuildProjection(
    readEvents(db, PROJECTED_EVENT_TYPES, 0, lastSeq),
    new SqliteClaimIndex(db),
    graph,
    lastSeq,
    onProgress,
    written,
  );
}
