import type { Migration } from '../sqlite.js';

/**
 * The people directory as the last reader built it, keyed by the people events it was built from
 * (`version`): its humans, profiles and links as JSON, and its name index as rows, so that a cold
 * `ask` over thousands of people reads the humans and looks up the few names the question holds
 * instead of grouping every profile again. A cache: deleting the rows loses only time.
 */
export const peopleSnapshotMigration: Migration = {
  version: 14,
  name: 'people directory snapshot',
  up(db) {
    db.exec(`
      CREATE TABLE people_snapshot (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version TEXT NOT NULL,
        humans TEXT NOT NULL,
        profiles TEXT NOT NULL,
        links TEXT NOT NULL
      );
      -- One name index's normalized form (kind: 0 a name form, 1 a name word, 2 a form chat text
      -- names people by) and the humans that have it (JSON array of indexes into
      -- people_snapshot.humans).
      CREATE TABLE people_names (
        kind INTEGER NOT NULL,
        form TEXT NOT NULL,
        humans TEXT NOT NULL,
        PRIMARY KEY (kind, form)
      ) WITHOUT ROWID;
    `);
  },
};
