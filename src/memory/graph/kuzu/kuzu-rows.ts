import type { Evidence } from '../../../domain/annotations.js';
import type { FactRetractionRef, FactVersion } from '../../facts/fact-types.js';
import type {
  ActionItemNode,
  ChannelNode,
  ComponentNode,
  ConversationNode,
  DecisionNode,
  GraphRecords,
  MeetingNode,
  PersonNode,
  QuestionNode,
  RecordKind,
} from '../graph-records.js';
import type { KuzuParam, KuzuRow } from './kuzu-database.js';
import type { NodeTable, RelTable } from './kuzu-schema.js';

/** A property value as stored: strings ('' is stored as NULL, as COPY does), numbers, booleans, times as ISO strings. */
export type Props = Record<string, KuzuParam>;

export interface EdgeSpec {
  rel: RelTable;
  /** 'out': (record)-[rel]->(target); 'in': (target)-[rel]->(record). */
  direction: 'out' | 'in';
  target: NodeTable;
  keys: readonly string[];
  /** Edge properties (the same for every key), in REL_PROPERTIES order. */
  properties?: Props;
}

export interface TableSpec<K extends RecordKind> {
  table: NodeTable;
  key: 'key' | 'id';
  /** Properties bound through timestamp($p). */
  times: readonly string[];
  columns: readonly string[];
  toProps(record: GraphRecords[K]): Props;
  fromNode(node: KuzuRow): GraphRecords[K];
  /** The edges the record owns (replaced whenever it is written). */
  edges(record: GraphRecords[K]): EdgeSpec[];
}

const json = (value: unknown): string => JSON.stringify(value);
const text = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value === '' ? null : value;
const str = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
const strOrNull = (value: unknown): string | null =>
  value === null || value === undefined || value === '' ? null : String(value);
const time = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value);
const timeOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : time(value);
const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const list = (value: unknown): string[] =>
  typeof value === 'string' && value !== '' ? (JSON.parse(value) as string[]) : [];
const evidenceList = (value: unknown): Evidence[] =>
  typeof value === 'string' && value !== '' ? (JSON.parse(value) as Evidence[]) : [];

export const PERSON: TableSpec<'person'> = {
  table: 'Person',
  key: 'key',
  times: [],
  columns: ['key', 'name', 'version'],
  toProps: (r: PersonNode) => ({ key: r.key, name: text(r.name), version: r.version }),
  fromNode: (n) => ({ key: str(n.key), name: strOrNull(n.name), version: num(n.version) }),
  edges: () => [],
};

export const COMPONENT: TableSpec<'component'> = {
  table: 'Component',
  key: 'id',
  times: [],
  columns: ['id', 'kind', 'name', 'aliases', 'search', 'version'],
  toProps: (r: ComponentNode) => ({
    id: r.id,
    kind: text(r.kind),
    name: text(r.name),
    aliases: json(r.aliases),
    search: text([r.name ?? '', ...r.aliases].filter((value) => value !== '').join(' | ')),
    version: r.version,
  }),
  fromNode: (n) => ({
    id: str(n.id),
    kind: strOrNull(n.kind),
    name: strOrNull(n.name),
    aliases: list(n.aliases),
    version: num(n.version),
  }),
  edges: () => [],
};

export const CHANNEL: TableSpec<'channel'> = {
  table: 'Channel',
  key: 'key',
  times: [],
  columns: ['key', 'name', 'kind', 'version'],
  toProps: (r: ChannelNode) => ({ key: r.key, name: text(r.name), kind: text(r.kind), version: r.version }),
  fromNode: (n) => ({
    key: str(n.key),
    name: strOrNull(n.name),
    kind: strOrNull(n.kind),
    version: num(n.version),
  }),
  edges: () => [],
};

