import { existsSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../domain/events.js';
import { makeTempDir } from '../../../test-support/temp-dir.js';
import { EventLog } from '../../event-log.js';
import { MemoryClaimIndex } from '../../facts/claim-index.js';
import { openTempFactDatabase } from '../../facts/test-support/fact-database.js';
import type { GraphBatch } from '../graph-records.js';
import { MemoryGraphStore } from '../memory-graph-store.js';
import { GraphProjector } from '../projector.js';
import { rebuildProjection } from '../rebuild.js';
import {
  actionItem,
  component,
  conversation,
  decision,
  factVersion,
  meeting,
  person,
  question,
} from '../test-support/graph-builders.js';
import { syntheticEvents, TestRandom } from '../test-support/synthetic-events.js';
import { KuzuDatabase } from './kuzu-database.js';
import { KuzuGraphStore } from './kuzu-graph-store.js';
import { keyColumn, REL_PROPERTIES, REL_TABLES, type RelTable } from './kuzu-schema.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function kuzuStore(loadMin: number): Promise<{ store: KuzuGraphStore; dir: string }> {
  const temp = makeTempDir('outro-batch-load-');
  const store = await KuzuGraphStore.open(temp.dir, { loadMin });
  cleanups.push(
    () => temp.cleanup(),
    () => store.close(),
  );
  return { store, dir: temp.dir };
}

function storedEvents(seed: number): StoredEvent[] {
  const { db, cleanup } = openTempFactDatabase('outro-batch-load-log-');
  cleanups.push(cleanup);
  const log = new EventLog(db, () => new Date('2026-12-01T00:00:00.000Z'));
  log.appendAll(syntheticEvents(seed, { people: 12, components: 8, facts: 240 }));
  return log.read();
}

/** Every edge of the graph (dumps show records, not edges), read after closing the store. */
async function edgesOf(store: KuzuGraphStore): Promise<string[]> {
  await store.close();
  const db = await KuzuDatabase.open(store.graphDir, { readOnly: true });
  const edges: string[] = [];
  try {
    for (const [rel, pairs] of Object.entries(REL_TABLES)) {
      const props = REL_PROPERTIES[rel as RelTable] ? ', r.role AS role' : '';
      for (const [from, to] of pairs) {
        const rows = await db.read(
          `MATCH (a:${from})-[r:${rel}]->(b:${to}) RETURN a.${keyColumn(from)} AS a, b.${keyColumn(to)} AS b${props}`,
        );
        for (const row of rows) edges.push(`${String(row.a)} ${rel} ${String(row.b)} ${String(row.role)}`);
      }
    }
  } finally {
    await db.close();
  }
  return edges.sort();
}

/** Values a CSV file must carry through unchanged. */
const AWKWARD = [
  'Doe, Jane "JD"',
  ' leading and trailing ',
  'two\nlines\r\nand a return',
  "back\\slash \\\" and 'single'",
  'ünïcödé 数据 🚀',
  '"',
  ',',
  '|pipe|',
];

function awkwardBatch(round: number): GraphBatch {
  const people = AWKWARD.map((name, i) => person(`slack:T1:U${i}`, `${name} ${round}`));
  const ids = people.map((p) => p.key);
  const entity = (i: number): string => `component:${AWKWARD[i % AWKWARD.length]}`;
  return {
    records: {
      person: people,
      component: AWKWARD.map((name, i) => component(entity(i), name, [`${name} alias`, `r${round}`])),
      conversation: AWKWARD.map((name, i) => ({
        ...conversation(`conv-${i}`, `${name} topic ${round}`, [entity(i), entity(i + round)], ids.slice(i)),
        summary: name,
        mentioned: [name],
      })),
      decision: AWKWARD.map((name, i) =>
        decision(`d-${i}`, [entity(i + 1)], {
          summary: name,
          conversationId: `conv-${i}`,
          decidedBy: ids.slice(0, 1 + ((i + round) % 3)),
          reversedAt: round > 0 ? '2026-11-05T01:02:03.456Z' : null,
        }),
      ),
      actionItem: AWKWARD.map((name, i) =>
        actionItem(`a-${i}`, i % 3 === 0 ? null : ids[(i + round) % ids.length], {
          summary: name,
          dueText: name,
          completedAt: i % 2 === round % 2 ? '2026-11-06T00:00:00.000Z' : null,
        }),
      ),
      question: AWKWARD.map((name, i) =>
        question(`q-${i}`, ids[i], round > 0 ? [] : ids.slice(1, 3), { text: name, kind: 'approval' }),
      ),
      meeting: AWKWARD.map((name, i) =>
        meeting(`m${i}`, 3 + i, ids[i], ids.slice(i + 1, i + 3 + round), { title: name, location: name }),
      ),
    },
    slots: AWKWARD.map((name, i) => {
      const subject = ids[i];
      const fact = factVersion(`f-${i}-${round}`, subject, entity(i), {
        confidence: 0.25 * (1 + (i % 3)),
        hedged: i % 2 === 1,
        retraction:
          round > 0
            ? { eventId: `r-${i}`, reason: 'correction', at: '2026-11-07T00:00:00.000Z', by: name }
            : null,
        eventIds: [`e${i}`, `e${round}`],
      });
      return { slot: fact.slot, facts: round > 1 && i % 4 === 0 ? [] : [fact] };
    }),
    cursor: 10 + round,
  };
}

