import type { SqliteDatabase } from '../sqlite.js';
import type { SearchOp } from './search-ops.js';
import { SearchReader } from './search-reader.js';
import type { SearchDocInput, SearchHit, SearchIndex, SearchRequest, SearchResult } from './search-types.js';
import { SearchWriter } from './search-writer.js';

/** The search index in the main store's search tables (migration 008). */
export class SqliteSearchIndex implements SearchIndex {
  private readonly writer: SearchWriter;
  private readonly reader: SearchReader;

  constructor(private readonly db: SqliteDatabase) {
    this.writer = new SearchWriter(db);
    this.reader = new SearchReader(db);
  }

  upsert(docs: readonly SearchDocInput[]): number {
    return this.apply(docs.map((doc) => ({ op: 'upsert', doc })));
  }

  remove(docs: ReadonlyArray<{ docId: string; version: number }>): number {
    return this.apply(docs.map(({ docId, version }) => ({ op: 'remove', docId, version })));
  }

  /** Applies ops in one transaction (a savepoint inside the caller's). */
  apply(ops: readonly SearchOp[]): number {
    return this.db.transaction(() => this.writer.apply(ops))();
  }

  search(request: SearchRequest): SearchResult {
    return this.reader.search(request);
  }

  conversations(
    conversationIds: readonly string[],
    options?: { asOf?: string; limit?: number },
  ): SearchHit[] {
    return this.reader.conversations(conversationIds, options);
  }

  latestBy(
    authors: readonly string[],
    options?: { since?: string; asOf?: string; limit?: number },
  ): SearchHit[] {
    return this.reader.latestBy(authors, options);
  }

  termStats(terms: readonly string[]): { docs: number; df: Map<string, number> } {
    return this.reader.termStats(terms);
  }

  nearTerms(term: string): Array<{ term: string; docs: number }> {
    return this.reader.nearTerms(term);
  }

  /** Channels named by key, native id or display name ("#eng"). */
  channelsNamed(text: string): Array<{ key: string; name: string | null }> {
    return this.reader.channelsNamed(text);
  }

  /** Documents in the index and the pages its tables and indexes take (when SQLite can say). */
  stats(): SearchIndexStats {
    return searchIndexStats(this.db, this.reader.docCount());
  }
}

export interface SearchIndexStats {
  docs: number;
  /** Bytes of the search tables and their indexes; null when the dbstat table is not compiled in. */
  bytes: number | null;
}

function searchIndexStats(db: SqliteDatabase, docs: number): SearchIndexStats {
  const names = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND tbl_name LIKE 'search\\_%' ESCAPE '\\' AND sql IS NOT NULL OR name LIKE 'sqlite_autoindex_search\\_%' ESCAPE '\\'",
    )
    .pluck()
    .all() as string[];
  try {
    // One b-tree at a time (name =): dbstat then reads only that tree's pages.
    const size = db
      .prepare('SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = ? AND aggregate = 1')
      .pluck();
    return { docs, bytes: names.reduce((sum, name) => sum + (size.get(name) as number), 0) };
  } catch {
    return { docs, bytes: null };
  }
}
