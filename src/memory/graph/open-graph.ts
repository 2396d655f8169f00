import type { GraphStore } from './graph-store.js';
import { acquireGraph } from './kuzu/shared-graph.js';

/**
 * The graph store in `graphDir`, shared within this process: the daemon's projector and the
 * commands it runs for the CLI hold one database (Kùzu allows one process per database and one
 * Database object per file). `close()` on the handle releases it; the database closes with the
 * last handle. Callers outside memory/ open the graph here, never through memory/graph/kuzu, so
 * the engine behind the GraphStore interface is chosen in one place.
 *
 * Importing this module loads Kùzu's native module (~0.5 s): import it lazily where a command may
 * never touch the graph.
 */
export function openGraphStore(graphDir: string): Promise<GraphStore> {
  return acquireGraph(graphDir);
}
