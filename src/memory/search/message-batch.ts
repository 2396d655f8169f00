import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../sqlite.js';

/** Messages per statement. */
const BATCH = 100;
const COLUMNS = 6;

/**
 * New messages for a bulk load, inserted BATCH rows per statement: SQLite opens the table and its
 * two indexes once per statement, not once per message. A full batch whose rows all went in got
 * consecutive row ids ending at the last one inserted (max(id) + 1 each, as one insert each would
 * have); when any was not inserted (OR IGNORE: a duplicate, a bad value), the batch's rows are
 * deleted again and each message goes through `single`, in order, as without a batch. The caller
 * flushes before anything that reads or writes search_docs.
 */
export class MessageBatch<T> {
  private readonly pending: T[] = [];
  private readonly values: unknown[] = [];
  private readonly insert: Statement;
  private readonly undo: Statement;

  constructor(
    db: SqliteDatabase,
    /** A message inserted at row `id`. */
    private readonly inserted: (message: T, id: number) => void,
    /** A message to insert on its own (it may be stored already). */
    private readonly single: (message: T) => void,
  ) {
    const tuple = `(${Array.from({ length: COLUMNS }, () => '?').join(', ')})`;
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO search_docs (message_channel, native_id, title, body, original, version) VALUES ${Array.from({ length: BATCH }, () => tuple).join(', ')}`,
    );
    this.undo = db.prepare('DELETE FROM search_docs WHERE id >= ?');
  }

  /** A message with its search_docs values (doc_id and state are null for a message). */
  add(
    message: T,
    channel: number,
    nativeId: string | null,
    title: string,
    body: string,
    original: string | null,
    version: number,
  ): void {
    this.pending.push(message);
    this.values.push(channel, nativeId, title, body, original, version);
    if (this.pending.length === BATCH) this.flush();
  }

  /** Writes the messages added since the last flush. */
  flush(): void {
    const { pending } = this;
    if (pending.length === 0) return;
    let written = 0;
    let last = 0;
    if (pending.length === BATCH) {
      const result = this.insert.run(...this.values);
      written = result.changes;
      last = Number(result.lastInsertRowid);
    }
    this.values.length = 0;
    if (written === BATCH)
      for (let index = 0; index < BATCH; index++) this.inserted(pending[index], last - BATCH + 1 + index);
    else {
      if (written > 0) this.undo.run(last - written + 1);
      for (const message of pending) this.single(message);
    }
    pending.length = 0;
  }
}
