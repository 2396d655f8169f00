import type { StoredEvent } from '../../domain/events.js';
import { limitPageCache, type SqliteDatabase } from '../sqlite.js';
import { readEvents } from './event-source.js';
import type { GraphStore } from './graph-store.js';
import { PROJECTED_EVENT_TYPES } from './projected-event-types.js';

export interface CatchUpReport {
  /** Projected events applied (or replayed). */
  events: number;
  /** True when the graph was empty and rebuilt in bulk instead. */
  replayed: boolean;
  cursor: number;
}

/** An empty graph with more events than this is bulk-loaded (replay) rather than applied batch by batch. */
export const BULK_THRESHOLD = 5_000;
/** The page cache of a bulk load's single pass over the log. */
const BULK_PAGE_CACHE_KIB = 8 * 1024;

/**
 * Projected events applied at once. Large, so that one projection run writes a calendar series
 * (up to calendar.maxOccurrences meetings each) with one COPY per table: a COPY costs ~0.5 s
 * however few its rows (issue 16). Bounds memory: the events of one chunk are held together.
 */
export const CATCH_UP_CHUNK = 50_000;

/**
 * Brings the graph up to the end of the log when no daemon keeps it current (the CLI owns the
 * graph for the length of one command). Applies what came after the graph's cursor through the
 * projector, in chunks of CATCH_UP_CHUNK events read fully before each write (the claim index
 * writes to the same SQLite connection the events are read from).
 */
export async function catchUpGraph(
  db: SqliteDatabase,
  graph: GraphStore,
  options: {
    bulkThreshold?: number;
    chunk?: number;
    /** Called during a bulk load once its rows are written out (GraphLoadSource.written). */
    written?: () => void;
  } = {},
): Promise<CatchUpReport> {
  const lastSeq = (db.prepare('SELECT coalesce(max(seq), 0) AS n FROM events').get() as { n: number }).n;
  let cursor = await graph.cursor();
  if (cursor >= lastSeq) return { events: 0, replayed: false, cursor };
  if (!projectedEventAfter(db, cursor, lastSeq)) {
    // Only the cursor moves: the projector, the claim index and the event schemas (zod) are not loaded.
    await graph.write({ records: {}, slots: [], cursor: lastSeq });
    return { events: 0, replayed: false, cursor: lastSeq };
  }
  const [{ GraphProjector }, { SqliteClaimIndex }, { replayFromLog }] = await Promise.all([
    import('./projector.js'),
    import('../facts/sqlite-claim-index.js'),
    import('./replay.js'),
  ]);
  if (cursor === 0) {
    const count = (
      db
        .prepare(
          `SELECT count(*) AS n FROM events WHERE type IN (${PROJECTED_EVENT_TYPES.map(() => '?').join(', ')})`,
        )
        .get(...PROJECTED_EVENT_TYPES) as { n: number }
    ).n;
    if (count > (options.bulkThreshold ?? BULK_THRESHOLD)) {
      // The load reads the log once, in order: a full page cache (64 MiB) would sit under Kùzu's COPY.
      const restore = limitPageCache(db, BULK_PAGE_CACHE_KIB);
      try {
        const report = await replayFromLog(db, graph, undefined, options.written);
        return { events: report.events, replayed: true, cursor: report.cursor };
      } finally {
        restore();
      }
    }
  }
  const projector = new GraphProjector(new SqliteClaimIndex(db), graph);
  const chunk = options.chunk ?? CATCH_UP_CHUNK;
  let events = 0;
  while (cursor < lastSeq) {
    const batch: StoredEvent[] = [];
    let upto = lastSeq;
    for (const event of readEvents(db, PROJECTED_EVENT_TYPES, cursor, lastSeq)) {
      batch.push(event);
      if (batch.length >= chunk) {
        upto = event.seq;
        break;
      }
    }
    if (batch.length > 0) events += (await projector.apply(batch)).events;
    if (batch.length === 0 || (await graph.cursor()) < upto)
      await graph.write({ records: {}, slots: [], cursor: upto });
    cursor = upto;
  }
  return { events, replayed: false, cursor };
}

/** Whether the log holds an event the graph reads with afterSeq < seq <= uptoSeq (walked in seq order, as readEvents does). */
function projectedEventAfter(db: SqliteDatabase, afterSeq: number, uptoSeq: number): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM events WHERE seq > ? AND seq <= ? AND +type IN (${PROJECTED_EVENT_TYPES.map(() => '?').join(', ')}) LIMIT 1`,
      )
      .get(afterSeq, uptoSeq, ...PROJECTED_EVENT_TYPES) !== undefined
  );
}
