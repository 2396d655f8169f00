import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker-thread script `name` (without extension) beside `from` (the caller's
 * `import.meta.url`): the compiled JS when it is there (dist/), else — running from the TS sources
 * under tsx or vitest, whose module hooks do not reach worker threads on Node 20 — a bootstrap that
 * registers tsx inside the worker before importing the TS entry.
 */
export function startWorker(from: string, name: string, workerData: unknown): Worker {
  const js = new URL(`./${name}.js`, from);
  if (existsSync(fileURLToPath(js))) return new Worker(js, { workerData });
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const entry = new URL(`./${name}.ts`, from).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
