import { afterEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../domain/events.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { EventLog } from '../event-log.js';
import { MemoryClaimIndex } from '../facts/claim-index.js';
import { SqliteClaimIndex } from '../facts/sqlite-claim-index.js';
import { openTempFactDatabase } from '../facts/test-support/fact-database.js';
import { asserted, assertedEvent, stored } from '../facts/test-support/fact-builders.js';
import { readEvents } from './event-source.js';
import type { GraphStore } from './graph-store.js';
import { KuzuGraphStore } from './kuzu/kuzu-graph-store.js';
import { MemoryGraphStore } from './memory-graph-store.js';
import { GraphProjector, PROJECTED_EVENT_TYPES } from './projector.js';
import { rebuildProjection } from './rebuild.js';
import { syntheticEvents, TestRandom } from './test-support/synthetic-events.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function logWith(seed: number) {
  const { db, cleanup } = openTempFactDatabase('outro-projector-');
  cleanups.push(cleanup);
  const log = new EventLog(db, () => new Date('2026-12-01T00:00:00.000Z'));
  const events = syntheticEvents(seed);
  // Recorded in three separate batches, so recordedAt differs between events.
  const third = Math.ceil(events.length / 3);
  [0, 1, 2].forEach((part) => {
    const at = new Date(Date.parse('2026-12-01T00:00:00.000Z') + part * 3_600_000);
    new EventLog(db, () => at).appendAll(events.slice(part * third, (part + 1) * third));
  });
  return { db, log, stored: log.read() };
}

async function kuzuStore(): Promise<KuzuGraphStore> {
  const temp = makeTempDir('outro-graph-');
  const store = await KuzuGraphStore.open(temp.dir);
  cleanups.push(
    () => temp.cleanup(),
    () => store.close(),
  );
  return store;
}

async function applyAll(projector: GraphProjector, batches: StoredEvent[][]): Promise<void> {
  for (const batch of batches) await projector.apply(batch);
}

