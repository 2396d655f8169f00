import type { SqliteDatabase } from '../../sqlite.js';

/**
 * Everything the search tables hold, by doc_id and key (row ids left out), for comparing an index
 * built event by event with a rebuilt one. Also checks that the FTS index agrees with its content
 * table (FTS5 'integrity-check' throws when it does not).
 */
export function searchSnapshot(db: SqliteDatabase): Record<string, unknown[]> {
  db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)").run();
  return {
    docs: db
      .prepare(
        `SELECT coalesce(d.doc_id, 'message:' || c.key || ':' || d.native_id) AS doc_id, d.message_channel IS NOT NULL AS keyed_by_channel, f.kind, d.title, d.body, d.original, p.key AS author, c.key AS channel, f.at, v.key AS conversation_id, coalesce(l.version, 0) AS conversation_version, d.native_id, d.state, d.version
         FROM search_docs d JOIN search_filters f ON f.id = d.id LEFT JOIN search_people p ON p.id = f.author LEFT JOIN search_channels c ON c.id = f.channel
         LEFT JOIN search_links l ON l.id = d.id LEFT JOIN search_conversations v ON v.id = l.conversation
         ORDER BY 1`,
      )
      .all(),
    people: db.prepare('SELECT key, name, version FROM search_people ORDER BY key').all(),
    channels: db.prepare('SELECT key, name, version FROM search_channels ORDER BY key').all(),
    states: db.prepare('SELECT * FROM search_states ORDER BY doc_id').all(),
    removed: db.prepare('SELECT * FROM search_removed ORDER BY doc_id').all(),
    orphans: db
      .prepare('SELECT count(*) AS n FROM search_filters WHERE id NOT IN (SELECT id FROM search_docs)')
      .all(),
  };
}
