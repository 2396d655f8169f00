import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test-support/temp-dir.js';
import { emptyRecordLists } from '../graph-records.js';
import { component, conversation } from '../test-support/graph-builders.js';
import { KuzuDatabase } from './kuzu-database.js';
import { KuzuGraphStore } from './kuzu-graph-store.js';
import { hasIndexes } from './kuzu-indexes.js';

/** Whether the graph in `dir` (closed) holds its full-text indexes. */
async function indexed(dir: string): Promise<boolean> {
  const db = await KuzuDatabase.open(dir, { readOnly: true });
  try {
    return await hasIndexes(db);
  } finally {
    await db.close();
  }
}

const billing = component('component:billing', 'billing service', ['invoices']);

describe('KuzuGraphStore full-text indexes, built when first needed (issue 16)', () => {
  it('leaves a new graph without them until something is written', async () => {
    const temp = makeTempDir('outro-kuzu-');
    try {
      const store = await KuzuGraphStore.open(temp.dir);
      await store.write({ records: {}, slots: [], cursor: 4 });
      await store.close();
      expect(await indexed(temp.dir)).toBe(false);

      const again = await KuzuGraphStore.open(temp.dir);
      await again.write({ records: { component: [billing] }, slots: [], cursor: 5 });
      expect((await again.search('invoices')).components.map((hit) => hit.component.id)).toEqual([
        billing.id,
      ]);
      await again.close();
      expect(await indexed(temp.dir)).toBe(true);
    } finally {
      temp.cleanup();
    }
  });

  it('answers a search on a new graph, and finds what a later write adds', async () => {
    const temp = makeTempDir('outro-kuzu-');
    const store = await KuzuGraphStore.open(temp.dir);
    try {
      expect(await store.search('billing')).toEqual({ components: [], conversations: [] });
      await store.write({ records: { component: [billing] }, slots: [], cursor: 1 });
      expect((await store.search('billing')).components.map((hit) => hit.component.id)).toEqual([billing.id]);
    } finally {
      await store.close();
      temp.cleanup();
    }
  });

  it('leaves them out of a bulk load; the first search builds them over the loaded rows', async () => {
    const temp = makeTempDir('outro-kuzu-');
    let store = await KuzuGraphStore.open(temp.dir);
    try {
      await store.write({
        records: { component: [component('component:old', 'old thing')] },
        slots: [],
        cursor: 1,
      });
      await store.reset();
      const records = emptyRecordLists();
      records.component.push(billing);
      records.conversation.push(conversation('c1', 'invoice run', [billing.id]));
      await store.load({ records, facts: [], cursor: 2 });
      await store.close();
      expect(await indexed(temp.dir)).toBe(false);
      store = await KuzuGraphStore.open(temp.dir);
      expect((await store.search('invoices')).components.map((hit) => hit.component.id)).toEqual([
        billing.id,
      ]);
      expect((await store.search('invoice run')).conversations.map((hit) => hit.conversation.id)).toEqual([
        'c1',
      ]);
      expect(await store.search('old')).toEqual({ components: [], conversations: [] });
    } finally {
      await store.close();
      temp.cleanup();
    }
  });
});

describe('KuzuGraphStore full-text indexes under concurrent use', () => {
  it('builds them once when a search and a write both find them missing', async () => {
    const temp = makeTempDir('outro-kuzu-');
    const store = await KuzuGraphStore.open(temp.dir);
    try {
      const [hits] = await Promise.all([
        store.search('billing'),
        store.write({ records: { component: [billing] }, slots: [], cursor: 1 }),
        store.search('invoices'),
      ]);
      expect(hits.conversations).toEqual([]);
      expect((await store.search('billing')).components.map((hit) => hit.component.id)).toEqual([billing.id]);
    } finally {
      await store.close();
      temp.cleanup();
    }
  });
});
