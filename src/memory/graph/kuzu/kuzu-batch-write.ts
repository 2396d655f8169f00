import { join } from 'node:path';
import { RECORD_KINDS, type GraphBatch, type MeetingNode } from '../graph-records.js';
import { LoadFiles, loadRecords, loadSlots } from './kuzu-batch-load.js';
import { copyAppend } from './kuzu-bulk-load.js';
import type { KuzuDatabase } from './kuzu-database.js';
import { TABLE_SPECS, type TableSpec } from './kuzu-rows.js';
import { keyColumn, type NodeTable } from './kuzu-schema.js';
import { byKeys, replaceSlot, upsert } from './kuzu-writes.js';

/**
 * Records of one kind (or fact versions) in a batch from which LOAD FROM beats row-by-row writes:
 * a LOAD costs ~10-40 ms whatever its rows, a row ~0.4-1 ms, and a kind takes 2-5 LOADs.
 */
export const LOAD_MIN = 32;

/** A batch with at least this many meetings writes them by COPY (issue 16: ~280 meetings/s by MERGE). */
const COPY_APPEND_MIN = 200;

/**
 * Writes one batch of the graph projection in one transaction (after the COPY of a large batch of
 * meetings): kinds with at least `loadMin` records, and slots with at least `loadMin` fact
 * versions, by LOAD FROM a CSV file (kuzu-batch-load.ts); fewer, row by row (kuzu-writes.ts).
 */
export async function writeBatch(
  db: KuzuDatabase,
  graphDir: string,
  batch: GraphBatch,
  loadMin: number,
): Promise<void> {
  batch = await copyMeetings(db, graphDir, batch);
  const load = new LoadFiles(join(graphDir, 'batch'));
  try {
    await db.transaction(async (exec, once) => {
      for (const kind of RECORD_KINDS) {
        const records = batch.records[kind] ?? [];
        const spec = TABLE_SPECS[kind] as TableSpec<typeof kind>;
        if (records.length >= loadMin) await loadRecords(once, load, kind, spec, records);
        else for (const record of records) await upsert(exec, spec, record);
      }
      const versions = batch.slots.reduce((sum, slot) => sum + Math.max(1, slot.facts.length), 0);
      if (versions >= loadMin) await loadSlots(once, load, batch.slots);
      else for (const { slot, facts } of batch.slots) await replaceSlot(exec, slot, facts);
      if (batch.cursor !== undefined)
        await exec(`MERGE (m:Meta {key: 'cursor'}) SET m.value = $value`, { value: String(batch.cursor) });
    });
  } finally {
    load.remove();
  }
}

/**
 * Meetings, when a batch holds many (a recurring series expanded, or moved as a whole), go in by
 * one COPY per table before the transaction. A meeting is the only owner of its ATTENDS edges and
 * never an edge end of another record, so those already in the graph are deleted with their edges
 * and copied again. Written before the cursor moves: a failure leaves the cursor where it was, and
 * the batch runs again (`outro replay` rebuilds the graph exactly if a COPY failed after its
 * delete). COPY stays here rather than LOAD FROM inside the transaction: for a new series of
 * 5,000 the projection run cost 0.62-0.70 CPU s by COPY, 0.69-0.86 by LOAD; moved, 1.1-2.0
 * against 1.7-2.2 (bench/meetings-graph.ts, 2 shared cores, runs alternated).
 */
async function copyMeetings(db: KuzuDatabase, graphDir: string, batch: GraphBatch): Promise<GraphBatch> {
  const meetings = batch.records.meeting ?? [];
  if (meetings.length < COPY_APPEND_MIN) return batch;
  const unique = new Map<string, MeetingNode>();
  for (const meeting of meetings) unique.set(meeting.id, meeting);
  const present = [...(await existingKeys(db, 'Meeting', [...unique.keys()]))];
  if (present.length > 0)
    await db.transaction(async (exec) => {
      for (let at = 0; at < present.length; at += 5_000)
        await exec(byKeys('Meeting', 'id', 'DETACH DELETE n'), { ids: present.slice(at, at + 5_000) });
    });
  await copyAppend(db, graphDir, 'meeting', [...unique.values()], (table, keys) =>
    existingKeys(db, table, keys),
  );
  return { ...batch, records: { ...batch.records, meeting: [] } };
}

async function existingKeys(
  db: KuzuDatabase,
  table: NodeTable,
  keys: readonly string[],
): Promise<Set<string>> {
  const key = keyColumn(table);
  const found = new Set<string>();
  if (keys.length === 0) return found; // an empty list parameter crashes Kùzu 0.11.3
  for (let at = 0; at < keys.length; at += 5_000) {
    const rows = await db.read(byKeys(table, key, `RETURN n.${key} AS k`), {
      ids: keys.slice(at, at + 5_000) as string[],
    });
    for (const row of rows) found.add(String(row.k));
  }
  return found;
}
