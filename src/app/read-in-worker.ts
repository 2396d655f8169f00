import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PreparedItem, WorkerJob, WorkerMessage } from './ingest-worker-protocol.js';

/**
 * The worker: compiled JS next to this file, or — when running from the TS sources under tsx or
 * vitest, whose module hooks do not reach worker threads on Node 20 — a bootstrap that registers
 * tsx inside the worker before importing the TS entry.
 */
function startWorker(job: WorkerJob): Worker {
  const js = new URL('./ingest-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js, { workerData: job });
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const entry = new URL('./ingest-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: job });
}

/**
 * Runs a connector in a worker thread and yields its prepared items in order. A failure inside the
 * worker is thrown from the iterator after the items sent before it, like an in-process connector.
 */
export async function* readInWorker(job: WorkerJob): AsyncGenerator<PreparedItem> {
  const worker = startWorker(job);
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
