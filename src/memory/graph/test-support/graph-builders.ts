import type { Evidence } from '../../../domain/annotations.js';
import type { FactVersion } from '../../facts/fact-types.js';
import { slotOf } from '../../facts/fact-types.js';
import type {
  ActionItemNode,
  ComponentNode,
  ConversationNode,
  DecisionNode,
  MeetingNode,
  PersonNode,
  QuestionNode,
} from '../graph-records.js';

export const EV: Evidence = {
  source: 'slack',
  workspace: 'T1',
  channel: 'C1',
  id: '1700000000.000100',
  author: 'slack:T1:UALICE',
  ts: '2026-11-03T09:00:00.000Z',
  snippet: 'Alice owns "billing", now',
};

export function person(key: string, name: string | null, version = 1): PersonNode {
  return { key, name, version };
}

export function component(id: string, name: string, aliases: string[] = [], version = 1): ComponentNode {
  return { id, kind: 'component', name, aliases, version };
}

export function conversation(
  id: string,
  topic: string,
  entities: string[],
  participants: string[] = ['slack:T1:UALICE'],
  version = 1,
): ConversationNode {
  return {
    id,
    channel: 'slack:T1:C1',
    topic,
    summary: `About ${topic}.\nSecond line, with "quotes".`,
    participants,
    mentioned: [],
    entities,
    noise: false,
    start: '2026-11-03T09:00:00.000Z',
    end: '2026-11-03T10:00:00.000Z',
    messageCount: 4,
    version,
  };
}

export function decision(id: string, about: string[], fields: Partial<DecisionNode> = {}): DecisionNode {
  return {
    id,
    version: 1,
    conversationId: 'conv-1',
    channel: 'slack:T1:C1',
    summary: `Decision ${id}`,
    about,
    decidedBy: ['slack:T1:UALICE'],
    reverses: null,
    at: '2026-11-04T09:00:00.000Z',
    confidence: 0.8,
    evidence: [EV],
    reversedBy: null,
    reversedAt: null,
    ...fields,
  };
}

export function actionItem(
  id: string,
  assignee: string | null,
  fields: Partial<ActionItemNode> = {},
): ActionItemNode {
  return {
    id,
    version: 1,
    conversationId: 'conv-1',
    channel: 'slack:T1:C1',
    summary: `Do ${id}`,
    assignee,
    requestedBy: 'slack:T1:UDANA',
    due: '2026-11-25',
    dueText: 'by Wed',
    at: '2026-11-04T09:00:00.000Z',
    confidence: 0.7,
    evidence: [EV],
    completedAt: null,
    completedBy: null,
    ...fields,
  };
}

export function question(
  id: string,
  asker: string,
  addressees: string[],
  fields: Partial<QuestionNode> = {},
): QuestionNode {
  return {
    id,
    version: 1,
    conversationId: 'conv-1',
    channel: 'slack:T1:C1',
    text: `Question ${id}?`,
    asker,
    addressees,
    kind: 'question',
    at: '2026-11-04T09:00:00.000Z',
    confidence: 0.7,
    evidence: [EV],
    answeredAt: null,
    answeredBy: null,
    ...fields,
  };
}

export function factVersion(
  id: string,
  subject: string,
  object: string,
  fields: Partial<FactVersion> = {},
): FactVersion {
  const relation = fields.relation ?? 'owns';
  return {
    id,
    slot: slotOf(relation, subject, object),
    subject,
    relation,
    object,
    status: 'current',
    confidence: 0.8,
    hedged: false,
    validFrom: '2026-11-03T09:00:00.000Z',
    validTo: null,
    recordedAt: '2026-11-03T10:00:00.000Z',
    retiredAt: null,
    supersededBy: null,
    retraction: null,
    eventIds: [`e-${id}`],
    ...fields,
  };
}

/** A meeting occurrence on 2026-11-<day> (09:00-09:30 UTC) of calendar `calendar:team`. */
export function meeting(
  uid: string,
  day: number,
  organizer: string | null,
  attendees: string[],
  fields: Partial<MeetingNode> = {},
): MeetingNode {
  const occurrence = `2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`;
  return {
    id: `calendar:team|${uid}|${occurrence}`,
    version: 1,
    calendar: 'calendar:team',
    uid,
    occurrence,
    title: `Meeting ${uid}`,
    start: occurrence,
    end: `2026-11-${String(day).padStart(2, '0')}T09:30:00.000Z`,
    allDay: false,
    location: null,
    organizer,
    attendees,
    recurring: false,
    status: null,
    cancelSeq: 0,
    ...fields,
  };
}
