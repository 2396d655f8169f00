import type { Migration } from '../sqlite.js';

/**
 * The last brief each reader saw (src/memory/brief-state.ts): `outro brief` with no
 * --since starts where the reader's previous brief ended. A read model, not an event: losing it
 * only means the next brief falls back to the last 24 hours.
 */
export const briefStateMigration: Migration = {
  version: 6,
  name: 'brief state per reader',
  up(db) {
    db.exec(`
      CREATE TABLE brief_state (
        -- the reader's human id (smallest person key of the linked identities)
        reader TEXT PRIMARY KEY,
        -- the end of the window of the last brief shown (ISO UTC)
        until TEXT NOT NULL,
        seen_at TEXT NOT NULL
      );
    `);
  },
};
