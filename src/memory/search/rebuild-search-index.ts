import type { SqliteDatabase } from '../sqlite.js';
import { SEARCH_EVENT_TYPES } from './search-ops-of-event.js';
import { SearchBulkWriter } from './search-bulk-writer.js';

export interface SearchRebuildReport {
  /** Events of types the index reads. */
  events: number;
  invalid: number;
  /** Documents in the index afterwards. */
  docs: number;
  /** The log's last seq when the rebuild began: the index reflects every event up to it. */
  cursor: number;
  timings: { readMs: number; writeMs: number; indexMs: number; totalMs: number };
  /** The same phases in CPU milliseconds (the process's, user and system): wall time on a shared machine says little. */
  cpu: { readMs: number; writeMs: number; indexMs: number; totalMs: number };
}

/** CPU milliseconds this process has used so far. */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Seqs read per page: the events are read and parsed before their rows are written (one connection); a small page lets them die young. */
const PAGE_SEQS = 1_000;

/**
 * Drops the search index and rebuilds it from the whole event log, in one transaction: the
 * documents are written through the same ops as `applySearchEvents` (so the result is the same as
 * applying every event incrementally), without touching FTS5 row by row; the full-text index is
 * then built from them in one pass.
 */
export function rebuildSearchIndex(db: SqliteDatabase): SearchRebuildReport {
  const started = performance.now();
  const cpuStarted = cpuNow();
  const timings = { readMs: 0, writeMs: 0, indexMs: 0, totalMs: 0 };
  const cpu = { readMs: 0, writeMs: 0, indexMs: 0, totalMs: 0 };
  let events = 0;
  let invalid = 0;
  let cursor = 0;
  db.transaction(() => {
    cursor = db.prepare('SELECT coalesce(max(seq), 0) FROM events').pluck().get() as number;
    for (const table of [
      'search_docs',
      'search_filters',
      'search_removed',
      'search_states',
      'search_people',
      'search_channels',
      'search_conversations',
      'search_links',
    ])
      db.exec(`DELETE FROM ${table}`);
    const writer = new SearchBulkWriter(db);
    // Only what the projection reads; `+type` walks the log in seq order instead of the type index.
    const read = db
      .prepare(
        `SELECT seq, type, payload FROM events WHERE seq > ? AND seq <= ? AND +type IN (${SEARCH_EVENT_TYPES.map(() => '?').join(', ')}) ORDER BY seq`,
      )
      .raw(true);
    for (let after = 0; after < cursor; after += PAGE_SEQS) {
      const readStarted = performance.now();
      const readCpu = cpuNow();
      const rows = read.all(after, Math.min(cursor, after + PAGE_SEQS), ...SEARCH_EVENT_TYPES) as Array<
        [number, string, unknown]
      >;
      for (const row of rows) row[2] = JSON.parse(row[2] as string);
      const writeStarted = performance.now();
      const writeCpu = cpuNow();
      timings.readMs += writeStarted - readStarted;
      cpu.readMs += writeCpu - readCpu;
      events += rows.length;
      for (const [seq, type, payload] of rows) if (!writer.event(seq, type, payload)) invalid++;
      timings.writeMs += performance.now() - writeStarted;
      cpu.writeMs += cpuNow() - writeCpu;
    }
    const indexStarted = performance.now();
    const indexCpu = cpuNow();
    writer.finish();
    timings.indexMs = performance.now() - indexStarted;
    cpu.indexMs = cpuNow() - indexCpu;
  })();
  const docs = db.prepare('SELECT count(*) FROM search_docs').pluck().get() as number;
  timings.totalMs = performance.now() - started;
  cpu.totalMs = cpuNow() - cpuStarted;
  return { events, invalid, docs, cursor, timings, cpu };
}