export const CONVERSATION: TableSpec<'conversation'> = {
  table: 'Conversation',
  key: 'id',
  times: ['startedAt', 'endedAt'],
  columns: [
    'id',
    'channel',
    'topic',
    'summary',
    'participants',
    'mentioned',
    'entities',
    'noise',
    'startedAt',
    'endedAt',
    'messageCount',
    'version',
  ],
  toProps: (r: ConversationNode) => ({
    id: r.id,
    channel: text(r.channel),
    topic: text(r.topic),
    summary: text(r.summary),
    participants: json(r.participants),
    mentioned: json(r.mentioned),
    entities: json(r.entities),
    noise: r.noise,
    startedAt: text(r.start),
    endedAt: text(r.end),
    messageCount: r.messageCount,
    version: r.version,
  }),
  fromNode: (n) => ({
    id: str(n.id),
    channel: str(n.channel),
    topic: str(n.topic),
    summary: str(n.summary),
    participants: list(n.participants),
    mentioned: list(n.mentioned),
    entities: list(n.entities),
    noise: n.noise === true,
    start: time(n.startedAt),
    end: time(n.endedAt),
    messageCount: num(n.messageCount),
    version: num(n.version),
  }),
  edges: (r) => [
    { rel: 'PARTICIPATED', direction: 'in', target: 'Person', keys: r.participants },
    { rel: 'ABOUT', direction: 'out', target: 'Component', keys: r.entities },
    { rel: 'IN_CHANNEL', direction: 'out', target: 'Channel', keys: r.channel ? [r.channel] : [] },
  ],
};

const inConversation = (id: string): EdgeSpec => ({
  rel: 'IN_CONVERSATION',
  direction: 'out',
  target: 'Conversation',
  keys: id ? [id] : [],
});

export const DECISION: TableSpec<'decision'> = {
  table: 'Decision',
  key: 'id',
  times: ['at', 'reversedAt'],
  columns: [
    'id',
    'version',
    'conversationId',
    'channel',
    'summary',
    'about',
    'decidedBy',
    'reverses',
    'at',
    'confidence',
    'evidence',
    'reversedBy',
    'reversedAt',
  ],
  toProps: (r: DecisionNode) => ({
    id: r.id,
    version: r.version,
    conversationId: text(r.conversationId),
    channel: text(r.channel),
    summary: text(r.summary),
    about: json(r.about),
    decidedBy: json(r.decidedBy),
    reverses: text(r.reverses),
    at: text(r.at),
    confidence: r.confidence,
    evidence: json(r.evidence),
    reversedBy: text(r.reversedBy),
    reversedAt: text(r.reversedAt),
  }),
  fromNode: (n) => ({
    id: str(n.id),
    version: num(n.version),
    conversationId: str(n.conversationId),
    channel: str(n.channel),
    summary: str(n.summary),
    about: list(n.about),
    decidedBy: list(n.decidedBy),
    reverses: strOrNull(n.reverses),
    at: time(n.at),
    confidence: num(n.confidence),
    evidence: evidenceList(n.evidence),
    reversedBy: strOrNull(n.reversedBy),
    reversedAt: timeOrNull(n.reversedAt),
  }),
  edges: (r) => [
    { rel: 'DECIDED', direction: 'in', target: 'Person', keys: r.decidedBy },
    { rel: 'ABOUT', direction: 'out', target: 'Component', keys: r.about },
    inConversation(r.conversationId),
  ],
};

