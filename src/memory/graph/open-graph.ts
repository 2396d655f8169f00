import { OutroError } from '../../domain/errors.js';
import type { GraphStore } from './graph-store.js';
import { acquireGraph } from './kuzu/shared-graph.js';
import type { SqliteDatabase } from '../sqlite.js';
import { MirroredGraphStore } from './sqlite/mirrored-graph-store.js';
import { SqliteGraphStore } from './sqlite/sqlite-graph-store.js';

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

/**
 * The graph as what projects into it opens it: Kùzu in `graphDir` with its copy in the main store
 * `db` (SqliteGraphStore), written together, so that commands that only read can answer from the
 * copy without opening Kùzu (see graphCopyReady).
 */
export async function openProjectedGraphStore(graphDir: string, db: SqliteDatabase): Promise<GraphStore> {
  return new MirroredGraphStore(await openGraphStore(graphDir), new SqliteGraphStore(db));
}

/** What `outro doctor` finds when it opens the graph for reading. */
export type GraphCheck =
  | { state: 'ok'; tables: number }
  | { state: 'missing' }
  /** Another process (the daemon, an ingest) has it open for writing: not checked. */
  | { state: 'busy'; message: string }
  | { state: 'damaged'; message: string };

/** Opens the graph in `graphDir` read-only, lists its tables and closes it; never throws. */
export async function checkGraph(graphDir: string): Promise<GraphCheck> {
  const { KuzuDatabase } = await import('./kuzu/kuzu-database.js');
  let db;
  try {
    db = await KuzuDatabase.open(graphDir, { readOnly: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof OutroError && error.code === 'NOT_FOUND') return { state: 'missing' };
    if (error instanceof OutroError && error.code === 'STORE_LOCKED') return { state: 'busy', message };
    return { state: 'damaged', message };
  }
  try {
    return { state: 'ok', tables: (await db.read('CALL SHOW_TABLES() RETURN name')).length };
  } catch (error) {
    return { state: 'damaged', message: error instanceof Error ? error.message : String(error) };
  } finally {
    await db.close();
  }
}
