import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test-support/temp-dir.js';
import { crashBatch, topicWord } from '../test-support/crash-batches.js';
import { KuzuGraphStore } from './kuzu-graph-store.js';

const WRITER = join(import.meta.dirname, '..', 'test-support', 'batch-writer.ts');

/** Starts the writer on `dir`, kills it with SIGKILL `delayMs` after its first commit; the last cursor it printed. */
function writeUntilKilled(dir: string, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited ${code} ${signal}: ${err}`));
      const printed = out
        .trim()
        .split('\n')
        .filter((line) => line !== '');
      resolve(Number(printed[printed.length - 1] ?? 0));
    });
  });
}

/** What full-text search finds for one word of three conversations' topics (crash-batches.ts). */
async function found(store: KuzuGraphStore, cursor: number): Promise<string[][]> {
  const out: string[][] = [];
  for (const n of [3, 150, (cursor - 1) * 200 + 7])
    out.push((await store.search(topicWord(n))).conversations.map((hit) => hit.conversation.id));
  return out;
}

/**
 * Crash safety of batch writes (issue 15): a writer SIGKILLed at set moments, mostly inside a
 * batch's transaction, leaves the graph exactly as after its last committed batch (the cursor says
 * which), full-text search included, and the next process writes on from there. Before the
 * indexes were rebuilt on opening after a crash, every writer after the first kill segfaulted
 * (Kùzu 0.11.3, row by row as well as by LOAD FROM).
 */
describe('KuzuGraphStore batches by LOAD FROM under SIGKILL', () => {
  it(
    'leave the graph as after the last committed batch, and writing goes on',
    { timeout: 240_000 },
    async () => {
      const temp = makeTempDir('outro-batch-crash-');
      try {
        const dir = join(temp.dir, 'graph');
        const expected = await KuzuGraphStore.open(join(temp.dir, 'expected'), { loadMin: 1 });
        let written = 0;
        let killedInside = 0;
        try {
          for (const delayMs of [150, 700, 1_300, 400]) {
            const printed = await writeUntilKilled(dir, delayMs);
            const store = await KuzuGraphStore.open(dir);
            const cursor = await store.cursor();
            const after = {
              dump: await store.dump(),
              found: await found(store, cursor),
            };
            await store.close();
            expect(cursor).toBeGreaterThanOrEqual(printed);
            if (cursor === printed) killedInside++;
            for (; written < cursor; written++) await expected.write(crashBatch(written + 1));
            expect(after.dump).toEqual(await expected.dump());
            expect(after.found).toEqual(await found(expected, cursor));
            expect(after.found.flat()).toHaveLength(3);
          }
        } finally {
          await expected.close();
        }
        // Most kills land inside a write: the test would not notice a torn batch otherwise.
        expect(killedInside).toBeGreaterThan(0);
      } finally {
        temp.cleanup();
      }
    },
  );
});
