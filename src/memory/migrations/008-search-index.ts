import type { Migration } from '../sqlite.js';

/**
 * The full-text search index in the main store. A projection: `rebuildSearchIndex` empties and
 * rebuilds it from the event log (src/memory/search/).
 *
 * search_docs is the content table; search_fts indexes its title and body as an FTS5
 * external-content table (the text is stored once, in search_docs, and snippet() reads it from
 * there). Only live documents are in search_docs: a removed one leaves its version in
 * search_removed, so a redelivered older event cannot bring it back.
 */
export const searchIndexMigration: Migration = {
  version: 8,
  name: 'search index',
  up(db) {
    db.exec(`
      -- Display names; documents point at them by id, so a rename rewrites one row.
      CREATE TABLE search_people (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        name TEXT,
        -- The log seq the name comes from (0: known only because a document points at it).
        version INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE search_channels (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        name TEXT,
        version INTEGER NOT NULL DEFAULT 0
      );

      -- One searchable thing: its text (the FTS content) and what a hit shows. id is the FTS rowid.
      CREATE TABLE search_docs (
        id INTEGER PRIMARY KEY,
        -- kind:key, e.g. decision:<decisionId>. NULL for a message, which is keyed by its channel
        -- and native id instead (its doc_id, message:<channel key>:<native id>, is derived).
        doc_id TEXT,
        -- Messages: the search_channels id of their channel.
        message_channel INTEGER,
        -- Native message id to cite (the message itself, or an item's first evidence).
        native_id TEXT,
        -- Indexed: a heading (conversation topic, fact relation), '' when none.
        title TEXT NOT NULL,
        -- Indexed: the text with chat markup normalised.
        body TEXT NOT NULL,
        -- The text as written, only when it differs from body.
        original TEXT,
        conversation_id TEXT,
        -- The log seq of the conversation.extracted that set conversation_id (messages).
        conversation_version INTEGER NOT NULL DEFAULT 0,
        -- The state the document was created in (open, made, asserted, noise); null for messages.
        state TEXT,
        -- The log seq the content comes from: an older version never replaces a newer one.
        version INTEGER NOT NULL
      );
      -- Messages are most of the index: an integer and a short native id key them for less than a
      -- third of what their doc_id text would take.
      CREATE UNIQUE INDEX search_docs_by_message ON search_docs (message_channel, native_id) WHERE doc_id IS NULL;
      CREATE UNIQUE INDEX search_docs_by_doc_id ON search_docs (doc_id) WHERE doc_id IS NOT NULL;

      -- What search filters read, one row per search_docs row (same id). Kept apart and narrow so
      -- that checking many matches against a filter stays in the page cache.
      CREATE TABLE search_filters (
        id INTEGER PRIMARY KEY,
        -- message | conversation | decision | action_item | question | fact
        kind TEXT NOT NULL,
        author INTEGER,
        channel INTEGER,
        -- Epoch milliseconds (UTC).
        at INTEGER NOT NULL
      );
      -- since/until: the least or greatest id in a time range (see search-reader.ts).
      CREATE INDEX search_filters_by_time ON search_filters (at);

      -- A later state of an item (done, answered, reversed, retracted): the earliest wins.
      CREATE TABLE search_states (
        doc_id TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        at INTEGER NOT NULL,
        -- Breaks ties between two changes at the same time (who made it).
        tie TEXT NOT NULL
      ) WITHOUT ROWID;

      -- Documents removed (a deleted message, a conversation split away) and the version that removed them.
      CREATE TABLE search_removed (
        doc_id TEXT PRIMARY KEY,
        version INTEGER NOT NULL
      ) WITHOUT ROWID;

      -- detail=full keeps token positions, which phrases ("rate limit", OPS-1234) need.
      CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body,
        content = 'search_docs', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        detail = full
      );
    `);
  },
};
