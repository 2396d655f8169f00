import { hash } from 'node:crypto';
import { EVENT } from '../../domain/events.js';
import type {
  KnownEntity,
  OpenItem,
  PriorDecision,
  PriorFact,
} from '../../pipeline/annotate/annotate-types.js';
import { knownEntity, openItem, priorDecision, priorFact, type KnowledgeEvent } from './knowledge-as-of.js';

export type Kind = 'entity' | 'decision' | 'item' | 'fact';
export type Value = KnownEntity | PriorDecision | OpenItem | PriorFact;

/** One knowledge event as the fold holds it. */
export interface Folded {
  /** Its place among the knowledge events (log order, then this batch's in the order produced). */
  rank: number;
  ms: number;
  kind: Kind;
  key: string;
  /** Sets the key's value (named, recorded, assigned, asserted); false: removes it (completed, retracted). */
  sets: boolean;
  /** The conversation a set came from: a re-run of that conversation leaves it out. */
  conversationId?: string;
  value?: Value;
  /** Entity events: the forms and mention heads it is looked up by. */
  forms?: string[];
  /** 128 bits of hash(id, rank), XORed into the digest while the event is folded in. */
  bits: [number, number, number, number];
  included: boolean;
  pending: boolean;
}

export const byRank = (a: { rank: number }, b: { rank: number }): number => a.rank - b.rank;

/** Index of the first element of `list` (sorted by `compare`) that sorts after `item`. */
export function upperBound<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid], item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const byTime = (a: Folded, b: Folded): number => a.ms - b.ms || a.rank - b.rank;

/** The key's value as a fold of its events in rank order: sets keep the first set's place, removals clear it. */
export function foldKey(
  events: readonly Folded[],
  exclude?: string,
): { pos: number; value: Value } | undefined {
  let out: { pos: number; value: Value } | undefined;
  for (const event of events) {
    if (!event.sets) {
      out = undefined;
      continue;
    }
    if (exclude !== undefined && event.conversationId === exclude) continue;
    out = { pos: out ? out.pos : event.rank, value: event.value as Value };
  }
  return out;
}

/** One knowledge event as the fold holds it, at `rank` among the knowledge events. */
export function foldedEvent(event: KnowledgeEvent, rank: number): Folded {
  const digest = hash('sha256', `${event.id}\u001f${rank}`, 'hex');
  const bits: Folded['bits'] = [0, 1, 2, 3].map((k) =>
    Number.parseInt(digest.slice(k * 8, k * 8 + 8), 16),
  ) as Folded['bits'];
  const base = { rank, ms: Date.parse(event.occurredAt), bits, included: false, pending: false };
  switch (event.type) {
    case EVENT.entityNamed: {
      const entity = event.payload;
      return {
        ...base,
        kind: 'entity',
        key: `entity:${entity.entityId}`,
        sets: true,
        value: knownEntity(entity),
      };
    }
    case EVENT.decisionRecorded: {
      const decision = event.payload;
      return {
        ...base,
        kind: 'decision',
        key: `decision:${rank}`,
        sets: true,
        conversationId: decision.conversationId,
        value: priorDecision(decision),
      };
    }
    case EVENT.actionItemAssigned: {
      const item = event.payload;
      return {
        ...base,
        kind: 'item',
        key: `item:${item.itemId}`,
        sets: true,
        conversationId: item.conversationId,
        value: openItem(item),
      };
    }
    case EVENT.actionItemCompleted:
      return { ...base, kind: 'item', key: `item:${event.payload.itemId}`, sets: false };
    case EVENT.factAsserted: {
      const fact = event.payload;
      return {
        ...base,
        kind: 'fact',
        key: `fact:${fact.factId}`,
        sets: true,
        conversationId: fact.conversationId,
        value: priorFact(fact, event.occurredAt),
      };
    }
    case EVENT.factRetracted:
      return { ...base, kind: 'fact', key: `fact:${event.payload.factId}`, sets: false };
  }
}
