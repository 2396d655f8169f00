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
