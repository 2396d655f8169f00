import type { GraphStore } from '../memory/graph/graph-store.js';
import { openGraphStore } from '../memory/graph/open-graph.js';

/**
 * The Kùzu graph in `graphDir`: the one way a use case opens it. Kùzu allows one process per
 * database, so the handle is shared within the process (the daemon's projector and the calls it
 * answers hold the same one); `close()` releases this use of it.
 */
export function openGraph(graphDir: string): Promise<GraphStore> {
  return openGraphStore(graphDir);
}