export const ACTION_ITEM: TableSpec<'actionItem'> = {
  table: 'ActionItem',
  key: 'id',
  times: ['at', 'completedAt'],
  columns: [
    'id',
    'version',
    'conversationId',
    'channel',
    'summary',
    'assignee',
    'requestedBy',
    'due',
    'dueText',
    'at',
    'confidence',
    'evidence',
    'completedAt',
    'completedBy',
  ],
  toProps: (r: ActionItemNode) => ({
    id: r.id,
    version: r.version,
    conversationId: text(r.conversationId),
    channel: text(r.channel),
    summary: text(r.summary),
    assignee: text(r.assignee),
    requestedBy: text(r.requestedBy),
    due: text(r.due),
    dueText: text(r.dueText),
    at: text(r.at),
    confidence: r.confidence,
    evidence: json(r.evidence),
    completedAt: text(r.completedAt),
    completedBy: text(r.completedBy),
  }),
  fromNode: (n) => ({
    id: str(n.id),
    version: num(n.version),
    conversationId: str(n.conversationId),
    channel: str(n.channel),
    summary: str(n.summary),
    assignee: strOrNull(n.assignee),
    requestedBy: str(n.requestedBy),
    due: strOrNull(n.due),
    dueText: strOrNull(n.dueText),
    at: time(n.at),
    confidence: num(n.confidence),
    evidence: evidenceList(n.evidence),
    completedAt: timeOrNull(n.completedAt),
    completedBy: strOrNull(n.completedBy),
  }),
  edges: (r) => [
    { rel: 'ASSIGNED_TO', direction: 'out', target: 'Person', keys: r.assignee ? [r.assignee] : [] },
    inConversation(r.conversationId),
  ],
};

export const QUESTION: TableSpec<'question'> = {
  table: 'Question',
  key: 'id',
  times: ['at', 'answeredAt'],
  columns: [
    'id',
    'version',
    'conversationId',
    'channel',
    'text',
    'asker',
    'addressees',
    'kind',
    'at',
    'confidence',
    'evidence',
    'answeredAt',
    'answeredBy',
  ],
  toProps: (r: QuestionNode) => ({
    id: r.id,
    version: r.version,
    conversationId: text(r.conversationId),
    channel: text(r.channel),
    text: text(r.text),
    asker: text(r.asker),
    addressees: json(r.addressees),
    kind: r.kind,
    at: text(r.at),
    confidence: r.confidence,
    evidence: json(r.evidence),
    answeredAt: text(r.answeredAt),
    answeredBy: text(r.answeredBy),
  }),
  fromNode: (n) => ({
    id: str(n.id),
    version: num(n.version),
    conversationId: str(n.conversationId),
    channel: str(n.channel),
    text: str(n.text),
    asker: str(n.asker),
    addressees: list(n.addressees),
    kind: (strOrNull(n.kind) ?? 'question') as QuestionNode['kind'],
    at: time(n.at),
    confidence: num(n.confidence),
    evidence: evidenceList(n.evidence),
    answeredAt: timeOrNull(n.answeredAt),
    answeredBy: strOrNull(n.answeredBy),
  }),
  edges: (r) => [
    { rel: 'ASKED', direction: 'in', target: 'Person', keys: r.asker ? [r.asker] : [] },
    { rel: 'ASKED_TO', direction: 'out', target: 'Person', keys: r.addressees },
    inConversation(r.conversationId),
  ],
};

export const MEETING: TableSpec<'meeting'> = {
  table: 'Meeting',
  key: 'id',
  times: ['occurrence', 'startsAt', 'endsAt'],
  columns: [
    'id',
    'version',
    'calendar',
    'uid',
    'occurrence',
    'title',
    'startsAt',
    'endsAt',
    'allDay',
    'location',
    'organizer',
    'attendees',
    'recurring',
    'status',
    'cancelSeq',
  ],
  toProps: (r: MeetingNode) => ({
    id: r.id,
    version: r.version,
    calendar: text(r.calendar),
    uid: text(r.uid),
    occurrence: text(r.occurrence),
    title: text(r.title),
    startsAt: text(r.start),
    endsAt: text(r.end),
    allDay: r.allDay,
    location: text(r.location),
    organizer: text(r.organizer),
    attendees: json(r.attendees),
    recurring: r.recurring,
    status: text(r.status),
    cancelSeq: r.cancelSeq,
  }),
  fromNode: (n) => ({
    id: str(n.id),
    version: num(n.version),
    calendar: str(n.calendar),
    uid: str(n.uid),
    occurrence: time(n.occurrence),
    title: str(n.title),
    start: time(n.startsAt),
    end: time(n.endsAt),
    allDay: n.allDay === true,
    location: strOrNull(n.location),
    organizer: strOrNull(n.organizer),
    attendees: list(n.attendees),
    recurring: n.recurring === true,
    status: strOrNull(n.status),
    cancelSeq: num(n.cancelSeq),
  }),
  edges: (r) => [
    {
      rel: 'ATTENDS',
      direction: 'in',
      target: 'Person',
      keys: r.organizer ? [r.organizer] : [],
      properties: { role: 'organizer' },
    },
    // The merge leaves the organizer out of the attendees, so no person gets two edges to one meeting.
    {
      rel: 'ATTENDS',
      direction: 'in',
      target: 'Person',
      keys: r.attendees,
      properties: { role: 'attendee' },
    },
  ],
};

