import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../sqlite.js';

/**
 * The workflow engine's tables (migration 004): one row per run, one per checkpointed step. The
 * engine (runtime/engine) reads and writes them only through RunStore.
 */

export type RunStatus = 'pending' | 'running' | 'completed' | 'failed' | 'dead';

export interface RunRecord {
  id: string;
  workflow: string;
  idempotencyKey: string | null;
  input: unknown;
  status: RunStatus;
  output: unknown;
  error: string | null;
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
  recoveries: number;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface StepRecord {
  runId: string;
  stepSeq: number;
  name: string;
  status: 'completed' | 'failed';
  output: unknown;
  error: string | null;
  attempts: number;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
}

interface RunRow {
  id: string;
  workflow: string;
  idempotency_key: string | null;
  input: string;
  status: RunStatus;
  output: string | null;
  error: string | null;
  lease_owner: string | null;
  lease_expires_at: number | null;
  recoveries: number;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

interface StepRow {
  run_id: string;
  step_seq: number;
  name: string;
  status: 'completed' | 'failed';
  output: string | null;
  error: string | null;
  attempts: number;
  started_at: string;
  finished_at: string;
  duration_ms: number;
}

export const parseJson = (text: string | null): unknown =>
  text === null ? undefined : (JSON.parse(text) as unknown);
export const toJson = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

export function toRun(row: RunRow): RunRecord {
  return {
    id: row.id,
    workflow: row.workflow,
    idempotencyKey: row.idempotency_key,
    input: parseJson(row.input),
    status: row.status,
    output: parseJson(row.output),
    error: row.error,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at,
    recoveries: row.recoveries,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

function toStep(row: StepRow): StepRecord {
  return {
    runId: row.run_id,
    stepSeq: row.step_seq,
    name: row.name,
    status: row.status,
    output: parseJson(row.output),
    error: row.error,
    attempts: row.attempts,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
  };
}

export interface RunListOptions {
  status?: RunStatus;
  workflow?: string;
  limit?: number;
}

/** The engine's tables: its reads and writes, and what `outro runs` and `outro status` show. */
export class RunStore {
  private readonly statements = new Map<string, Statement>();

  constructor(readonly db: SqliteDatabase) {}

  /** Runs `fn` in one IMMEDIATE transaction (the write lock taken at once), or inside the current one. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** Records a pending run. */
  insert(run: {
    id: string;
    workflow: string;
    idempotencyKey: string | null;
    input: unknown;
    at: string;
  }): void {
    this.statement(
      `INSERT INTO workflow_runs (id, workflow, idempotency_key, input, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)`,
    ).run(run.id, run.workflow, run.idempotencyKey, toJson(run.input) ?? 'null', run.at, run.at);
  }

  /** Takes the run's lease for `owner` (status running). */
  claim(runId: string, owner: string, leaseExpiresAt: number, recoveries: number, at: string): void {
    this.statement(
      "UPDATE workflow_runs SET status = 'running', lease_owner = ?, lease_expires_at = ?, recoveries = ?, updated_at = ? WHERE id = ?",
    ).run(owner, leaseExpiresAt, recoveries, at, runId);
  }

  /** Extends `owner`'s lease; false when the run is no longer `owner`'s. */
  renewLease(runId: string, owner: string, leaseExpiresAt: number): boolean {
    return (
      this.statement('UPDATE workflow_runs SET lease_expires_at = ? WHERE id = ? AND lease_owner = ?').run(
        leaseExpiresAt,
        runId,
        owner,
      ).changes === 1
    );
  }

  /** Who holds the run's lease: null when nobody, undefined when there is no such run. */
  leaseOwner(runId: string): string | null | undefined {
    const row = this.statement('SELECT lease_owner FROM workflow_runs WHERE id = ?').get(runId) as
      { lease_owner: string | null } | undefined;
    return row?.lease_owner;
  }

  /** Marks the run dead (interrupted too often), whoever held it. */
  markDead(runId: string, error: string, recoveries: number, at: string): void {
    this.statement(
      "UPDATE workflow_runs SET status = 'dead', error = ?, recoveries = ?, lease_owner = NULL, lease_expires_at = NULL, updated_at = ?, finished_at = ? WHERE id = ?",
    ).run(error, recoveries, at, at, runId);
  }

  /** Records the run's outcome if `owner` still holds it; false when it does not. */
  finish(
    runId: string,
    owner: string,
    outcome: { status: 'completed' | 'failed'; output?: unknown; error: string | null; at: string },
  ): boolean {
    const result = this.statement(
      'UPDATE workflow_runs SET status = ?, output = ?, error = ?, lease_owner = NULL, lease_expires_at = NULL, updated_at = ?, finished_at = ? WHERE id = ? AND lease_owner = ?',
    ).run(outcome.status, toJson(outcome.output), outcome.error, outcome.at, outcome.at, runId, owner);
    return result.changes === 1;
  }

  /** Gives `owner`'s lease back without finishing: the run is pending again. */
  release(runId: string, owner: string, at: string): void {
    this.statement(
      "UPDATE workflow_runs SET status = 'pending', lease_owner = NULL, lease_expires_at = NULL, updated_at = ? WHERE id = ? AND lease_owner = ?",
    ).run(at, runId, owner);
  }

  /** Writes (or rewrites) a step's checkpoint. */
  saveStep(step: StepRecord): void {
    this.statement(
      `INSERT OR REPLACE INTO workflow_steps (run_id, step_seq, name, status, output, error, attempts, started_at, finished_at, duration_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      step.runId,
      step.stepSeq,
      step.name,
      step.status,
      toJson(step.output),
      step.error,
      step.attempts,
      step.startedAt,
      step.finishedAt,
      step.durationMs,
    );
  }

  get(runId: string): RunRecord | undefined {
    const row = this.statement('SELECT * FROM workflow_runs WHERE id = ?').get(runId) as RunRow | undefined;
    return row ? toRun(row) : undefined;
  }

  byKey(key: string): RunRecord | undefined {
    const row = this.db.prepare('SELECT * FROM workflow_runs WHERE idempotency_key = ?').get(key) as
      RunRow | undefined;
    return row ? toRun(row) : undefined;
  }

  steps(runId: string): StepRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM workflow_steps WHERE run_id = ? ORDER BY step_seq')
        .all(runId) as StepRow[]
    ).map(toStep);
  }

  step(runId: string, stepSeq: number): StepRecord | undefined {
    const row = this.statement('SELECT * FROM workflow_steps WHERE run_id = ? AND step_seq = ?').get(
      runId,
      stepSeq,
    ) as StepRow | undefined;
    return row ? toStep(row) : undefined;
  }

  list(options: RunListOptions = {}): RunRecord[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (options.status) {
      where.push('status = ?');
      params.push(options.status);
    }
    if (options.workflow) {
      where.push('workflow = ?');
      params.push(options.workflow);
    }
    const sql = `SELECT * FROM workflow_runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, rowid DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...params, options.limit ?? 20) as RunRow[]).map(toRun);
  }

  /** Runs not finished: pending, or running (possibly under a dead holder's lease). */
  unfinished(limit = 100): RunRecord[] {
    return (
      this.db
        .prepare(
          "SELECT * FROM workflow_runs WHERE status IN ('pending', 'running') ORDER BY created_at, rowid LIMIT ?",
        )
        .all(limit) as RunRow[]
    ).map(toRun);
  }

  counts(): Record<RunStatus, number> {
    const out: Record<RunStatus, number> = { pending: 0, running: 0, completed: 0, failed: 0, dead: 0 };
    for (const row of this.db
      .prepare('SELECT status, count(*) AS n FROM workflow_runs GROUP BY status')
      .all() as { status: RunStatus; n: number }[])
      out[row.status] = row.n;
    return out;
  }

  /** Step totals per run, for listings. */
  stepSummary(runId: string): { steps: number; attempts: number; durationMs: number } {
    const row = this.db
      .prepare(
        'SELECT count(*) AS steps, coalesce(sum(attempts), 0) AS attempts, coalesce(sum(duration_ms), 0) AS duration FROM workflow_steps WHERE run_id = ?',
      )
      .get(runId) as { steps: number; attempts: number; duration: number };
    return { steps: row.steps, attempts: row.attempts, durationMs: row.duration };
  }

  /**
   * Makes dead (and failed) runs pending again, forgetting their recoveries and failed steps;
   * completed steps keep their checkpoints. Returns the runs reset.
   */
  retry(runId?: string): string[] {
    const ids = runId
      ? (this.db
          .prepare("SELECT id FROM workflow_runs WHERE id = ? AND status IN ('dead', 'failed')")
          .all(runId) as { id: string }[])
      : (this.db.prepare("SELECT id FROM workflow_runs WHERE status = 'dead'").all() as { id: string }[]);
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const { id } of ids) {
        this.db.prepare("DELETE FROM workflow_steps WHERE run_id = ? AND status = 'failed'").run(id);
        this.db
          .prepare(
            "UPDATE workflow_runs SET status = 'pending', error = NULL, recoveries = 0, lease_owner = NULL, lease_expires_at = NULL, finished_at = NULL, updated_at = ? WHERE id = ?",
          )
          .run(now, id);
      }
    })();
    return ids.map((row) => row.id);
  }

  /** Statements are prepared once per store: the engine runs the same few many times. */
  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }
}
