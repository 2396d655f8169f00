import type {
  ActionItemAssigned,
  ConversationAnnotated,
  DecisionRecorded,
  Evidence,
  FactAsserted,
  QuestionAsked,
} from '../../../domain/annotations.js';
import {
  channelUpdated,
  messageDeleted,
  messagePosted,
  personUpdated,
} from '../../../domain/event-builders.js';
import { EVENT, makeEvent, type EventEnvelope } from '../../../domain/events.js';
import { stableId } from '../../../domain/ids.js';
import type { MessageEdited, MessagePosted } from '../../../domain/message.js';
import { EventLog } from '../../event-log.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { openDatabase, type SqliteDatabase } from '../../sqlite.js';

/** Small builders for the events the search index reads: one Slack workspace T1. */
export const PROVENANCE = { stage: 'test', version: '1', strategy: 'heuristic' } as const;
export const person = (id: string): string => `slack:T1:${id}`;
export const channel = (id: string): string => `slack:T1:${id}`;

export function openSearchDatabase(file = ':memory:'): { db: SqliteDatabase; log: EventLog } {
  const db = openDatabase(file, { migrations: MIGRATIONS });
  return { db, log: new EventLog(db) };
}

export function personEvent(id: string, name: string, at = '2026-01-01T00:00:00.000Z'): EventEnvelope {
  return personUpdated(
    {
      key: person(id),
      source: 'slack',
      workspace: 'T1',
      nativeId: id,
      names: [name],
      handles: [],
      emails: [],
      isBot: false,
    },
    at,
  );
}

export function channelEvent(id: string, name: string, at = '2026-01-01T00:00:00.000Z'): EventEnvelope {
  return channelUpdated(
    { key: channel(id), source: 'slack', workspace: 'T1', nativeId: id, name, kind: 'channel', members: [] },
    at,
  );
}

export interface PostOptions {
  channel?: string;
  author?: string;
  kind?: MessagePosted['kind'];
}

/** A message with native id `ts` (Slack style) posted at `at`. */
export function posted(ts: string, text: string, at: string, options: PostOptions = {}): EventEnvelope {
  return messagePosted({
    source: 'slack',
    workspace: 'T1',
    channel: options.channel ?? 'C1',
    id: ts,
    thread: null,
    replyTo: null,
    author: person(options.author ?? 'UDANA'),
    text,
    kind: options.kind ?? 'message',
    mentions: [],
    editedAt: null,
    ts: at,
  });
}

export function edited(ts: string, text: string, at: string, channelId = 'C1'): EventEnvelope<MessageEdited> {
  const payload: MessageEdited = {
    source: 'slack',
    workspace: 'T1',
    channel: channelId,
    id: ts,
    text,
    mentions: [],
    editedAt: at,
  };
  return makeEvent({
    id: stableId(EVENT.messageEdited, channelId, ts, text),
    type: EVENT.messageEdited,
    stream: channel(channelId),
    occurredAt: at,
    payload,
  });
}

export function deleted(ts: string, at: string, channelId = 'C1'): EventEnvelope {
  return messageDeleted({ source: 'slack', workspace: 'T1', channel: channelId, id: ts, deletedAt: at }, at);
}

export function extracted(
  conversationId: string,
  messages: string[],
  at: string,
  channelId = 'C1',
): EventEnvelope {
  return makeEvent({
    id: stableId(EVENT.conversationExtracted, conversationId, ...messages),
    type: EVENT.conversationExtracted,
    stream: channel(channelId),
    occurredAt: at,
    payload: {
      conversationId,
      channel: channel(channelId),
      messages,
      participants: [person('UDANA')],
      start: at,
      end: at,
      provenance: PROVENANCE,
    },
  });
}

export function annotated(
  conversationId: string,
  topic: string,
  summary: string,
  end: string,
  options: { noise?: boolean; channel?: string } = {},
): EventEnvelope<ConversationAnnotated> {
  const payload: ConversationAnnotated = {
    conversationId,
    channel: channel(options.channel ?? 'C1'),
    topic,
    summary,
    participants: [person('UDANA')],
    mentioned: [],
    entities: [],
    noise: options.noise ?? false,
    start: end,
    end,
    messageCount: 2,
    provenance: PROVENANCE,
  };
  return makeEvent({
    id: stableId(EVENT.conversationAnnotated, conversationId, topic, summary),
    type: EVENT.conversationAnnotated,
    stream: payload.channel,
    occurredAt: end,
    payload,
  });
}

