import type { KuzuDatabase } from './kuzu-database.js';
import { createIndexStatements, dropIndexStatements, FTS_INDEXES } from './kuzu-schema.js';

/** The names of the graph's indexes (full-text ones among them). */
export async function indexNames(db: KuzuDatabase): Promise<Set<string>> {
  const rows = await db.read(`CALL SHOW_INDEXES() RETURN *`);
  return new Set(rows.map((row) => String(row['index name'] ?? row.index_name ?? '')));
}

/** Whether every full-text index exists. */
export async function hasIndexes(db: KuzuDatabase): Promise<boolean> {
  const names = await indexNames(db);
  return FTS_INDEXES.every((index) => names.has(index.name));
}

/** Drops the full-text indexes that exist. */
export async function dropIndexes(db: KuzuDatabase): Promise<void> {
  const names = await indexNames(db);
  const drops = dropIndexStatements();
  for (const [i, index] of FTS_INDEXES.entries()) if (names.has(index.name)) await db.command(drops[i]);
}

/** Creates the full-text indexes that do not exist. */
export async function createIndexes(db: KuzuDatabase): Promise<void> {
  const names = await indexNames(db);
  const creates = createIndexStatements();
  for (const [i, index] of FTS_INDEXES.entries()) if (!names.has(index.name)) await db.command(creates[i]);
}

/**
 * The indexes as a graph is opened. After an unclean stop they are dropped and built again: Kùzu
 * 0.11.3 recovers the tables from its log after a SIGKILL inside a write that touched an indexed
 * table, but not the index, and every later write to that table segfaulted (kuzu-batch-crash.test.ts;
 * ~3 s per 100k rows, only after a crash). Missing ones are built now (a graph just created has
 * none and is not opened here: its first ingest builds them when it first writes records). A
 * SIGKILL inside CREATE_FTS_INDEX leaves a half-built index Kùzu can neither list, drop nor create
 * again ("… _docs already exists"): the graph is then reset, and the next command rebuilds it from
 * the log, as for a graph of another schema version. Returns whether the indexes exist.
 */
export async function indexOrReset(
  db: KuzuDatabase,
  unclean: boolean,
  reset: () => Promise<void>,
): Promise<boolean> {
  try {
    if (!unclean && (await hasIndexes(db))) return true;
    await dropIndexes(db);
    await createIndexes(db);
    return true;
  } catch (error) {
    if (!/already exists/i.test((error as Error).message)) throw error;
    await reset();
    return false;
  }
}
