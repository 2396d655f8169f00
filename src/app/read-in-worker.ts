import { startWorker } from '../runtime/start-worker.js';
import type { PreparedItem, WorkerJob, WorkerMessage } from './ingest-worker-protocol.js';

/**
 * Runs a connector in a worker thread and yields its prepared items in order. A failure inside the
 * worker is thrown from the iterator after the items sent before it, like an in-process connector.
 */
export async function* readInWorker(job: WorkerJob): AsyncGenerator<PreparedItem> {
  const worker = startWorker(import.meta.url, 'ingest-worker', job);
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | undefined;
  let crashed: Error | undefined;
  let exited = false;
  worker.on('message', (message: WorkerMessage) => {
    queue.push(message);
    wake?.();
  });
  worker.on('error', (error) => {
    crashed = error;
    wake?.();
  });
  worker.on('exit', () => {
    exited = true;
    wake?.();
  });
  try {
    for (;;) {
      const message = queue.shift();
      if (!message) {
        if (crashed) throw crashed;
        if (exited) throw new Error('the ingest worker stopped before it finished');
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (message.kind === 'done') return;
      if (message.kind === 'failed') throw new Error(message.message);
      yield* message.items;
      worker.postMessage({ kind: 'ack' });
    }
  } finally {
    await worker.terminate();
  }
}
