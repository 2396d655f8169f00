import { EVENT, type TypedEnvelope } from '../../domain/events.js';
import type {
  KnownEntity,
  OpenItem,
  PriorDecision,
  PriorFact,
} from '../../pipeline/annotate/annotate-types.js';

/** The annotation events an input's knowledge lists are folded from. */
export const KNOWLEDGE_TYPES = [
  EVENT.entityNamed,
  EVENT.decisionRecorded,
  EVENT.actionItemAssigned,
  EVENT.actionItemCompleted,
  EVENT.factAsserted,
  EVENT.factRetracted,
] as const;
export type KnowledgeEvent = TypedEnvelope<(typeof KNOWLEDGE_TYPES)[number]>;

type Payload<T extends KnowledgeEvent['type']> = Extract<KnowledgeEvent, { type: T }>['payload'];

/** What an input knows of a named entity, a decision, an open item and a fact: one shape each. */
export const knownEntity = (entity: Payload<typeof EVENT.entityNamed>): KnownEntity => ({
  id: entity.entityId,
  name: entity.name,
  kind: entity.kind,
  aliases: entity.aliases,
});
export const priorDecision = (decision: Payload<typeof EVENT.decisionRecorded>): PriorDecision => ({
  conversationId: decision.conversationId,
  channel: decision.channel,
  decisionId: decision.decisionId,
  about: decision.about,
  summary: decision.summary,
  at: decision.at,
});
export const openItem = (item: Payload<typeof EVENT.actionItemAssigned>): OpenItem => ({
  conversationId: item.conversationId,
  itemId: item.itemId,
  channel: item.channel,
  due: item.due,
  assignee: item.assignee,
  summary: item.summary,
  at: item.at,
});
export const priorFact = (fact: Payload<typeof EVENT.factAsserted>, occurredAt: string): PriorFact => ({
  conversationId: fact.conversationId,
  factId: fact.factId,
  subject: fact.subject,
  relation: fact.relation,
  object: fact.object,
  at: occurredAt,
});

/** The knowledge lists of one conversation's input. */
export interface AsOf {
  entities: KnownEntity[];
  decisions: PriorDecision[];
  openItems: OpenItem[];
  facts: PriorFact[];
}

/** Each knowledge event's time, parsed once (a test folds the same events many times). */
const occurredTimes = new WeakMap<KnowledgeEvent, number>();
function occurredMs(event: KnowledgeEvent): number {
  let ms = occurredTimes.get(event);
  if (ms === undefined) occurredTimes.set(event, (ms = Date.parse(event.occurredAt)));
  return ms;
}

/**
 * Folds the annotation events (in log order) from before `start`, leaving out those of
 * `conversationId`: what each conversation's input knows. The agent keeps the same answer up to
 * date incrementally (knowledge-fold.ts); this whole fold is its reference (the tests compare them).
 */
export function knowledgeAsOf(
  events: readonly KnowledgeEvent[],
  start: string,
  conversationId: string,
): AsOf {
  const entities = new Map<string, KnownEntity>();
  const decisions: PriorDecision[] = [];
  const items = new Map<string, OpenItem>();
  const facts = new Map<string, PriorFact>();
  const startMs = Date.parse(start);
  for (const event of events) {
    if (!(occurredMs(event) < startMs)) continue;
    switch (event.type) {
      case EVENT.entityNamed: {
        const entity = event.payload;
        entities.set(entity.entityId, knownEntity(entity));
        break;
      }
      case EVENT.decisionRecorded: {
        const decision = event.payload;
        if (decision.conversationId !== conversationId) decisions.push(priorDecision(decision));
        break;
      }
      case EVENT.actionItemAssigned: {
        const item = event.payload;
        if (item.conversationId !== conversationId) items.set(item.itemId, openItem(item));
        break;
      }
      case EVENT.actionItemCompleted:
        items.delete(event.payload.itemId);
        break;
      case EVENT.factAsserted: {
        const fact = event.payload;
        if (fact.conversationId !== conversationId) facts.set(fact.factId, priorFact(fact, event.occurredAt));
        break;
      }
      case EVENT.factRetracted:
        facts.delete(event.payload.factId);
        break;
    }
  }
  return {
    entities: [...entities.values()],
    decisions,
    openItems: [...items.values()],
    facts: [...facts.values()],
  };
}
