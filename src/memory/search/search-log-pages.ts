import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { SqliteDatabase } from '../sqlite.js';
import type { PreparedSearchOp } from './prepared-search-op.js';
import { decodeSearchOps } from './search-op-codec.js';
import { logPageReader, PAGE_SEQS, type LogPageCounts } from './search-log-page.js';
import { CONTROL, type SearchReaderMessage, type SearchReaderStarter } from './search-rebuild-protocol.js';

export interface LogPage extends LogPageCounts {
  ops: PreparedSearchOp[];
}

export interface LogPagesOptions {
  /** Starts the reading worker (app/ passes one); without it the log is read on this thread. */
  startWorker?: SearchReaderStarter;
  /** Below this many seqs a worker is not worth its start (default 20,000). */
  minSeqsForWorker?: number;
}

/** How long the writer waits for a worker's first page (its start loads modules), then for each next one. */
const FIRST_PAGE_MS = 30_000;
const NEXT_PAGE_MS = 60_000;

interface Reader {
  worker: ReturnType<SearchReaderStarter>;
  port: MessagePort;
  counters: Int32Array;
}

/**
 * The log up to `cursor` as pages of prepared search ops, in seq order. On a file store a worker
 * (started at once, so it loads while the caller empties the index) reads and prepares them while
 * the caller writes the previous page: the second core. If the worker fails or falls silent, what
 * it has not delivered is read on this thread, so the pages are the same either way.
 */
export class LogPages {
  private reader: Reader | undefined;
  private after = 0;
  private taken = 0;
  private readPage: ReturnType<typeof logPageReader> | undefined;
  /** Pages the worker delivered (the rest were read on this thread). */
  workerPages = 0;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly cursor: number,
    options: LogPagesOptions = {},
  ) {
    if (
      options.startWorker &&
      cursor >= (options.minSeqsForWorker ?? 20_000) &&
      !db.memory &&
      db.pragma('journal_mode', { simple: true }) === 'wal'
    )
      this.reader = startReader(db.name, cursor, options.startWorker);
  }

  /** The next page; undefined after the last. */
  next(): LogPage | undefined {
    if (this.reader) {
      const page = this.fromWorker(this.reader);
      if (page) return page;
      this.close();
    }
    if (this.after >= this.cursor) return undefined;
    this.readPage ??= logPageReader(this.db);
    const ops: PreparedSearchOp[] = [];
    const until = Math.min(this.cursor, this.after + PAGE_SEQS);
    const counts = this.readPage(this.after, until, (op) => ops.push(op));
    this.after = until;
    return { ...counts, ops };
  }

  /** Stops the worker, if any (call when done or abandoning the pages). */
  close(): void {
    if (!this.reader) return;
    this.reader.port.close();
    void this.reader.worker.terminate();
    this.reader = undefined;
  }

  /** The worker's next page; undefined when it is done, failed or silent (this.after says how far it got). */
  private fromWorker({ port, counters }: Reader): LogPage | undefined {
    if (!waitForMessage(counters, this.taken, this.taken === 0 ? FIRST_PAGE_MS : NEXT_PAGE_MS))
      return undefined;
    const message = receiveMessageOnPort(port)?.message as SearchReaderMessage | undefined;
    if (!message) return undefined;
    Atomics.store(counters, CONTROL.consumed, ++this.taken);
    Atomics.notify(counters, CONTROL.consumed);
    if (message.kind === 'done') this.after = this.cursor;
    // A failure is not thrown here: reading the rest on this thread throws it again if it is the log's.
    if (message.kind !== 'page') return undefined;
    this.after = Math.min(this.cursor, this.after + PAGE_SEQS);
    this.workerPages++;
    return { events: message.events, invalid: message.invalid, ops: decodeSearchOps(message) };
  }
}

function startReader(file: string, cursor: number, start: SearchReaderStarter): Reader | undefined {
  const control = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  const { port1, port2 } = new MessageChannel();
  try {
    const worker = start({ file, cursor, control, port: port2 });
    worker.unref();
    return { worker, port: port1, counters: new Int32Array(control) };
  } catch {
    port1.close();
    port2.close();
    return undefined;
  }
}

/** Blocks until the worker has posted more than `taken` messages; false after `timeoutMs` without. */
function waitForMessage(counters: Int32Array, taken: number, timeoutMs: number): boolean {
  const deadline = performance.now() + timeoutMs;
  while (Atomics.load(counters, CONTROL.produced) <= taken) {
    const left = deadline - performance.now();
    if (left <= 0) return false;
    Atomics.wait(counters, CONTROL.produced, taken, left);
  }
  return true;
}