export const TABLE_SPECS: { [K in RecordKind]: TableSpec<K> } = {
  person: PERSON,
  component: COMPONENT,
  channel: CHANNEL,
  conversation: CONVERSATION,
  decision: DECISION,
  actionItem: ACTION_ITEM,
  question: QUESTION,
  meeting: MEETING,
};

export const FACT_TIMES = ['validFrom', 'validTo', 'recordedAt', 'retiredAt'] as const;
export const FACT_COLUMNS = [
  'id',
  'slot',
  'subject',
  'relation',
  'object',
  'status',
  'confidence',
  'hedged',
  'validFrom',
  'validTo',
  'recordedAt',
  'retiredAt',
  'supersededBy',
  'retraction',
  'eventIds',
] as const;

export function factProps(fact: FactVersion): Props {
  return {
    id: fact.id,
    slot: fact.slot,
    subject: fact.subject,
    relation: fact.relation,
    object: fact.object,
    status: fact.status,
    confidence: fact.confidence,
    hedged: fact.hedged,
    validFrom: fact.validFrom,
    validTo: fact.validTo,
    recordedAt: fact.recordedAt,
    retiredAt: fact.retiredAt,
    supersededBy: fact.supersededBy,
    retraction: fact.retraction ? json(fact.retraction) : null,
    // Event ids are base64url: a space-separated list needs no CSV quoting on the bulk path.
    eventIds: fact.eventIds.join(' '),
  };
}

export function factFromNode(n: KuzuRow): FactVersion {
  return {
    id: str(n.id),
    slot: str(n.slot),
    subject: str(n.subject),
    relation: str(n.relation) as FactVersion['relation'],
    object: str(n.object),
    status: str(n.status) as FactVersion['status'],
    confidence: num(n.confidence),
    hedged: n.hedged === true,
    validFrom: time(n.validFrom),
    validTo: timeOrNull(n.validTo),
    recordedAt: time(n.recordedAt),
    retiredAt: timeOrNull(n.retiredAt),
    supersededBy: strOrNull(n.supersededBy),
    retraction:
      typeof n.retraction === 'string' && n.retraction !== ''
        ? (JSON.parse(n.retraction) as FactRetractionRef)
        : null,
    eventIds: typeof n.eventIds === 'string' && n.eventIds !== '' ? n.eventIds.split(' ') : [],
  };
}

/** `SET n.a = $a, n.t = timestamp($t), …` for every column but the key. */
export function setClause(
  variable: string,
  columns: readonly string[],
  times: readonly string[],
  key: string,
): string {
  return columns
    .filter((column) => column !== key)
    .map(
      (column) =>
        `${variable}.${column} = ${times.includes(column) ? `timestamp($${column})` : `$${column}`}`,
    )
    .join(', ');
}

/** `{a: $a, t: timestamp($t)}` for CREATE. */
export function propertyMap(columns: readonly string[], times: readonly string[]): string {
  return `{${columns.map((column) => `${column}: ${times.includes(column) ? `timestamp($${column})` : `$${column}`}`).join(', ')}}`;
}
