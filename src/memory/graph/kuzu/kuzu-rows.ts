import type { FactRetractionRef, FactVersion } from '../../facts/fact-types.js';
import type {
  ChannelNode,
  ComponentNode,
  ConversationNode,
  PersonNode,
  RecordKind,
} from '../graph-records.js';
import type { KuzuRow } from './kuzu-database.js';
import {
  json,
  text,
  str,
  strOrNull,
  time,
  timeOrNull,
  num,
  list,
  type Props,
  type TableSpec,
} from './kuzu-row-values.js';
import { ACTION_ITEM, DECISION, MEETING, QUESTION } from './kuzu-item-rows.js';
import { componentSearchText } from '../search-text.js';

export type { EdgeSpec, Props, TableSpec } from './kuzu-row-values.js';
export { ACTION_ITEM, DECISION, MEETING, QUESTION } from './kuzu-item-rows.js';

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
    search: text(componentSearchText(r)),
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
