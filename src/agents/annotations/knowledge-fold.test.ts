import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../app/store.js';
import { EVENT, makeEvent } from '../../domain/events.js';
import { Prng } from '../../domain/seeded-random.js';
import { listSource, type KnownEntitySource } from '../../pipeline/annotate/known-entities.js';
import { KNOWLEDGE_TYPES, knowledgeAsOf, type KnowledgeEvent } from './knowledge-as-of.js';
import { KnowledgeFold } from './knowledge-fold.js';

const T0 = Date.UTC(2026, 10, 2);
const at = (minute: number): string => new Date(T0 + minute * 60_000).toISOString();
const evidence = [
  {
    source: 'slack' as const,
    workspace: 'T1',
    channel: 'C1',
    id: '1.1',
    author: 'a',
    ts: at(0),
    snippet: 's',
  },
];
const provenance = { stage: 'annotate', version: 'v', strategy: 'heuristic' as const };

/** A seeded generator (so a failure replays). */
function random(seed: number): () => number {
  const prng = new Prng(seed);
  return () => prng.next();
}

const NAMES = ['billing service', 'auth api', 'the indexer', 'v2.1', '-edge-', 'search indexer', 'Fares'];

/** Random knowledge events over few keys, times and conversations, so keys collide, repeat and are removed. */
function randomEvent(next: () => number, n: number): KnowledgeEvent {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const conversationId = pick(['c1', 'c2', 'c3', 'c4']);
  const time = at(Math.floor(next() * 40));
  const kind = Math.floor(next() * 6);
  const common = { id: `e${n}`, stream: 'slack:T1:C1', occurredAt: time, causationId: null };
  switch (kind) {
    case 0: {
      const name = pick(NAMES);
      return makeEvent<typeof EVENT.entityNamed>({
        ...common,
        type: EVENT.entityNamed,
        payload: {
          entityId: `component:${pick(['a', 'b', 'c', 'd', 'e'])}`,
          kind: 'component',
          name,
          aliases: [name, pick(NAMES)],
          confidence: 0.8,
        },
      });
    }
    case 1:
      return makeEvent<typeof EVENT.decisionRecorded>({
        ...common,
        type: EVENT.decisionRecorded,
        payload: {
          decisionId: `d${pick([1, 2, 3])}`,
          conversationId,
          channel: 'C1',
          summary: `decide ${n}`,
          about: [],
          decidedBy: ['a'],
          reverses: null,
          at: time,
          confidence: 0.7,
          evidence,
          provenance,
        },
      });
    case 2:
      return makeEvent<typeof EVENT.actionItemAssigned>({
        ...common,
        type: EVENT.actionItemAssigned,
        payload: {
          itemId: `i${pick([1, 2, 3, 4])}`,
          conversationId,
          channel: 'C1',
          summary: `do ${n}`,
          assignee: pick(['a', 'b', null]),
          requestedBy: 'a',
          due: null,
          dueText: null,
          at: time,
          confidence: 0.7,
          evidence,
          provenance,
        },
      });
    case 3:
      return makeEvent<typeof EVENT.actionItemCompleted>({
        ...common,
        type: EVENT.actionItemCompleted,
        payload: {
          itemId: `i${pick([1, 2, 3, 4])}`,
          by: 'a',
          at: time,
          confidence: 0.7,
          evidence,
          provenance,
        },
      });
    case 4:
      return makeEvent<typeof EVENT.factAsserted>({
        ...common,
        type: EVENT.factAsserted,
        payload: {
          factId: `f${pick([1, 2, 3])}`,
          subject: pick(['a', 'b']),
          relation: 'owns',
          object: `component:${n}`,
          validFrom: time,
          confidence: 0.7,
          hedged: false,
          conversationId,
          evidence,
          provenance,
        },
      });
    default:
      return makeEvent<typeof EVENT.factRetracted>({
        ...common,
        type: EVENT.factRetracted,
        payload: {
          factId: `f${pick([1, 2, 3])}`,
          reason: 'correction',
          at: time,
          by: 'a',
          evidence,
          provenance,
        },
      });
  }
}

