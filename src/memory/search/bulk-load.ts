import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../sqlite.js';

/** Secondary indexes no bulk write reads: dropped while the tables fill, built once at the end. */
const DEFERRED_INDEXES = ['search_docs_by_conversation', 'search_filters_by_time'] as const;

/** Links held in memory before they are written (a few MB): each batch is written in row order. */
const MAX_PENDING_LINKS = 250_000;

interface PendingLink {
  id: number;
  conversationId: string;
  version: number;
}

/**
 * What a rebuild of the search index does differently from incremental writes, for the same end
 * state. Messages are pointed at their conversations after they are all written, in row order
 * (the same UPDATE as an incremental write, by row id instead of by a random index probe; links
 * for one row keep their order, so the latest split still wins); the indexes in DEFERRED_INDEXES
 * are dropped for the load and made again from their own SQL; search_fts is filled in one pass.
 * Inside the rebuild's transaction: a crash leaves the index as it was before.
 */
export class BulkLoad {
  private pending: PendingLink[] = [];
  private readonly pendingRows = new Set<number>();
  private readonly link: Statement;
  private readonly indexes: string[];

  constructor(private readonly db: SqliteDatabase) {
    this.link = db.prepare(
      'UPDATE search_docs SET conversation_id = ?, conversation_version = ? WHERE id = ? AND conversation_version < ?',
    );
    this.indexes = DEFERRED_INDEXES.flatMap((name) => {
      const sql = db
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")
        .pluck()
        .get(name);
      if (typeof sql !== 'string') return [];
      db.exec(`DROP INDEX ${name}`);
      return [sql];
    });
  }

  /** Points message row `id` at a conversation later (as `UPDATE … WHERE id = ? AND conversation_version < ?`). */
  linkLater(id: number, conversationId: string, version: number): void {
    this.pending.push({ id, conversationId, version });
    this.pendingRows.add(id);
    if (this.pending.length >= MAX_PENDING_LINKS) this.linkNow();
  }

  /** Before row `id` is updated or deleted: its links (and all held with them) are written first. */
  beforeChange(id: number): void {
    if (this.pendingRows.has(id)) this.linkNow();
  }

  /** Writes the links held so far, in row order. */
  private linkNow(): void {
    if (this.pending.length === 0) return;
    this.pendingRows.clear();
    // Stable: two links of one row stay in log order.
    const links = this.pending.sort((a, b) => a.id - b.id);
    this.pending = [];
    for (const { id, conversationId, version } of links) this.link.run(conversationId, version, id, version);
  }

  /** The links, the dropped indexes, and search_fts from search_docs. */
  finish(): void {
    this.linkNow();
    for (const sql of this.indexes) this.db.exec(sql);
    this.db.exec("INSERT INTO search_fts (search_fts) VALUES ('rebuild')");
  }
}
