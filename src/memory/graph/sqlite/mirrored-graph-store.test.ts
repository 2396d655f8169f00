import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempFactDatabase } from '../../facts/test-support/fact-database.js';
import type { FactVersion } from '../../facts/fact-types.js';
import { MemoryGraphStore } from '../memory-graph-store.js';
import { component, conversation, factVersion, person } from '../test-support/graph-builders.js';
import { MirroredGraphStore } from './mirrored-graph-store.js';
import { SqliteGraphStore } from './sqlite-graph-store.js';

const ALICE = 'slack:T1:UALICE';
const BILLING = 'component:billing';

describe('MirroredGraphStore: the graph and its copy in the store, written together', () => {
  let temp: ReturnType<typeof openTempFactDatabase>;
  let primary: MemoryGraphStore;
  let copy: SqliteGraphStore;
  let store: MirroredGraphStore;
  beforeEach(() => {
    temp = openTempFactDatabase('outro-mirrored-graph-');
    primary = new MemoryGraphStore();
    copy = new SqliteGraphStore(temp.db);
    store = new MirroredGraphStore(primary, copy);
  });
  afterEach(async () => {
    await store.close();
    temp.cleanup();
  });

  it('writes both and reads the primary', async () => {
    const fact = factVersion('v1', ALICE, BILLING);
    await store.write({
      records: { person: [person(ALICE, 'Alice')], component: [component(BILLING, 'billing')] },
      slots: [{ slot: fact.slot, facts: [fact] }],
      cursor: 12,
    });
    expect(await copy.dump()).toEqual(await primary.dump());
    expect(await copy.cursor()).toBe(12);
    expect((await store.search('billing')).components.map((hit) => hit.component.id)).toEqual([BILLING]);
  });

  it('reports the lower cursor, so that a copy behind its graph (new, or a crash between the writes) is caught up', async () => {
    await primary.write({ records: { person: [person(ALICE, 'Alice')] }, slots: [], cursor: 40 });
    expect(await store.cursor()).toBe(0);
    await copy.write({ records: {}, slots: [], cursor: 50 });
    expect(await store.cursor()).toBe(40);
  });

  it('streams a bulk load to the copy as the primary reads it, once', async () => {
    const facts = [factVersion('v1', ALICE, BILLING), factVersion('v2', 'slack:T1:UBOB', 'component:search')];
    let reads = 0;
    function* stream(): Generator<FactVersion> {
      for (const fact of facts) {
        reads++;
        yield fact;
      }
    }
    const records = {
      ...(await primary.dump()).records,
      conversation: [conversation('c1', 'billing retries', [BILLING])],
    };
    let written = 0;
    await store.load({
      records,
      facts: stream(),
      cursor: 9,
      // The caller lets the rows go here: the copy must have taken them before.
      written: () => {
        written++;
        for (const list of Object.values(records)) list.length = 0;
      },
    });
    expect(reads).toBe(2);
    expect(written).toBe(1);
    expect((await copy.dump()).records.conversation.map((c) => c.id)).toEqual(['c1']);
    expect(await copy.dump()).toEqual(await primary.dump());
    expect((await copy.dump()).facts).toHaveLength(2);
    expect(await store.cursor()).toBe(9);
  });
});
