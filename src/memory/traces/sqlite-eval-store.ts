import type { SqliteDatabase } from '../sqlite.js';

/** One `outro eval run` as stored (table eval_runs, migration 007). */
export interface EvalRunRecord {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  datasets: { name: string; version: string; task: string; file: string; rows: number }[];
  gitCommit: string | null;
  configHash: string;
  modelName: string | null;
  modelDigest: string | null;
  trials: number;
  threshold: number | null;
  score: number | null;
  /** The per-dataset results and anything else the report shows, as JSON. */
  summary: unknown;
  traceId: string | null;
}

export type EvalItemStatus = 'scored' | 'skipped' | 'error';

export interface EvalItemRecord {
  runId: string;
  dataset: string;
  itemId: string;
  trial: number;
  task: string;
  status: EvalItemStatus;
  score: number | null;
  scores: Record<string, number>;
  /** What was missed or extra ("missed: …", "extra: …"). */
  notes: string[];
  output: unknown;
  error: string | null;
  /** The judge's verdict, prompt and raw votes, when a judge ran. */
  judge: unknown;
}

interface RunRow {
  id: string;
  started_at: string;
  finished_at: string | null;
  datasets: string;
  git_commit: string | null;
  config_hash: string;
  model_name: string | null;
  model_digest: string | null;
  trials: number;
  threshold: number | null;
  score: number | null;
  summary: string;
  trace_id: string | null;
}

/** Eval runs and their items in SQLite. */
export class SqliteEvalStore {
  constructor(private readonly db: SqliteDatabase) {}

  saveRun(run: EvalRunRecord): void {
    this.db
      .prepare(
        // An upsert, not INSERT OR REPLACE: a replace deletes the row first, and with it (cascade) the run's items.
        `INSERT INTO eval_runs (id, started_at, finished_at, datasets, git_commit, config_hash, model_name, model_digest, trials, threshold, score, summary, trace_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET finished_at = excluded.finished_at, datasets = excluded.datasets, git_commit = excluded.git_commit,
           config_hash = excluded.config_hash, model_name = excluded.model_name, model_digest = excluded.model_digest, trials = excluded.trials,
           threshold = excluded.threshold, score = excluded.score, summary = excluded.summary, trace_id = excluded.trace_id`,
      )
      .run(
        run.id,
        run.startedAt,
        run.finishedAt,
        JSON.stringify(run.datasets),
        run.gitCommit,
        run.configHash,
        run.modelName,
        run.modelDigest,
        run.trials,
        run.threshold,
        run.score,
        JSON.stringify(run.summary),
        run.traceId,
      );
  }

  saveItems(items: readonly EvalItemRecord[]): void {
    const insert = this.db.prepare(
      `INSERT OR REPLACE INTO eval_items (run_id, dataset, item_id, trial, task, status, score, scores, notes, output, error, judge) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      for (const item of items) {
        insert.run(
          item.runId,
          item.dataset,
          item.itemId,
          item.trial,
          item.task,
          item.status,
          item.score,
          JSON.stringify(item.scores),
          JSON.stringify(item.notes),
          item.output === undefined ? null : JSON.stringify(item.output),
          item.error,
          item.judge === undefined || item.judge === null ? null : JSON.stringify(item.judge),
        );
      }
    })();
  }

  /** A run by id, unique id prefix, `latest`, or `latest~N` (N runs before the latest, in the order they were started). */
  findRun(reference: string): EvalRunRecord | undefined {
    const back = /^latest(?:~(\d+))?$/.exec(reference);
    if (back) {
      const row = this.db
        .prepare('SELECT * FROM eval_runs ORDER BY rowid DESC LIMIT 1 OFFSET ?')
        .get(Number(back[1] ?? 0)) as RunRow | undefined;
      return row && toRun(row);
    }
    const exact = this.db.prepare('SELECT * FROM eval_runs WHERE id = ?').get(reference) as
      RunRow | undefined;
    if (exact) return toRun(exact);
    const prefixed = this.db
      .prepare('SELECT * FROM eval_runs WHERE id LIKE ? LIMIT 2')
      .all(`${reference.replace(/[%_]/g, '')}%`) as RunRow[];
    return prefixed.length === 1 ? toRun(prefixed[0]) : undefined;
  }

  runs(limit = 20): EvalRunRecord[] {
    return (
      this.db.prepare('SELECT * FROM eval_runs ORDER BY rowid DESC LIMIT ?').all(limit) as RunRow[]
    ).map(toRun);
  }

  items(runId: string): EvalItemRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM eval_items WHERE run_id = ? ORDER BY dataset, item_id, trial')
      .all(runId) as {
      run_id: string;
      dataset: string;
      item_id: string;
      trial: number;
      task: string;
      status: EvalItemStatus;
      score: number | null;
      scores: string;
      notes: string;
      output: string | null;
      error: string | null;
      judge: string | null;
    }[];
    return rows.map((row) => ({
      runId: row.run_id,
      dataset: row.dataset,
      itemId: row.item_id,
      trial: row.trial,
      task: row.task,
      status: row.status,
      score: row.score,
      scores: JSON.parse(row.scores) as Record<string, number>,
      notes: JSON.parse(row.notes) as string[],
      output: row.output === null ? undefined : (JSON.parse(row.output) as unknown),
      error: row.error,
      judge: row.judge === null ? null : (JSON.parse(row.judge) as unknown),
    }));
  }
}

function toRun(row: RunRow): EvalRunRecord {
  return {
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    datasets: JSON.parse(row.datasets) as EvalRunRecord['datasets'],
    gitCommit: row.git_commit,
    configHash: row.config_hash,
    modelName: row.model_name,
    modelDigest: row.model_digest,
    trials: row.trials,
    threshold: row.threshold,
    score: row.score,
    summary: JSON.parse(row.summary) as unknown,
    traceId: row.trace_id,
  };
}
