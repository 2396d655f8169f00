/**
 * Child process of kuzu-batch-crash.test.ts: opens the graph in argv[2] (every batch by LOAD
 * FROM) and writes crashBatch(1), crashBatch(2), … with cursor k, printing `k` after each commit,
 * until it is killed.
 */
import { KuzuGraphStore } from '../kuzu/kuzu-graph-store.js';
import { crashBatch } from './crash-batches.js';

const store = await KuzuGraphStore.open(process.argv[2], { loadMin: Number(process.argv[3] ?? 1) });
for (let k = (await store.cursor()) + 1; ; k++) {
  await store.write(crashBatch(k));
  process.stdout.write(`${k}\n`);
}
