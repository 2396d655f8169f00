import type { ConversationExtracted } from '../../domain/annotations.js';
import { addChannel, type ChannelUpdated } from '../../domain/channel.js';
import { EVENT, type TypedEnvelope } from '../../domain/events.js';
import type { MessagePosted } from '../../domain/message.js';
import type { EventLog } from '../../memory/event-log.js';
import { allLinks, latestProfiles } from '../../memory/people-queries.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';
import type {
  AnnotateInput,
  AnnotatePerson,
  KnownEntity,
  OpenItem,
  PriorDecision,
  PriorFact,
} from '../../pipeline/annotate/annotate-types.js';
import { groupHumans } from '../../pipeline/resolve/people.js';
import { channelMessages } from '../conversations/channel-messages.js';

/**
 * What the log knows besides messages: people, channels, and the annotation events so far. A
 * conversation's input folds only the annotation events that happened before it started (and none
 * of its own), so annotating it again — a redelivery, a replay — sees the same input and appends nothing.
 */
export interface AnnotateKnowledge {
  people: AnnotatePerson[];
  channels: Map<string, ChannelUpdated>;
  /** Annotation events in log order (the agent adds what it produces during a batch). */
  events: KnowledgeEvent[];
}

export const KNOWLEDGE_TYPES = [
  EVENT.entityNamed,
  EVENT.decisionRecorded,
  EVENT.actionItemAssigned,
  EVENT.actionItemCompleted,
  EVENT.factAsserted,
  EVENT.factRetracted,
] as const;
export type KnowledgeEvent = TypedEnvelope<(typeof KNOWLEDGE_TYPES)[number]>;

/** People as the annotate stage reads them: each native key with its human's best name, every other name, and the profile's zone. */
export function annotatePeople(db: SqliteDatabase): AnnotatePerson[] {
  const out: AnnotatePerson[] = [];
  const profiles = latestProfiles(db);
  const zones = new Map(
    profiles
      .filter((profile) => profile.timezone)
      .map((profile) => [profile.key, profile.timezone as string]),
  );
  for (const human of groupHumans(profiles, allLinks(db))) {
    for (const key of human.keys) {
      const timezone = zones.get(key);
      out.push({
        key,
        name: human.name,
        aliases: [...human.names, ...human.handles],
        isBot: human.isBot,
        ...(timezone ? { timezone } : {}),
      });
    }
  }
  return out;
}

export function readKnowledge(db: SqliteDatabase, log: EventLog): AnnotateKnowledge {
  const channels = new Map<string, ChannelUpdated>();
  for (const event of log.iterateTyped([EVENT.channelUpdated])) addChannel(channels, event.payload);
  const events: KnowledgeEvent[] = [...log.iterateTyped(KNOWLEDGE_TYPES)];
  return { people: annotatePeople(db), channels, events };
}

interface AsOf {
  entities: KnownEntity[];
  decisions: PriorDecision[];
  openItems: OpenItem[];
  facts: PriorFact[];
}

/** Each knowledge event's time, parsed once (every conversation of a batch folds every event). */
const occurredTimes = new WeakMap<KnowledgeEvent, number>();
function occurredMs(event: KnowledgeEvent): number {
  let ms = occurredTimes.get(event);
  if (ms === undefined) occurredTimes.set(event, (ms = Date.parse(event.occurredAt)));
  return ms;
}

