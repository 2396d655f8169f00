import type { Migration } from '../sqlite.js';

/**
 * The graph projection in the main store (memory/graph/sqlite/): the same records and fact versions
 * as the Kùzu graph, written by the same projector, so that a command that only reads (a cold
 * `ask`) answers without opening Kùzu (~0.5 CPU s to open whatever the graph holds: 256 hash-index
 * pages per node table). Records are whole JSON documents; graph_links holds what queries filter
 * on (an item's assignee, a conversation's entities, a search word); graph_search the words a
 * lookup ranks by (BM25, as the Kùzu full-text indexes do; contentless: a hit is looked up by
 * rowid in graph_records).
 */
export const graphMirrorMigration: Migration = {
  version: 11,
  name: 'graph mirror',
  up(db) {
    db.exec(`
      -- A rowid table: the full-text tables below use a record's rowid as theirs (kept by upserts).
      CREATE TABLE graph_records (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        json TEXT NOT NULL,
        UNIQUE (kind, id)
      );
      CREATE TABLE graph_links (
        kind TEXT NOT NULL,
        role TEXT NOT NULL,
        value TEXT NOT NULL,
        id TEXT NOT NULL,
        PRIMARY KEY (kind, role, value, id)
      ) WITHOUT ROWID;
      CREATE INDEX graph_links_by_record ON graph_links (kind, id);
      CREATE TABLE graph_facts (
        slot TEXT NOT NULL,
        ord INTEGER NOT NULL,
        subject TEXT NOT NULL,
        object TEXT NOT NULL,
        current INTEGER NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (slot, ord)
      ) WITHOUT ROWID;
      CREATE INDEX graph_facts_by_object ON graph_facts (object);
      CREATE INDEX graph_facts_by_subject ON graph_facts (subject);
      CREATE TABLE graph_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
      -- Entity names and aliases, conversation topics: what GraphStore.search ranks (BM25).
      CREATE VIRTUAL TABLE graph_component_search USING fts5 (
        text, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2'
      );
      CREATE VIRTUAL TABLE graph_conversation_search USING fts5 (
        text, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2'
      );
    `);
  },
};
