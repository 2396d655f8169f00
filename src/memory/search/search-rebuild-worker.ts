/**
 * Worker-thread entry for a search rebuild: reads the log on its own read-only connection and
 * posts it as pages of prepared ops (search-op-codec), so that the writer's thread only writes.
 * Atomics on shared memory, not messages, say a page is ready: the writer waits inside one
 * synchronous transaction, where no message event can run.
 */
import { workerData } from 'node:worker_threads';
import { openDatabase } from '../sqlite.js';
import { SearchOpEncoder } from './search-op-codec.js';
import { logPageReader, PAGE_SEQS } from './search-log-page.js';
import {
  CONTROL,
  PAGES_AHEAD,
  type SearchReaderJob,
  type SearchReaderMessage,
} from './search-rebuild-protocol.js';

const job = workerData as SearchReaderJob;
const control = new Int32Array(job.control);

function post(message: SearchReaderMessage, transfer: ArrayBuffer[] = []): void {
  for (;;) {
    const consumed = Atomics.load(control, CONTROL.consumed);
    if (Atomics.load(control, CONTROL.produced) - consumed < PAGES_AHEAD) break;
    Atomics.wait(control, CONTROL.consumed, consumed, 1_000);
  }
  job.port.postMessage(message, transfer);
  Atomics.add(control, CONTROL.produced, 1);
  Atomics.notify(control, CONTROL.produced);
}

try {
  const db = openDatabase(job.file, { migrations: [], readonly: true });
  try {
    const readPage = logPageReader(db);
    for (let after = 0; after < job.cursor; after += PAGE_SEQS) {
      const encoder = new SearchOpEncoder();
      const counts = readPage(after, Math.min(job.cursor, after + PAGE_SEQS), (op) => encoder.add(op));
      const page = encoder.finish();
      post({ kind: 'page', ...counts, ...page }, [
        page.narrow,
        page.wide,
        page.lengths.buffer as ArrayBuffer,
        page.numbers.buffer as ArrayBuffer,
        page.tags.buffer as ArrayBuffer,
      ]);
    }
  } finally {
    db.close();
  }
  post({ kind: 'done' });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}
job.port.close();
