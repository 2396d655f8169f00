import { isOutroError } from '../domain/errors.js';
import type { GraphStore } from '../memory/graph/graph-store.js';
import type { SqliteDatabase } from '../memory/sqlite.js';

/**
 * The Kùzu graph in `graphDir`: the one way a use case opens it. Kùzu allows one process per
 * database, so the handle is shared within the process (the daemon's projector and the calls it
 * answers hold the same one); `close()` releases this use of it.
 */
export async function openGraph(graphDir: string): Promise<GraphStore> {
  // Loaded here: importing it loads Kùzu's native module, which a query answered from the copy never needs.
  return (await import('../memory/graph/open-graph.js')).openGraphStore(graphDir);
}

/** The graph as what projects into it opens it: Kùzu and its copy in the main store `db`, written together. */
export async function openGraphForProjection(graphDir: string, db: SqliteDatabase): Promise<GraphStore> {
  return (await import('../memory/graph/open-graph.js')).openProjectedGraphStore(graphDir, db);
}

/**
 * Whether queries read the graph's copy in the main store (the default) or Kùzu itself
 * (OUTRO_GRAPH_READS=kuzu: to compare the two, or to rule the copy out).
 */
export function graphReadsFromCopy(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.OUTRO_GRAPH_READS !== 'kuzu';
}

/** How long a query waits for a graph another process holds (OUTRO_GRAPH_WAIT_MS, default 5 s). */
export function graphWaitMs(env: Readonly<Record<string, string | undefined>>): number {
  const value = Number(env.OUTRO_GRAPH_WAIT_MS);
  return Number.isFinite(value) && value >= 0 ? value : 5_000;
}

/**
 * The graph for a query. With `copy` (the main store) whose copy of the graph holds something: that
 * copy (the caller catches it up with the log; Kùzu is not opened, which alone costs ~0.5 CPU s).
 * Otherwise Kùzu. Without a daemon, an ingest in another process holds the Kùzu graph
 * (one process per database) for as long as it runs: the query waits up to `waitMs` for it,
 * then answers from a projection of the log made in memory for this call (the graph is a
 * projection of the log, so the answers are the same, only slower to get), saying so in
 * `degraded`. It never fails just because an ingest runs.
 */
export async function openGraphForQuery(
  graphDir: string,
  waitMs: number,
  copy?: SqliteDatabase,
): Promise<{ graph: GraphStore; degraded?: string }> {
  if (copy) {
    const { graphCopyCursor, SqliteGraphStore } =
      await import('../memory/graph/sqlite/sqlite-graph-store.js');
    if (graphCopyCursor(copy) > 0) return { graph: new SqliteGraphStore(copy) };
  }
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return { graph: await openGraph(graphDir) };
    } catch (error) {
      if (!isOutroError(error, 'STORE_LOCKED')) throw error;
      if (Date.now() >= deadline)
        return {
          // Loaded here: a cold query starts Kùzu's open before it loads the graph code.
          graph: new (await import('../memory/graph/memory-graph-store.js')).MemoryGraphStore(),
          degraded: `graph busy: another outro process (an ingest?) has the graph open, so this answer was read from the log (slower); run the daemon (\`outro daemon start\`) to share it`,
        };
      await new Promise((resolve) => setTimeout(resolve, Math.min(250, Math.max(0, deadline - Date.now()))));
    }
  }
}
