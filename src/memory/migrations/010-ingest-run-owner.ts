import type { Migration } from '../sqlite.js';

/**
 * Who runs an ingest (`host:pid:nonce`, as workflow leases name their owner): a run left
 * "running" by a process that no longer exists (SIGKILL, power loss) is shown as interrupted
 * instead of running forever.
 */
export const ingestRunOwnerMigration: Migration = {
  version: 10,
  name: 'ingest run owner',
  up(db) {
    db.exec(`ALTER TABLE ingest_runs ADD COLUMN owner TEXT;`);
  },
};
