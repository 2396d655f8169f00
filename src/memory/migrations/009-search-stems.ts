import type { Migration } from '../sqlite.js';

/**
 * The search index matches word forms ("isolating" finds "isolation", "agencies" finds "agency"):
 * search_fts is made again with the Porter stemmer in front of unicode61, and filled from
 * search_docs (a projection: nothing is lost). Messages are found by conversation, so an answer
 * can read the thread around a hit (partial index: items and facts carry the id too).
 */
export const searchStemsMigration: Migration = {
  version: 9,
  name: 'search index: stems and conversations',
  up(db) {
    db.exec(`
      DROP TABLE search_fts;
      CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body,
        content = 'search_docs', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2',
        detail = full
      );
      INSERT INTO search_fts (search_fts) VALUES ('rebuild');
      CREATE INDEX search_docs_by_conversation ON search_docs (conversation_id) WHERE conversation_id IS NOT NULL;
    `);
  },
};
