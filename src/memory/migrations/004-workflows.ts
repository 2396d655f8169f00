import type { Migration } from '../sqlite.js';

/**
 * The durable workflow engine's tables (src/runtime/engine). One row per run, one row per
 * (run_id, step_seq) checkpoint. Lease times are epoch milliseconds.
 */
export const workflowsMigration: Migration = {
  version: 4,
  name: 'workflow runs and steps',
  up(db) {
    db.exec(`
      CREATE TABLE workflow_runs (
        id TEXT PRIMARY KEY,
        workflow TEXT NOT NULL,
        idempotency_key TEXT UNIQUE,
        input TEXT NOT NULL,
        -- pending | running | completed | failed | dead
        status TEXT NOT NULL,
        output TEXT,
        error TEXT,
        lease_owner TEXT,
        lease_expires_at INTEGER,
        -- times the run was taken over after its holder died without finishing
        recoveries INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finished_at TEXT
      );
      CREATE INDEX workflow_runs_by_status ON workflow_runs(status, created_at);

      CREATE TABLE workflow_steps (
        run_id TEXT NOT NULL REFERENCES workflow_runs(id) ON DELETE CASCADE,
        step_seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        -- completed | failed
        status TEXT NOT NULL,
        output TEXT,
        error TEXT,
        attempts INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        duration_ms REAL NOT NULL,
        PRIMARY KEY (run_id, step_seq)
      );
    `);
  },
};
