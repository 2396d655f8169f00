import type { SpanRecord } from '../memory/traces/span-record.js';
import type { SqliteSpanStore } from '../memory/traces/sqlite-span-store.js';
import type { SpanSink } from './tracer.js';

/** Writes finished spans to the SQLite span store, batched into one transaction per flush. */
export class StoreSpanSink implements SpanSink {
  private pending: SpanRecord[] = [];
  private scheduled = false;

  constructor(
    private readonly store: SqliteSpanStore,
    private readonly batch = 64,
  ) {}

  export(span: SpanRecord): void {
    this.pending.push(span);
    if (this.pending.length >= this.batch) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        try {
          this.flush();
        } catch {
          // The store closed before the batch was written: spans are best effort, the work is not.
        }
      });
    }
  }

  /** Writes what is pending now (call before closing the database). */
  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const spans = this.pending;
    this.pending = [];
    this.store.insertAll(spans);
  }
}
