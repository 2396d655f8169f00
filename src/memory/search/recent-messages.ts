import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../sqlite.js';

/** Messages remembered per generation: a Map this small stays in the CPU caches, one of a million does not. */
const GENERATION = 32_768;

/**
 * The row ids of live messages by channel row id and native id, for a bulk load: the messages
 * written last are remembered in memory (two generations; splits name recent messages), any other
 * is looked up through search_docs_by_message.
 */
export class RecentMessages {
  private current = new Map<number, Map<string, number>>();
  private previous = new Map<number, Map<string, number>>();
  private size = 0;
  private readonly lookup: Statement;

  constructor(
    db: SqliteDatabase,
    private readonly generation = GENERATION,
  ) {
    this.lookup = db
      .prepare('SELECT id FROM search_docs WHERE message_channel = ? AND native_id = ? AND doc_id IS NULL')
      .pluck();
  }

  /** The row id of the live message, if any. */
  get(channel: number, nativeId: string): number | undefined {
    return this.recent(channel, nativeId) ?? (this.lookup.get(channel, nativeId) as number | undefined);
  }

  /** The row id of the message if it is one of the last written (undefined says nothing of the others). */
  recent(channel: number, nativeId: string): number | undefined {
    return this.current.get(channel)?.get(nativeId) ?? this.previous.get(channel)?.get(nativeId);
  }

  /** Remembers a message just written. */
  add(channel: number, nativeId: string, id: number): void {
    let byNativeId = this.current.get(channel);
    if (!byNativeId) this.current.set(channel, (byNativeId = new Map()));
    byNativeId.set(nativeId, id);
    if (++this.size >= this.generation) {
      this.previous = this.current;
      this.current = new Map();
      this.size = 0;
    }
  }

  /** Forgets a removed message (its row is deleted from search_docs too). */
  delete(channel: number, nativeId: string): void {
    this.current.get(channel)?.delete(nativeId);
    this.previous.get(channel)?.delete(nativeId);
  }
}
