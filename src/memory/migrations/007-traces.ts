import type { Migration } from '../sqlite.js';

/**
 * Observability tables in the main store: spans of workflow steps, stage calls and model calls,
 * and the results of `outro eval` runs. Spans are a log of timings, pruned by age and size; eval
 * runs are kept until deleted (they are what `outro eval compare` reads).
 */
export const tracesMigration: Migration = {
  version: 7,
  name: 'traces and eval runs',
  up(db) {
    db.exec(`
      -- One finished span. Times are epoch milliseconds (fractional). attributes: JSON object,
      -- names after the OpenTelemetry GenAI conventions (gen_ai.*) plus outro.*.
      CREATE TABLE trace_spans (
        span_id TEXT PRIMARY KEY,
        trace_id TEXT NOT NULL,
        parent_id TEXT,
        -- The workflow or eval run the trace belongs to (what \`outro trace RUN\` looks up).
        run_id TEXT,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        start_ms REAL NOT NULL,
        end_ms REAL NOT NULL,
        status TEXT NOT NULL,
        error TEXT,
        attributes TEXT NOT NULL,
        -- Bytes of name, error and attributes: what pruning by size counts.
        bytes INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX trace_spans_by_trace ON trace_spans(trace_id, start_ms);
      CREATE INDEX trace_spans_by_run ON trace_spans(run_id) WHERE run_id IS NOT NULL;
      CREATE INDEX trace_spans_by_start ON trace_spans(start_ms);

      -- One \`outro eval run\`: what was measured, against which code, config and model.
      CREATE TABLE eval_runs (
        id TEXT PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        datasets TEXT NOT NULL,
        git_commit TEXT,
        config_hash TEXT NOT NULL,
        model_name TEXT,
        model_digest TEXT,
        trials INTEGER NOT NULL,
        threshold REAL,
        score REAL,
        summary TEXT NOT NULL,
        trace_id TEXT
      ); -- a rowid table: rowid is the order runs were started in, also when OUTRO_NOW pins the clock

      -- One scored (or skipped, or failed) item of one trial of an eval run.
      CREATE TABLE eval_items (
        run_id TEXT NOT NULL REFERENCES eval_runs(id) ON DELETE CASCADE,
        dataset TEXT NOT NULL,
        item_id TEXT NOT NULL,
        trial INTEGER NOT NULL,
        task TEXT NOT NULL,
        status TEXT NOT NULL,
        score REAL,
        scores TEXT NOT NULL,
        notes TEXT NOT NULL,
        output TEXT,
        error TEXT,
        judge TEXT,
        PRIMARY KEY (run_id, dataset, item_id, trial)
      ) WITHOUT ROWID;
    `);
  },
};
