import type { Migration } from '../sqlite.js';

export const stageCacheMigration: Migration = {
  version: 2,
  name: 'stage cache',
  up(db) {
    db.exec(`
      -- Outputs of pipeline stages keyed by hash(stage, version, strategy id, prompt/schema hashes, input hash).
      -- A cache: deleting it loses nothing but time.
      CREATE TABLE stage_cache (
        key TEXT PRIMARY KEY,
        stage TEXT NOT NULL,
        version TEXT NOT NULL,
        strategy TEXT NOT NULL,
        output TEXT NOT NULL,
        provenance TEXT NOT NULL,
        created_at TEXT NOT NULL,
        hits INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;
      CREATE INDEX stage_cache_by_stage ON stage_cache(stage, version);
    `);
  },
};
