import type { RebuildReport } from '../memory/graph/rebuild.js';
import { replayFromLog } from '../memory/graph/replay.js';
import type { AppContext, AppHooks } from './app-context.js';
import { openGraph } from './graph.js';

/** `outro replay`: every projection (fact tables, graph) dropped and rebuilt from the event log alone. */
export async function replay(ctx: AppContext, hooks: AppHooks = {}): Promise<RebuildReport> {
  const { db } = ctx.store();
  const graph = await openGraph(ctx.paths.graphDir);
  try {
    return await replayFromLog(db, graph, hooks.onReplayProgress);
  } finally {
    await graph.close();
  }
}
