import type { MessagePort } from 'node:worker_threads';
import type { EncodedSearchOps } from './search-op-codec.js';
import type { LogPageCounts } from './search-log-page.js';

/** What a search rebuild worker is started with. */
export interface SearchReaderJob {
  file: string;
  /** Read seqs up to this one (the rebuild's cursor), PAGE_SEQS at a time from the start. */
  cursor: number;
  /** Int32Array over it: CONTROL.produced (pages posted), CONTROL.consumed (pages taken). */
  control: SharedArrayBuffer;
  port: MessagePort;
}

export const CONTROL = { produced: 0, consumed: 1 } as const;

/** Pages a worker may be ahead of the writer (bounds memory). */
export const PAGES_AHEAD = 4;

export type SearchReaderMessage =
  | ({ kind: 'page' } & LogPageCounts & EncodedSearchOps)
  | { kind: 'done' }
  | { kind: 'failed'; message: string };

/** Starts the worker-thread script search-rebuild-worker with this job (the port transferred). */
export type SearchReaderStarter = (job: SearchReaderJob) => { unref(): void; terminate(): Promise<number> };
