import type { Migration } from '../sqlite.js';
import { introductionFilter, introductionPatterns } from '../introduction-cues.js';

/**
 * Chat messages that may open with a self-introduction, kept aside as they are stored (IngestStore),
 * so that linking people by introductions reads these few rows instead of every message in the
 * store on each ingest. A projection of the log; existing messages are copied in here.
 */
export const introductionsMigration: Migration = {
  version: 12,
  name: 'introduction candidates',
  up(db) {
    db.exec(`
      CREATE TABLE introduction_candidates (
        posted_seq INTEGER PRIMARY KEY,
        author TEXT NOT NULL,
        text TEXT NOT NULL
      );
    `);
    db.prepare(
      `INSERT INTO introduction_candidates (posted_seq, author, text)
       SELECT seq, json_extract(payload, '$.author'), json_extract(payload, '$.text') FROM events
        WHERE type = 'message.posted' AND json_extract(payload, '$.kind') = 'message'
          AND typeof(json_extract(payload, '$.author')) = 'text' AND typeof(json_extract(payload, '$.text')) = 'text'
          AND ${introductionFilter("json_extract(payload, '$.text')")}`,
    ).run(...introductionPatterns());
  },
};
