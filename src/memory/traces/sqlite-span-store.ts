import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../sqlite.js';
import type { SpanAttributes, SpanKind, SpanRecord, SpanStatus } from './span-record.js';

export interface PruneOptions {
  /** Spans that started before this instant (epoch ms) are deleted. */
  olderThanMs?: number;
  /** Then the oldest traces are deleted, whole, until the table holds at most this many bytes. */
  maxBytes?: number;
}

export interface PruneResult {
  spans: number;
  traces: number;
}

export interface TraceSummary {
  traceId: string;
  runId: string | null;
  /** Name of the root span (the earliest span without a parent). */
  name: string;
  startMs: number;
  endMs: number;
  spans: number;
  errors: number;
}

interface SpanRow {
  span_id: string;
  trace_id: string;
  parent_id: string | null;
  run_id: string | null;
  name: string;
  kind: string;
  start_ms: number;
  end_ms: number;
  status: string;
  error: string | null;
  attributes: string;
}

/** Finished spans in SQLite (table trace_spans, migration 007). One writer: the tracer's sink. */
export class SqliteSpanStore {
  private readonly insertRow: Statement;
  private readonly byTrace: Statement;
  private readonly tracesOfRun: Statement;
  private readonly byPrefix: Statement;

  constructor(private readonly db: SqliteDatabase) {
    this.insertRow = db.prepare(
      `INSERT OR REPLACE INTO trace_spans (span_id, trace_id, parent_id, run_id, name, kind, start_ms, end_ms, status, error, attributes, bytes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byTrace = db.prepare('SELECT * FROM trace_spans WHERE trace_id = ? ORDER BY start_ms, span_id');
    this.tracesOfRun = db.prepare('SELECT DISTINCT trace_id FROM trace_spans WHERE run_id = ?');
    this.byPrefix = db.prepare('SELECT DISTINCT trace_id FROM trace_spans WHERE trace_id LIKE ? LIMIT 2');
  }

  insert(span: SpanRecord): void {
    const attributes = JSON.stringify(span.attributes);
    const bytes =
      Buffer.byteLength(attributes) +
      Buffer.byteLength(span.name) +
      (span.error ? Buffer.byteLength(span.error) : 0);
    this.insertRow.run(
      span.spanId,
      span.traceId,
      span.parentId,
      span.runId,
      span.name,
      span.kind,
      span.startMs,
      span.endMs,
      span.status,
      span.error,
      attributes,
      bytes,
    );
  }

  insertAll(spans: readonly SpanRecord[]): void {
    this.db.transaction(() => spans.forEach((span) => this.insert(span)))();
  }

  /** Every span of one trace, by start time. */
  trace(traceId: string): SpanRecord[] {
    return (this.byTrace.all(traceId) as SpanRow[]).map(toRecord);
  }

  /**
   * The trace ids a reference names: a run id (every trace recorded under it), a full trace id,
   * or a unique prefix of one (at least 6 hex digits).
   */
  resolve(reference: string): string[] {
    const ofRun = (this.tracesOfRun.all(reference) as { trace_id: string }[]).map((row) => row.trace_id);
    if (ofRun.length > 0) return ofRun;
    if (!/^[0-9a-f]{6,32}$/.test(reference)) return [];
    const matches = (this.byPrefix.all(`${reference}%`) as { trace_id: string }[]).map((row) => row.trace_id);
    return matches.length === 1 ? matches : [];
  }

  /** The latest traces, newest first. */
  recent(limit = 20): TraceSummary[] {
    const rows = this.db
      .prepare(
        `SELECT trace_id, MAX(run_id) AS run_id, MIN(start_ms) AS start_ms, MAX(end_ms) AS end_ms, COUNT(*) AS spans,
                SUM(status = 'error') AS errors
           FROM trace_spans GROUP BY trace_id ORDER BY MIN(start_ms) DESC LIMIT ?`,
      )
      .all(limit) as {
      trace_id: string;
      run_id: string | null;
      start_ms: number;
      end_ms: number;
      spans: number;
      errors: number;
    }[];
    const rootName = this.db.prepare(
      'SELECT name FROM trace_spans WHERE trace_id = ? AND parent_id IS NULL ORDER BY start_ms LIMIT 1',
    );
    return rows.map((row) => ({
      traceId: row.trace_id,
      runId: row.run_id,
      name: (rootName.get(row.trace_id) as { name: string } | undefined)?.name ?? '(no root span)',
      startMs: row.start_ms,
      endMs: row.end_ms,
      spans: row.spans,
      errors: row.errors,
    }));
  }

  /** Spans that started at or after `sinceMs`, oldest first (for summaries). */
  since(sinceMs: number): SpanRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM trace_spans WHERE start_ms >= ? ORDER BY start_ms')
        .all(sinceMs) as SpanRow[]
    ).map(toRecord);
  }

  totalBytes(): number {
    return (
      this.db.prepare('SELECT COALESCE(SUM(bytes), 0) AS bytes FROM trace_spans').get() as { bytes: number }
    ).bytes;
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM trace_spans').get() as { n: number }).n;
  }

  /** Deletes old spans, then whole oldest traces until the size fits. Never leaves half a trace for size. */
  prune(options: PruneOptions): PruneResult {
    return this.db.transaction((): PruneResult => {
      let spans = 0;
      let traces = 0;
      if (options.olderThanMs !== undefined) {
        const before = this.count();
        const gone = this.db
          .prepare('SELECT COUNT(DISTINCT trace_id) AS n FROM trace_spans WHERE start_ms < ?')
          .get(options.olderThanMs) as { n: number };
        this.db.prepare('DELETE FROM trace_spans WHERE start_ms < ?').run(options.olderThanMs);
        spans += before - this.count();
        traces += gone.n;
      }
      if (options.maxBytes !== undefined) {
        let total = this.totalBytes();
        if (total > options.maxBytes) {
          const oldest = this.db
            .prepare(
              'SELECT trace_id, SUM(bytes) AS bytes, COUNT(*) AS n FROM trace_spans GROUP BY trace_id ORDER BY MIN(start_ms)',
            )
            .all() as { trace_id: string; bytes: number; n: number }[];
          const drop = this.db.prepare('DELETE FROM trace_spans WHERE trace_id = ?');
          for (const trace of oldest) {
            if (total <= options.maxBytes) break;
            drop.run(trace.trace_id);
            total -= trace.bytes;
            spans += trace.n;
            traces++;
          }
        }
      }
      return { spans, traces };
    })();
  }
}

function toRecord(row: SpanRow): SpanRecord {
  return {
    spanId: row.span_id,
    traceId: row.trace_id,
    parentId: row.parent_id,
    runId: row.run_id,
    name: row.name,
    kind: row.kind as SpanKind,
    startMs: row.start_ms,
    endMs: row.end_ms,
    status: row.status as SpanStatus,
    error: row.error,
    attributes: JSON.parse(row.attributes) as SpanAttributes,
  };
}
