import type { Migration } from '../sqlite.js';

export const eventLogMigration: Migration = {
  version: 1,
  name: 'event log, message heads, ingest runs',
  up(db) {
    db.exec(`
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        stream TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        causation_id TEXT,
        schema_version INTEGER NOT NULL,
        payload TEXT NOT NULL
      );
      -- One secondary index: reads by position use seq; reads of a channel or a type use this.
      CREATE INDEX events_by_type ON events(type, stream, occurred_at);

      -- Latest known text of each message, keyed by the seq of its message.posted event (appends in
      -- key order, so it costs little on a bulk ingest): lets a newer export of the same channel
      -- append an edit only when the text really changed. A projection of the log.
      CREATE TABLE message_heads (
        posted_seq INTEGER PRIMARY KEY,
        text_hash TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE ingest_runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        paths TEXT NOT NULL,
        files INTEGER NOT NULL DEFAULT 0,
        appended INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL
      );
      CREATE TABLE ingest_problems (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES ingest_runs(id),
        path TEXT NOT NULL,
        record_index INTEGER,
        severity TEXT NOT NULL,
        reason TEXT NOT NULL
      );
      CREATE INDEX ingest_problems_by_run ON ingest_problems(run_id);
    `);
  },
};
