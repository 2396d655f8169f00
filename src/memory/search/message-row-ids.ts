import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../sqlite.js';

/** Native ids per lookup statement: a split names a handful of messages, a long one is read in parts. */
const PER_STATEMENT = 16;

/**
 * The row ids of live messages by channel row id and native id, for a bulk load, read through
 * search_docs_by_message. Nothing is kept in memory: maps of the messages written lately cost
 * more (one insert per message, mostly missing the CPU caches) than one indexed statement per
 * split, whose pages are the ones written last.
 */
export class MessageRowIds {
  private readonly one: Statement;
  /** Statements by the number of native ids they look up. */
  private readonly many: Statement[] = [];

  constructor(private readonly db: SqliteDatabase) {
    this.one = db
      .prepare('SELECT id FROM search_docs WHERE message_channel = ? AND native_id = ? AND doc_id IS NULL')
      .pluck();
  }

  /** The row id of the live message, if any. */
  get(channel: number, nativeId: string): number | undefined {
    return this.one.get(channel, nativeId) as number | undefined;
  }

  /** Calls `found` once with the row id of each live message of the channel named (in no set order). */
  forEach(channel: number, nativeIds: readonly string[], found: (id: number) => void): void {
    for (let from = 0; from < nativeIds.length; from += PER_STATEMENT) {
      const part =
        nativeIds.length <= PER_STATEMENT ? nativeIds : nativeIds.slice(from, from + PER_STATEMENT);
      // A native id named in two parts is found twice: linking a row twice to one split changes nothing.
      for (const id of this.statement(part.length).all(channel, ...part) as number[]) found(id);
    }
  }

  private statement(count: number): Statement {
    let statement = this.many[count];
    if (statement === undefined) {
      const marks = Array.from({ length: count }, () => '?').join(', ');
      this.many[count] = statement = this.db
        .prepare(
          `SELECT id FROM search_docs WHERE message_channel = ? AND native_id IN (${marks}) AND doc_id IS NULL`,
        )
        .pluck();
    }
    return statement;
  }
}
