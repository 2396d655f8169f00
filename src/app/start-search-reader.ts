import type { SearchReaderStarter } from '../memory/search/search-rebuild-protocol.js';
import { startWorker } from '../runtime/start-worker.js';

/** Starts the search rebuild's log reader (memory/search/search-rebuild-worker) in a worker thread. */
export const startSearchReader: SearchReaderStarter = (job) =>
  startWorker(new URL('../memory/search/', import.meta.url).href, 'search-rebuild-worker', job, [job.port]);
