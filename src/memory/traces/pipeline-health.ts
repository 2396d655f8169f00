import type { SqliteDatabase } from '../sqlite.js';
import type { SpanRecord } from './span-record.js';
import { SqliteSpanStore } from './sqlite-span-store.js';

/**
 * The store's tables as `outro status` reads them to summarise the pipeline's health
 * (observability/observability-summary.ts). A store may predate some tables (no engine, no
 * traces, no evals yet): each read then answers undefined, or null for dead letters.
 */
export interface PipelineHealthSource {
  /** Spans that started at or after `sinceMs`, oldest first; undefined without the trace tables. */
  spansSince(sinceMs: number): SpanRecord[] | undefined;
  /** Workflow runs created or finished at or after `since` (ISO), and how many failed or died; undefined without the engine's tables. */
  runsSince(since: string): { runs: number; failed: number } | undefined;
  /** Evaluation runs started at or after `since` (ISO); undefined without the eval tables. */
  evalRunsSince(since: string): number | undefined;
  /** Dead letters now: the bus's (status 'dead'), else rows of any table named like a dead-letter table; null when there is none. */
  deadLetters(): number | null;
}

export class SqlitePipelineHealth implements PipelineHealthSource {
  constructor(private readonly db: SqliteDatabase) {}

  spansSince(sinceMs: number): SpanRecord[] | undefined {
    return this.hasTable('trace_spans') ? new SqliteSpanStore(this.db).since(sinceMs) : undefined;
  }

  runsSince(since: string): { runs: number; failed: number } | undefined {
    if (!this.hasTable('workflow_runs')) return undefined;
    return this.db
      .prepare(
        "SELECT COUNT(*) AS runs, COALESCE(SUM(status IN ('failed', 'dead')), 0) AS failed FROM workflow_runs WHERE created_at >= ? OR finished_at >= ?",
      )
      .get(since, since) as { runs: number; failed: number };
  }

  evalRunsSince(since: string): number | undefined {
    if (!this.hasTable('eval_runs')) return undefined;
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM eval_runs WHERE started_at >= ?').get(since) as { n: number }
    ).n;
  }

  deadLetters(): number | null {
    const db = this.db;
    if (this.hasTable('bus_dead_letters'))
      return (
        db.prepare("SELECT COUNT(*) AS n FROM bus_dead_letters WHERE status = 'dead'").get() as { n: number }
      ).n;
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%dead_letter%'")
      .all() as { name: string }[];
    if (tables.length === 0) return null;
    return tables.reduce(
      (total, table) =>
        total +
        (db.prepare(`SELECT COUNT(*) AS n FROM "${table.name.replace(/"/g, '""')}"`).get() as { n: number })
          .n,
      0,
    );
  }

  private hasTable(name: string): boolean {
    return (
      this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
    );
  }
}
