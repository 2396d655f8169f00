import type { SqliteDatabase } from '../sqlite.js';
import type { SearchOp } from './search-ops.js';
import { SearchReader } from './search-reader.js';
import type { SearchDocInput, SearchIndex, SearchRequest, SearchResult } from './search-types.js';
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
}
