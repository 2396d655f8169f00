import type { Migration } from '../sqlite.js';

/**
 * A document's conversation moves out of search_docs into a narrow table, by number: pointing a
 * message at its conversation (once per message in a rebuild) was an update of its wide row and
 * of an index of ~30-byte texts; it is now an insert of three integers, mostly in row id order.
 * Existing rows are carried over (a projection, but the store need not be replayed).
 */
export const searchConversationLinksMigration: Migration = {
  version: 13,
  name: 'search index: conversations by number',
  up(db) {
    db.exec(`
      CREATE TABLE search_conversations (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE
      );
      -- The conversation of a search_docs row (same id), when it has one.
      CREATE TABLE search_links (
        id INTEGER PRIMARY KEY,
        conversation INTEGER NOT NULL,
        -- The log seq of the conversation.extracted that set it (0: the document's own).
        version INTEGER NOT NULL
      );
      CREATE INDEX search_links_by_conversation ON search_links (conversation);

      INSERT INTO search_conversations (key)
        SELECT conversation_id FROM search_docs WHERE conversation_id IS NOT NULL GROUP BY conversation_id ORDER BY min(id);
      INSERT INTO search_links (id, conversation, version)
        SELECT d.id, c.id, d.conversation_version FROM search_docs d JOIN search_conversations c ON c.key = d.conversation_id;

      DROP INDEX search_docs_by_conversation;
      ALTER TABLE search_docs DROP COLUMN conversation_id;
      ALTER TABLE search_docs DROP COLUMN conversation_version;
    `);
  },
};