describe('KuzuGraphStore batches by LOAD FROM', () => {
  it('end in the same graph as row-by-row writes and as a replay, placeholders included', async () => {
    const events = storedEvents(11);
    const loaded = (await kuzuStore(1)).store;
    const rows = (await kuzuStore(Number.POSITIVE_INFINITY)).store;
    for (const store of [loaded, rows]) {
      const projector = new GraphProjector(new MemoryClaimIndex(), store);
      // Shuffled batches of 1 to 120 events: records and slots both new and rewritten.
      for (const batch of new TestRandom(12).batches(events, 120)) await projector.apply(batch);
    }
    const replayed = new MemoryGraphStore();
    await rebuildProjection(events, new MemoryClaimIndex(), replayed, events[events.length - 1].seq);
    const expected = await replayed.dump();
    expect(expected.facts.length).toBeGreaterThan(100);
    expect(expected.records.conversation.length).toBeGreaterThan(10);
    expect(await loaded.dump()).toEqual(expected);
    expect(await rows.dump()).toEqual(expected);
    expect(await loaded.counts()).toEqual(await rows.counts());
    const people = Array.from({ length: 14 }, (_, i) => `slack:T1:U${i}`);
    const entities = Array.from({ length: 10 }, (_, i) => `component:c${i}`);
    expect(await loaded.get('person', people)).toEqual(await rows.get('person', people));
    expect(await loaded.get('component', entities)).toEqual(await rows.get('component', entities));
    expect((await loaded.search('topic component')).conversations).toEqual(
      (await rows.search('topic component')).conversations,
    );
    const edges = await edgesOf(loaded);
    expect(edges.length).toBeGreaterThan(500);
    expect(edges).toEqual(await edgesOf(rows));
  });

  it('carry quotes, commas, line breaks and unicode through, rewriting records and their edges', async () => {
    const loaded = await kuzuStore(1);
    const rows = (await kuzuStore(Number.POSITIVE_INFINITY)).store;
    for (const round of [0, 1, 2]) {
      await loaded.store.write(awkwardBatch(round));
      await rows.write(awkwardBatch(round));
      expect(await loaded.store.dump()).toEqual(await rows.dump());
    }
    const last = awkwardBatch(2);
    expect((await loaded.store.dump()).records.meeting).toEqual(
      [...(last.records.meeting ?? [])].sort((a, b) => (a.start < b.start ? -1 : 1)),
    );
    expect(await loaded.store.meetings({ people: ['slack:T1:U7'] })).toEqual(
      await rows.meetings({ people: ['slack:T1:U7'] }),
    );
    expect(await loaded.store.cursor()).toBe(12);
    expect(existsSync(`${loaded.dir}/batch`)).toBe(false);
    expect(await edgesOf(loaded.store)).toEqual(await edgesOf(rows));
  });

  it('writes nothing of a batch that fails, and leaves the cursor where it was', async () => {
    const { store, dir } = await kuzuStore(1);
    await store.write(awkwardBatch(0));
    const before = await store.dump();
    const broken = awkwardBatch(1);
    // Two slots holding one fact id: the second CREATE breaks the primary key, after the records went in.
    broken.slots[1] = {
      slot: broken.slots[1].slot,
      facts: [{ ...broken.slots[0].facts[0], slot: broken.slots[1].slot }],
    };
    await expect(store.write(broken)).rejects.toThrow();
    expect(await store.dump()).toEqual(before);
    expect(await store.cursor()).toBe(10);
    expect(readdirSync(dir)).not.toContain('batch');
  });
});
