import type {
  ActionItemAssigned,
  ActionItemCompleted,
  ConversationAnnotated,
  DecisionRecorded,
  EntityNamed,
  Evidence,
  FactAsserted,
  FactRetracted,
  QuestionAnswered,
  QuestionAsked,
} from '../../../domain/annotations.js';
import type { ChannelUpdated } from '../../../domain/channel.js';
import { EVENT, makeEvent, type EventEnvelope } from '../../../domain/events.js';
import { stableId } from '../../../domain/ids.js';
import type { MeetingCancelled, MeetingScheduled } from '../../../domain/meeting.js';
import type { PersonLinked, PersonUpdated } from '../../../domain/person.js';
import { EventLog } from '../../../memory/event-log.js';
import { MIGRATIONS } from '../../../memory/migrations/index.js';
import { openDatabase, type SqliteDatabase } from '../../../memory/sqlite.js';

/** Small builders for the events the brief reads, valid against the domain schemas. */

export const PROV = { stage: 'annotate', version: 'test', strategy: 'heuristic' } as const;

let counter = 0;
function event<P>(type: string, stream: string, occurredAt: string, payload: P): EventEnvelope<P> {
  counter += 1;
  return makeEvent({
    id: stableId('brief-test', type, String(counter), JSON.stringify(payload)),
    type,
    stream,
    occurredAt,
    payload,
  });
}

export function person(
  source: 'slack' | 'discord' | 'teams',
  workspace: string,
  nativeId: string,
  names: string[],
  extra: Partial<PersonUpdated> = {},
): EventEnvelope<PersonUpdated> {
  const key = `${source}:${workspace}:${nativeId}`;
  return event(EVENT.personUpdated, key, '2026-11-01T00:00:00.000Z', {
    key,
    source,
    workspace,
    nativeId,
    names,
    handles: [],
    emails: [],
    isBot: false,
    ...extra,
  });
}

export function link(a: string, b: string, basis: string): EventEnvelope<PersonLinked> {
  return event(EVENT.personLinked, `link:${a}|${b}`, '2026-11-01T00:00:00.000Z', {
    a,
    b,
    method: 'email',
    confidence: 0.95,
    basis,
  });
}

export function channel(
  source: 'slack' | 'discord' | 'teams',
  workspace: string,
  nativeId: string,
  name: string,
  kind: ChannelUpdated['kind'] = 'channel',
  members: string[] = [],
): EventEnvelope<ChannelUpdated> {
  const key = `${source}:${workspace}:${nativeId}`;
  return event(EVENT.channelUpdated, key, '2026-11-01T00:00:00.000Z', {
    key,
    source,
    workspace,
    nativeId,
    name,
    kind,
    members,
  });
}

/** Evidence from a channel key `source:workspace:channel`. */
export function ev(channelKey: string, id: string, author: string, ts: string, snippet: string): Evidence {
  const [source, workspace, channelId] = channelKey.split(':');
  return { source: source as Evidence['source'], workspace, channel: channelId, id, author, ts, snippet };
}

export function conversation(
  fields: Partial<ConversationAnnotated> &
    Pick<ConversationAnnotated, 'conversationId' | 'channel' | 'topic' | 'start' | 'end'>,
): EventEnvelope<ConversationAnnotated> {
  const payload: ConversationAnnotated = {
    summary: '',
    participants: [],
    mentioned: [],
    entities: [],
    noise: false,
    messageCount: 3,
    provenance: PROV,
    ...fields,
  };
  return event(EVENT.conversationAnnotated, `conversation:${fields.conversationId}`, fields.end, payload);
}

export function question(
  fields: Omit<QuestionAsked, 'confidence' | 'provenance' | 'kind'> &
    Partial<Pick<QuestionAsked, 'kind' | 'confidence'>>,
): EventEnvelope<QuestionAsked> {
  return event(EVENT.questionAsked, `question:${fields.questionId}`, fields.at, {
    kind: 'question',
    confidence: 0.8,
    provenance: PROV,
    ...fields,
  });
}

export function answered(
  questionId: string,
  by: string,
  at: string,
  evidence: Evidence,
): EventEnvelope<QuestionAnswered> {
  return event(EVENT.questionAnswered, `question:${questionId}`, at, {
    questionId,
    by,
    at,
    confidence: 0.8,
    evidence: [evidence],
    provenance: PROV,
  });
}

export function actionItem(
  fields: Omit<ActionItemAssigned, 'confidence' | 'provenance' | 'dueText'> &
    Partial<Pick<ActionItemAssigned, 'dueText'>>,
): EventEnvelope<ActionItemAssigned> {
  return event(EVENT.actionItemAssigned, `item:${fields.itemId}`, fields.at, {
    dueText: null,
    confidence: 0.8,
    provenance: PROV,
    ...fields,
  });
}

export function completed(
  itemId: string,
  by: string,
  at: string,
  evidence: Evidence,
): EventEnvelope<ActionItemCompleted> {
  return event(EVENT.actionItemCompleted, `item:${itemId}`, at, {
    itemId,
    by,
    at,
    confidence: 0.8,
    evidence: [evidence],
    provenance: PROV,
  });
}

export function decision(
  fields: Omit<DecisionRecorded, 'confidence' | 'provenance' | 'reverses' | 'about'> &
    Partial<Pick<DecisionRecorded, 'reverses' | 'about' | 'provenance'>>,
): EventEnvelope<DecisionRecorded> {
  return event(EVENT.decisionRecorded, `decision:${fields.decisionId}`, fields.at, {
    reverses: null,
    about: [],
    confidence: 0.8,
    provenance: PROV,
    ...fields,
  });
}

export function fact(
  fields: Omit<FactAsserted, 'confidence' | 'provenance' | 'hedged'> & Partial<Pick<FactAsserted, 'hedged'>>,
): EventEnvelope<FactAsserted> {
  return event(EVENT.factAsserted, `fact:${fields.object}`, fields.validFrom, {
    hedged: false,
    confidence: 0.8,
    provenance: PROV,
    ...fields,
  });
}

export function retracted(fields: Omit<FactRetracted, 'provenance'>): EventEnvelope<FactRetracted> {
  return event(EVENT.factRetracted, `fact:${fields.factId}`, fields.at, { provenance: PROV, ...fields });
}

export function entity(entityId: string, name: string): EventEnvelope<EntityNamed> {
  return event(EVENT.entityNamed, `entity:${entityId}`, '2026-11-01T00:00:00.000Z', {
    entityId,
    kind: 'component',
    name,
    aliases: [name],
    confidence: 1,
  });
}

export function meeting(
  fields: Partial<MeetingScheduled> & Pick<MeetingScheduled, 'uid' | 'start' | 'end' | 'summary'>,
): EventEnvelope<MeetingScheduled> {
  const payload: MeetingScheduled = {
    calendar: 'calendar:team',
    occurrence: fields.start,
    allDay: false,
    attendees: [],
    recurring: false,
    ...fields,
  };
  return event(EVENT.meetingScheduled, `meeting:${fields.uid}`, fields.start, payload);
}

export function cancelled(fields: MeetingCancelled): EventEnvelope<MeetingCancelled> {
  return event(EVENT.meetingCancelled, `meeting:${fields.uid}`, fields.occurrence, fields);
}

/** A fresh store on disk with every migration. */
export function openTestStore(file: string): { db: SqliteDatabase; log: EventLog; close(): void } {
  const db = openDatabase(file, { migrations: MIGRATIONS });
  return { db, log: new EventLog(db, () => new Date('2026-11-20T08:30:00.000Z')), close: () => db.close() };
}
