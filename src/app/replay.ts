import type { RebuildReport } from '../memory/graph/rebuild.js';
import { replayFromLog } from '../memory/graph/replay.js';
import { rebuildSearchIndex, type SearchRebuildReport } from '../memory/search/rebuild-search-index.js';
import type { AppContext, AppHooks } from './app-context.js';
import { openGraphForProjection } from './graph.js';

/** What `outro replay` rebuilt: the fact tables and the graph, and the search index. */
export interface ReplayReport extends RebuildReport {
  search: SearchRebuildReport;
}

/** `outro replay`: every projection (fact tables, graph and its copy in the store, search index) dropped and rebuilt from the event log alone. */
export async function replay(ctx: AppContext, hooks: AppHooks = {}): Promise<ReplayReport> {
  const { db } = ctx.store();
  // Kùzu opens on its own thread while the search index is rebuilt here.
  const opening = openGraphForProjection(ctx.paths.graphDir, db);
  let search: SearchRebuildReport;
  try {
    search = rebuildSearchIndex(db);
  } catch (error) {
    await opening.then(
      (graph) => graph.close(),
      () => undefined,
    );
    throw error;
  }
  const graph = await opening;
  try {
    return { ...(await replayFromLog(db, graph, hooks.onReplayProgress)), search };
  } finally {
    await graph.close();
  }
}