/** Folds the annotation events from before `start`, leaving out those of `conversationId`. */
export function knowledgeAsOf(knowledge: AnnotateKnowledge, start: string, conversationId: string): AsOf {
  const entities = new Map<string, KnownEntity>();
  const decisions: PriorDecision[] = [];
  const items = new Map<string, OpenItem>();
  const facts = new Map<string, PriorFact>();
  const startMs = Date.parse(start);
  for (const event of knowledge.events) {
    if (!(occurredMs(event) < startMs)) continue;
    switch (event.type) {
      case EVENT.entityNamed: {
        const entity = event.payload;
        entities.set(entity.entityId, {
          id: entity.entityId,
          name: entity.name,
          kind: entity.kind,
          aliases: entity.aliases,
        });
        break;
      }
      case EVENT.decisionRecorded: {
        const decision = event.payload;
        if (decision.conversationId !== conversationId)
          decisions.push({
            conversationId: decision.conversationId,
            channel: decision.channel,
            decisionId: decision.decisionId,
            about: decision.about,
            summary: decision.summary,
            at: decision.at,
          });
        break;
      }
      case EVENT.actionItemAssigned: {
        const item = event.payload;
        if (item.conversationId !== conversationId)
          items.set(item.itemId, {
            conversationId: item.conversationId,
            itemId: item.itemId,
            assignee: item.assignee,
            summary: item.summary,
            at: item.at,
          });
        break;
      }
      case EVENT.actionItemCompleted:
        items.delete(event.payload.itemId);
        break;
      case EVENT.factAsserted: {
        const fact = event.payload;
        if (fact.conversationId !== conversationId)
          facts.set(fact.factId, {
            conversationId: fact.conversationId,
            factId: fact.factId,
            subject: fact.subject,
            relation: fact.relation,
            object: fact.object,
            at: event.occurredAt,
          });
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

/** The annotate stage's input for one conversation; undefined when none of its messages are left. */
export function buildAnnotateInput(
  conversation: ConversationExtracted,
  messages: readonly ReactedMessage[],
  knowledge: AnnotateKnowledge,
  timezone: string,
): AnnotateInput | undefined {
  const wanted = new Set(conversation.messages);
  const picked = messages.filter((message) => wanted.has(message.id));
  if (picked.length === 0) return undefined;
  const first = picked[0];
  const names = new Map(knowledge.people.map((person) => [person.key, person.name]));
  const channel = knowledge.channels.get(conversation.channel);
  const start = first.ts;
  const known = knowledgeAsOf(knowledge, start, conversation.conversationId);
  return {
    conversationId: conversation.conversationId,
    channel: conversation.channel,
    ref: { source: first.source, workspace: first.workspace, channel: first.channel },
    timezone,
    ...(channel?.name ? { channelName: channel.name } : {}),
    dm: channel?.kind === 'dm',
    members: channel?.kind === 'dm' ? channel.members : undefined,
    ...(channel && channel.kind !== 'dm' && channel.members.length > 0
      ? { channelMembers: channel.members }
      : {}),
    messages: picked.map((message) => ({
      id: message.id,
      author: message.author,
      authorName: names.get(message.author) ?? message.author,
      ts: message.ts,
      text: message.text,
      kind: message.kind,
      mentions: message.mentions,
      ...(message.mentionsAll ? { mentionsAll: true } : {}),
      replyTo: message.replyTo,
      thread: message.thread,
      ...((message.files?.length ?? 0) > 0 || (message.links?.length ?? 0) > 0 ? { attachment: true } : {}),
      ...(message.reactions?.length ? { reactions: message.reactions } : {}),
    })),
    people: knowledge.people,
    entities: known.entities,
    priorDecisions: known.decisions,
    openItems: known.openItems,
    priorFacts: known.facts,
  };
}

/** A channel's live message with the reactions the export recorded on it. */
export type ReactedMessage = MessagePosted & { reactions?: Array<{ emoji: string; user: string }> };

export function conversationMessages(log: EventLog, channel: string): ReactedMessage[] {
  const reactions = new Map<string, Array<{ emoji: string; user: string }>>();
  for (const event of log.iterateTyped([EVENT.reactionAdded], { stream: channel })) {
    const { id, emoji, user } = event.payload;
    const list = reactions.get(id) ?? [];
    if (!list.some((reaction) => reaction.emoji === emoji && reaction.user === user))
      list.push({ emoji, user });
    reactions.set(id, list);
  }
  return channelMessages(log, channel).map((message) =>
    reactions.has(message.id) ? { ...message, reactions: reactions.get(message.id) } : message,
  );
}