export function evidence(ts: string, author = 'UDANA', snippet = `message ${ts}`): Evidence {
  return {
    source: 'slack',
    workspace: 'T1',
    channel: 'C1',
    id: ts,
    author: person(author),
    ts: '2026-03-02T09:00:00.000Z',
    snippet,
  };
}

export function decisionEvent(
  decisionId: string,
  summary: string,
  at: string,
  options: { reverses?: string; by?: string } = {},
): EventEnvelope<DecisionRecorded> {
  const payload: DecisionRecorded = {
    decisionId,
    conversationId: 'conv-1',
    channel: channel('C1'),
    summary,
    about: [],
    decidedBy: [person(options.by ?? 'UDANA')],
    reverses: options.reverses ?? null,
    at,
    confidence: 0.8,
    evidence: [evidence(`ev-${decisionId}`, options.by)],
    provenance: PROVENANCE,
  };
  return makeEvent({
    id: stableId(EVENT.decisionRecorded, decisionId),
    type: EVENT.decisionRecorded,
    stream: payload.channel,
    occurredAt: at,
    payload,
  });
}

export function assignedEvent(
  itemId: string,
  summary: string,
  at: string,
  requestedBy = 'UDANA',
): EventEnvelope<ActionItemAssigned> {
  const payload: ActionItemAssigned = {
    itemId,
    conversationId: 'conv-1',
    channel: channel('C1'),
    summary,
    assignee: person('UOMAR'),
    requestedBy: person(requestedBy),
    due: null,
    dueText: null,
    at,
    confidence: 0.8,
    evidence: [evidence(`ev-${itemId}`, requestedBy)],
    provenance: PROVENANCE,
  };
  return makeEvent({
    id: stableId(EVENT.actionItemAssigned, itemId),
    type: EVENT.actionItemAssigned,
    stream: payload.channel,
    occurredAt: at,
    payload,
  });
}

export function completedEvent(itemId: string, at: string, by = 'UOMAR'): EventEnvelope {
  const payload = {
    itemId,
    by: person(by),
    at,
    confidence: 0.8,
    evidence: [evidence(`done-${itemId}`, by)],
    provenance: PROVENANCE,
  };
  return makeEvent({
    id: stableId(EVENT.actionItemCompleted, itemId, at, by),
    type: EVENT.actionItemCompleted,
    stream: channel('C1'),
    occurredAt: at,
    payload,
  });
}

export function askedEvent(
  questionId: string,
  text: string,
  at: string,
  asker = 'UDANA',
): EventEnvelope<QuestionAsked> {
  const payload: QuestionAsked = {
    questionId,
    conversationId: 'conv-1',
    channel: channel('C1'),
    text,
    asker: person(asker),
    addressees: [],
    kind: 'question',
    at,
    confidence: 0.8,
    evidence: [evidence(`ev-${questionId}`, asker)],
    provenance: PROVENANCE,
  };
  return makeEvent({
    id: stableId(EVENT.questionAsked, questionId),
    type: EVENT.questionAsked,
    stream: payload.channel,
    occurredAt: at,
    payload,
  });
}

export function answeredEvent(questionId: string, at: string, by = 'UOMAR'): EventEnvelope {
  const payload = {
    questionId,
    by: person(by),
    at,
    confidence: 0.8,
    evidence: [evidence(`answer-${questionId}`, by)],
    provenance: PROVENANCE,
  };
  return makeEvent({
    id: stableId(EVENT.questionAnswered, questionId, at, by),
    type: EVENT.questionAnswered,
    stream: channel('C1'),
    occurredAt: at,
    payload,
  });
}

export function factEvent(
  factId: string,
  subject: string,
  object: string,
  validFrom: string,
  snippet: string,
): EventEnvelope<FactAsserted> {
  const payload: FactAsserted = {
    factId,
    subject: person(subject),
    relation: 'owns',
    object,
    validFrom,
    confidence: 0.8,
    hedged: false,
    conversationId: 'conv-1',
    evidence: [evidence(`ev-${factId}`, subject, snippet)],
    provenance: PROVENANCE,
  };
  return makeEvent({
    id: stableId(EVENT.factAsserted, factId),
    type: EVENT.factAsserted,
    stream: 'facts',
    occurredAt: validFrom,
    payload,
  });
}

export function retractedFactEvent(factId: string, at: string, by = 'UDANA'): EventEnvelope {
  const payload = {
    factId,
    reason: 'correction',
    at,
    by: person(by),
    evidence: [evidence(`retract-${factId}`, by)],
    provenance: PROVENANCE,
  };
  return makeEvent({
    id: stableId(EVENT.factRetracted, factId, at),
    type: EVENT.factRetracted,
    stream: 'facts',
    occurredAt: at,
    payload,
  });
}
