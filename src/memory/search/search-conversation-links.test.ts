import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { MIGRATIONS } from '../migrations/index.js';
import { openDatabase } from '../sqlite.js';
import { SearchWriter } from './search-writer.js';
import { SqliteSearchIndex } from './sqlite-search-index.js';

const temp = makeTempDir('outro-search-links-');
afterAll(() => temp.cleanup());

describe('migration 13: conversations by number', () => {
  it('carries every conversation of a store indexed before it, with the version of its split', () => {
    const file = join(temp.dir, 'old.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 12) });
    old.exec(`
      INSERT INTO search_channels (id, key) VALUES (1, 'slack:T1:C1');
      INSERT INTO search_docs (id, doc_id, message_channel, native_id, title, body, conversation_id, conversation_version, version) VALUES
        (1, NULL, 1, '1.1', '', 'rate limit raised', 'c1', 7, 1),
        (2, NULL, 1, '1.2', '', 'rate limit again', 'c1', 7, 2),
        (3, NULL, 1, '1.3', '', 'unrelated', NULL, 0, 3),
        (4, 'decision:d1', NULL, '1.1', '', 'raise the rate limit', 'c1', 0, 8);
      INSERT INTO search_filters (id, kind, channel, at) VALUES
        (1, 'message', 1, 1000), (2, 'message', 1, 2000), (3, 'message', 1, 3000), (4, 'decision', 1, 2500);
      INSERT INTO search_fts (search_fts) VALUES ('rebuild');
    `);
    old.close();

    const db = openDatabase(file, { migrations: MIGRATIONS });
    const search = new SqliteSearchIndex(db);
    expect(search.conversations(['c1']).map((hit) => [hit.docId, hit.conversationId])).toEqual([
      ['message:slack:T1:C1:1.1', 'c1'],
      ['message:slack:T1:C1:1.2', 'c1'],
      ['decision:d1', 'c1'],
    ]);
    expect(search.search({ query: 'unrelated' }).hits.map((hit) => hit.conversationId)).toEqual([null]);
    // The split's version came along: an older split of the same message changes nothing, a newer one does.
    const writer = new SearchWriter(db);
    const split = (version: number) =>
      writer.apply([
        { op: 'conversation', docIds: ['message:slack:T1:C1:1.1'], conversationId: 'c2', version },
      ]);
    expect(split(6)).toBe(0);
    expect(split(9)).toBe(1);
    expect(search.conversations(['c2']).map((hit) => hit.nativeId)).toEqual(['1.1']);
    db.close();
  });
});
