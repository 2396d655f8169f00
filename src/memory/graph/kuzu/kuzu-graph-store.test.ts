import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isOutroError } from '../../../domain/errors.js';
import { makeTempDir } from '../../../test-support/temp-dir.js';
import { describeGraphStoreContract } from '../graph-store.contract.js';
import { person } from '../test-support/graph-builders.js';
import { graphFile } from './kuzu-database.js';
import { KuzuGraphStore } from './kuzu-graph-store.js';

/** Opens the database in a child process and holds it until stdin closes. */
const HOLD_SCRIPT = `
import kuzu from 'kuzu';
const db = new kuzu.Database(process.argv[1]);
await db.init();
process.stdout.write('ready\\n');
process.stdin.resume();
process.stdin.on('end', async () => { await db.close(); process.exit(0); });
`;

describeGraphStoreContract('kuzu', async () => {
  const temp = makeTempDir('outro-kuzu-');
  const store = await KuzuGraphStore.open(temp.dir);
  return {
    store,
    cleanup: async () => {
      await store.close();
      temp.cleanup();
    },
  };
});

describe('KuzuGraphStore', () => {
  it('keeps what was written across a close and reopen', async () => {
    const temp = makeTempDir('outro-kuzu-');
    try {
      const first = await KuzuGraphStore.open(temp.dir);
      await first.write({ records: { person: [person('slack:T1:UALICE', 'Alice')] }, slots: [], cursor: 5 });
      await first.close();
      const second = await KuzuGraphStore.open(temp.dir);
      expect(await second.cursor()).toBe(5);
      expect((await second.get('person', ['slack:T1:UALICE'])).get('slack:T1:UALICE')?.name).toBe('Alice');
      await second.close();
    } finally {
      temp.cleanup();
    }
  });

  it('says the graph is locked while another process has it open', async () => {
    const temp = makeTempDir('outro-kuzu-');
    const first = await KuzuGraphStore.open(temp.dir);
    await first.close();
    const holder = spawn(process.execPath, ['--input-type=module', '-e', HOLD_SCRIPT, graphFile(temp.dir)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.once('data', () => resolve());
        holder.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
      });
      const error = await KuzuGraphStore.open(temp.dir).then(
        async (store) => {
          await store.close();
          return undefined;
        },
        (caught: unknown) => caught,
      );
      expect(isOutroError(error, 'STORE_LOCKED')).toBe(true);
    } finally {
      holder.stdin.end();
      await new Promise((resolve) => holder.once('exit', resolve));
      temp.cleanup();
    }
  });
});
