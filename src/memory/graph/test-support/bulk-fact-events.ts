import type { Evidence, FactAsserted, FactRelation, FactRetracted } from '../../../domain/annotations.js';
import { EVENT, makeEvent, type EventEnvelope } from '../../../domain/events.js';
import { stableId } from '../../../domain/ids.js';
import type { PersonUpdated } from '../../../domain/person.js';
import { TestRandom } from './synthetic-events.js';

export interface BulkShape {
  facts: number;
  people: number;
  components: number;
  /** Share of fact events that are retractions. */
  retractions?: number;
  seed?: number;
}

const DAY = 86_400_000;
const START = Date.parse('2024-11-20T00:00:00.000Z');
const SPAN_DAYS = 730;
const WORDS = [
  'billing',
  'search',
  'ledger',
  'payments',
  'auth',
  'gateway',
  'reports',
  'sync',
  'mobile',
  'ingest',
  'alerts',
  'invoices',
  'catalog',
  'profile',
  'export',
  'queue',
];

export function bulkComponentName(index: number): string {
  return `${WORDS[index % WORDS.length]} ${WORDS[Math.floor(index / WORDS.length) % WORDS.length]} ${index}`;
}

export function bulkPersonKey(index: number): string {
  return `slack:T1:U${index}`;
}

export function bulkComponentId(index: number): string {
  return `component:c${index}`;
}

/**
 * Synthetic events for benchmarks: person.updated and entity.named for every person and component,
 * then `facts` fact events over two years — ownership changing hands (about a third), works-on and
 * expertise, some hedged, some supported twice, and retractions (corrections and reversals). Yields
 * in batches so a million events never sit in memory at once.
 */
export function* bulkFactEvents(shape: BulkShape, batchSize = 10_000): Generator<EventEnvelope[]> {
  const random = new TestRandom(shape.seed ?? 42);
  let batch: EventEnvelope[] = [];
  const emit = function* (event: EventEnvelope): Generator<EventEnvelope[]> {
    batch.push(event);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  };
  for (let i = 0; i < shape.people; i++) {
    const key = bulkPersonKey(i);
    const profile: PersonUpdated = {
      key,
      source: 'slack',
      workspace: 'T1',
      nativeId: `U${i}`,
      names: [`Person ${i}`],
      handles: [`p${i}`],
      emails: [`p${i}@example.test`],
      isBot: false,
    };
    yield* emit(
      makeEvent({
        id: stableId(EVENT.personUpdated, key),
        type: EVENT.personUpdated,
        stream: key,
        occurredAt: new Date(START).toISOString(),
        payload: profile,
      }),
    );
  }
  for (let i = 0; i < shape.components; i++) {
    const id = bulkComponentId(i);
    yield* emit(
      makeEvent({
        id: stableId(EVENT.entityNamed, id),
        type: EVENT.entityNamed,
        stream: id,
        occurredAt: new Date(START).toISOString(),
        payload: {
          entityId: id,
          kind: 'component',
          name: bulkComponentName(i),
          aliases: [`${bulkComponentName(i)} svc`],
          confidence: 0.9,
        },
      }),
    );
  }
  const retractionShare = shape.retractions ?? 0.05;
  const recent: string[] = [];
  for (let i = 0; i < shape.facts; i++) {
    const time = new Date(
      START + Math.floor((i / shape.facts) * SPAN_DAYS * DAY) + random.int(DAY),
    ).toISOString();
    const author = bulkPersonKey(random.int(shape.people));
    const message = `${1_700_000_000 + i}.000100`;
    const evidence: Evidence[] = [
      {
        source: 'slack',
        workspace: 'T1',
        channel: `C${random.int(200)}`,
        id: message,
        author,
        ts: time,
        snippet: `synthetic message ${i}: who owns what, and since when, said plainly enough to quote`,
      },
    ];
    if (recent.length > 0 && random.next() < retractionShare) {
      const target = recent[random.int(recent.length)];
      const payload: FactRetracted = {
        factId: target,
        reason: random.next() < 0.7 ? 'correction' : 'reversal',
        at: time,
        by: author,
        evidence,
        provenance: { stage: 'bench', version: '1', strategy: 'heuristic' },
      };
      yield* emit(
        makeEvent({
          id: stableId(EVENT.factRetracted, target, i),
          type: EVENT.factRetracted,
          stream: `facts:${target}`,
          occurredAt: time,
          payload,
        }),
      );
      continue;
    }
    const roll = random.next();
    const relation: FactRelation = roll < 0.4 ? 'owns' : roll < 0.8 ? 'works_on' : 'expert_in';
    const factId = `bf${i}`;
    const payload: FactAsserted = {
      factId,
      subject: bulkPersonKey(random.int(shape.people)),
      relation,
      object: bulkComponentId(random.int(shape.components)),
      validFrom: time,
      confidence: 0.55 + random.int(40) / 100,
      hedged: random.next() < 0.1,
      conversationId: `conv-${Math.floor(i / 5)}`,
      evidence,
      provenance: { stage: 'bench', version: '1', strategy: 'heuristic' },
    };
    recent.push(factId);
    if (recent.length > 1_000) recent.shift();
    yield* emit(
      makeEvent({
        id: stableId(EVENT.factAsserted, factId),
        type: EVENT.factAsserted,
        stream: `facts:${payload.object}`,
        occurredAt: time,
        payload,
      }),
    );
  }
  if (batch.length > 0) yield batch;
}