/** What an entity source answers, as ids in order: for comparing a source with a scan of the list. */
function answers(source: KnownEntitySource, probes: readonly string[]): string[] {
  const ids = (entries: readonly { entity: { id: string }; order: number }[]): string => {
    const orders = entries.map((entry) => entry.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    return entries.map((entry) => entry.entity.id).join(',');
  };
  return [
    ids(source.irregular()),
    ...probes.flatMap((probe) => [
      ids(source.withForm(probe)),
      ids(source.withFirstWord(probe)),
      ids(source.withId(probe)),
    ]),
  ];
}
const PROBES = [
  'billing service',
  'billing',
  'auth api',
  'auth',
  'indexer',
  'the indexer',
  'v2 1',
  'v2',
  'edge',
  'fares',
  'component:a',
  'component:c',
];

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'outro-knowledge-fold-'));
  store = openStore(path.join(dir, 'outro.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('KnowledgeFold', () => {
  it('answers what the whole fold answers, for starts in any order, across batches and their produced events', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const next = random(seed);
      const fold = new KnowledgeFold(store.log);
      /** What readKnowledge plus the batch's pushes would hold: the log's events, then this batch's. */
      let logged: KnowledgeEvent[] = [];
      let n = seed * 10_000;
      for (let batch = 0; batch < 8; batch++) {
        for (let k = 0; k < 6; k++) store.log.append(randomEvent(next, n++));
        fold.sync(store.log);
        logged = [...store.log.iterateTyped(KNOWLEDGE_TYPES)];
        const held = [...logged];
        const produced: KnowledgeEvent[] = [];
        for (let query = 0; query < 12; query++) {
          const start = at(Math.floor(next() * 44) - 2);
          const conversation = ['c1', 'c2', 'c3', 'c4', 'c5'][Math.floor(next() * 5)];
          const { known, digest, entities } = fold.asOf(start, conversation);
          const expected = knowledgeAsOf(held, start, conversation);
          expect(known).toEqual(expected);
          expect(answers(entities, PROBES)).toEqual(answers(listSource(expected.entities), PROBES));
          expect(digest).toBe(fold.asOf(start, conversation).digest);
          // The batch's produced events (sometimes a copy of one already logged) are seen by later queries.
          const event =
            next() < 0.2 && logged.length > 0
              ? logged[Math.floor(next() * logged.length)]
              : randomEvent(next, n++);
          fold.addPending(event);
          held.push(event);
          produced.push(event);
        }
        // The commit stores some of what the batch produced (not copies the log holds).
        for (const event of produced) if (next() < 0.7 && !store.log.has(event.id)) store.log.append(event);
      }
    }
  });

  it('gives different digests for different folded events and the same digest for the same', () => {
    const fold = new KnowledgeFold(store.log);
    const next = random(9);
    for (let n = 0; n < 20; n++) store.log.append(randomEvent(next, n));
    fold.sync(store.log);
    const late = fold.asOf(at(50), 'c9').digest;
    const early = fold.asOf(at(-5), 'c9').digest;
    const mid = fold.asOf(at(20), 'c9').digest;
    expect(new Set([late, early, mid]).size).toBe(3);
    expect(fold.asOf(at(50), 'c9').digest).toBe(late);
    expect(fold.asOf(at(20), 'c9').digest).toBe(mid);
  });

  it('mirrors only the log it was made for', () => {
    const fold = new KnowledgeFold(store.log);
    const next = random(11);
    store.log.append(randomEvent(next, 1));
    fold.sync(store.log);
    expect(fold.mirrors(store.log)).toBe(true);
    const other = openStore(path.join(dir, 'other.db'));
    try {
      expect(fold.mirrors(other.log)).toBe(false);
    } finally {
      other.close();
    }
  });
});