describe('GraphProjector', () => {
  it('changes nothing when the same events are applied again', async () => {
    const { stored: events } = logWith(1);
    const graph = new MemoryGraphStore();
    const projector = new GraphProjector(new MemoryClaimIndex(), graph);
    await projector.apply(events);
    const once = await graph.dump();
    await projector.apply(events);
    await applyAll(projector, new TestRandom(9).batches(events, 25));
    expect(await graph.dump()).toEqual(once);
  });

  it('ends in the same graph as a replay whatever the batch order (memory stores)', async () => {
    const { stored: events } = logWith(3);
    const replayed = new MemoryGraphStore();
    const report = await rebuildProjection(
      events,
      new MemoryClaimIndex(),
      replayed,
      events[events.length - 1].seq,
    );
    expect(report.invalid).toBe(1);
    const expected = await replayed.dump();
    expect(expected.facts.length).toBeGreaterThan(10);
    expect(new Set(expected.facts.map((fact) => fact.status))).toEqual(
      new Set(['current', 'superseded', 'ended', 'retracted', 'alternative']),
    );
    for (const seed of [4, 5, 6]) {
      const graph = new MemoryGraphStore();
      await applyAll(
        new GraphProjector(new MemoryClaimIndex(), graph),
        new TestRandom(seed).batches(events, 25),
      );
      expect(await graph.dump()).toEqual(expected);
      expect(await graph.cursor()).toBe(await replayed.cursor());
    }
  });

  it('ends in the same graph as a replay in Kùzu with the SQLite claim index, equal to the memory result', async () => {
    const { db, stored: events } = logWith(6);
    const lastSeq = events[events.length - 1].seq;

    const incremental = await kuzuStore();
    await applyAll(
      new GraphProjector(new SqliteClaimIndex(db), incremental),
      new TestRandom(7).batches(events, 25),
    );
    const incrementalDump = await incremental.dump();

    const replayed = await kuzuStore();
    await rebuildProjection(
      readEvents(db, PROJECTED_EVENT_TYPES, 0, lastSeq),
      new SqliteClaimIndex(db),
      replayed,
      lastSeq,
    );
    expect(await replayed.dump()).toEqual(incrementalDump);

    const memory = new MemoryGraphStore();
    await rebuildProjection(events, new MemoryClaimIndex(), memory, lastSeq);
    expect(await memory.dump()).toEqual(incrementalDump);

    await expectSameAnswers([incremental, replayed, memory]);
  });

  it('projects meetings with their organizer and attendees: moves, cancellations and a cancellation undone', async () => {
    const { stored: events } = logWith(2);
    for (const graph of [new MemoryGraphStore(), await kuzuStore()]) {
      await applyAll(
        new GraphProjector(new MemoryClaimIndex(), graph),
        new TestRandom(11).batches(events, 25),
      );
      const titles = (await graph.meetings({})).map((meeting) => meeting.title);
      expect(titles).toEqual(['1:1', '1:1 (moved)', 'Retro (back on)', '1:1']);
      const moved = (await graph.meetings({})).find((meeting) => meeting.title === '1:1 (moved)');
      // Organizer and attendees by calendar person key (email lower-cased); a room without an email is no attendee.
      expect(moved).toMatchObject({
        organizer: 'calendar:email:p0@example.test',
        attendees: ['calendar:email:p1@example.test', 'calendar:email:p2@example.test'],
        start: '2026-09-09T12:00:00.000Z',
      });
      expect(
        (await graph.meetings({ people: ['calendar:email:p1@example.test'] })).map(
          (meeting) => meeting.title,
        ),
      ).toEqual(['1:1', '1:1 (moved)', '1:1']);
      expect(
        (await graph.meetings({ people: ['calendar:email:p3@example.test'] })).map(
          (meeting) => meeting.title,
        ),
      ).toEqual([]);
      expect(
        (await graph.meetings({ people: ['calendar:email:p3@example.test'], cancelled: true })).map(
          (meeting) => meeting.title,
        ),
      ).toEqual(['Planning']);
      expect((await graph.counts()).meetings).toBe(5);
    }
  });

  it('reverses a decision even when the reversal arrives first', async () => {
    const graph = new MemoryGraphStore();
    const projector = new GraphProjector(new MemoryClaimIndex(), graph);
    const decision = (id: string, reverses: string | null, at: string) =>
      stored(
        'decision.recorded',
        `ev-${id}`,
        {
          decisionId: id,
          conversationId: 'c',
          channel: 'slack:T1:C1',
          summary: id,
          about: ['component:billing'],
          decidedBy: ['slack:T1:U1'],
          reverses,
          at,
          confidence: 0.8,
          evidence: [asserted('x', 'a', 'b', at).evidence[0]],
          provenance: { stage: 's', version: '1', strategy: 'heuristic' },
        },
        at,
      );
    await projector.apply([decision('d2', 'd1', '2026-11-05T00:00:00.000Z')]);
    await projector.apply([decision('d1', null, '2026-11-01T00:00:00.000Z')]);
    const [d1, d2] = await graph.decisions({ about: 'component:billing' });
    expect(d1).toMatchObject({ id: 'd1', reversedBy: 'd2', reversedAt: '2026-11-05T00:00:00.000Z' });
    expect(d2).toMatchObject({ id: 'd2', reverses: 'd1', reversedBy: null });
  });

  it('keeps the current owner when an older assertion is backfilled later', async () => {
    const graph = new MemoryGraphStore();
    const projector = new GraphProjector(new MemoryClaimIndex(), graph);
    await projector.apply([
      assertedEvent(asserted('b1', 'slack:T1:UBOB', 'component:billing', '2026-11-03T09:00:00.000Z'), {
        seq: 1,
      }),
    ]);
    await projector.apply([
      assertedEvent(asserted('a1', 'slack:T1:UALICE', 'component:billing', '2026-10-01T09:00:00.000Z'), {
        seq: 2,
      }),
    ]);
    const facts = await graph.facts({ object: 'component:billing' });
    expect(facts.map((fact) => [fact.subject, fact.status])).toEqual([
      ['slack:T1:UALICE', 'superseded'],
      ['slack:T1:UBOB', 'current'],
    ]);
  });
});

/** The same reads give the same answers on every store. */
async function expectSameAnswers(stores: GraphStore[]): Promise<void> {
  const answers = await Promise.all(
    stores.map(async (store) => {
      const out: unknown[] = [];
      for (let i = 0; i < 4; i++) {
        const about = `component:c${i}`;
        out.push(
          await store.facts({ object: about }),
          await store.decisions({ about }),
          await store.conversations({ about }),
        );
        out.push(await store.actionItems({ about, open: true }), await store.questions({ about }));
      }
      for (let i = 0; i < 6; i++) {
        const people = [`slack:T1:U${i}`];
        out.push(
          await store.facts({ subjects: people }),
          await store.actionItems({ people }),
          await store.questions({ people, open: true }),
          await store.questions({ askers: people }),
        );
      }
      out.push((await store.search('component 1')).components.map((hit) => hit.component.id).sort());
      for (const email of ['p0', 'p1', 'p2', 'p3'])
        out.push(await store.meetings({ people: [`calendar:email:${email}@example.test`] }));
      out.push(
        await store.meetings({ cancelled: true }),
        await store.meetings({ from: '2026-09-08T00:00:00.000Z', to: '2026-09-14T00:00:00.000Z' }),
      );
      out.push(await store.counts());
      return out;
    }),
  );
  for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
}
