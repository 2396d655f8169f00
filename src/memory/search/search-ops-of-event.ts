import type { z } from 'zod';
import { capSummary, capTopic } from '../../domain/text-caps.js';
import {
  ActionItemAssigned,
  ActionItemCompleted,
  ConversationAnnotated,
  ConversationExtracted,
  DecisionRecorded,
  FactAsserted,
  FactRetracted,
  QuestionAnswered,
  QuestionAsked,
  type Evidence,
} from '../../domain/annotations.js';
import { ChannelUpdated } from '../../domain/channel.js';
import { EVENT, type StoredEvent } from '../../domain/events.js';

/** What the search projection reads of a stored event. */
export type LoggedEvent = Pick<StoredEvent, 'seq' | 'type' | 'payload'>;
import {
  channelKeyOf,
  MessageDeleted,
  MessageEdited,
  MessagePosted,
  type MessageKind,
} from '../../domain/message.js';
import { PersonUpdated } from '../../domain/person.js';
import { FOREVER, type SearchOp } from './search-ops.js';
import { docIdOf, messageDocIdOf, type SearchDocInput } from './search-types.js';

/** The fields of a message the index reads: only they are validated (a message is most of the log, and the rest is not read). */
const PostedFields = MessagePosted.pick({
  source: true,
  workspace: true,
  channel: true,
  id: true,
  author: true,
  text: true,
  kind: true,
  ts: true,
});
type PostedFields = z.infer<typeof PostedFields>;
/** A split: only what the index reads is validated (splits are the log's second most common event). */
const SplitFields = ConversationExtracted.pick({ conversationId: true, channel: true, messages: true });
type SplitFields = z.infer<typeof SplitFields>;
const EditedFields = MessageEdited.pick({
  source: true,
  workspace: true,
  channel: true,
  id: true,
  text: true,
});

/** Message kinds worth finding; joins and leaves are not, and a tombstone is a deleted message. */
const INDEXED_MESSAGE_KINDS: ReadonlySet<MessageKind> = new Set(['message', 'bot', 'huddle', 'system']);

const RELATION_WORDS: Record<FactAsserted['relation'], string> = {
  owns: 'owns',
  works_on: 'works on',
  expert_in: 'expert in',
  on_call: 'on call',
};

/** The ops one event becomes; null when its payload does not validate (the event is skipped). */
type Mapper = (event: LoggedEvent) => SearchOp[] | null;

/** Validates the payload with its schema, then maps it (schema and mapper typed together). */
function on<T>(schema: z.ZodType<T>, map: (payload: T, event: LoggedEvent) => SearchOp[] | null): Mapper {
  return (event) => {
    const parsed = schema.safeParse(event.payload);
    return parsed.success ? map(parsed.data, event) : null;
  };
}

const MAPPERS: Record<string, Mapper> = {
  [EVENT.personUpdated]: on(PersonUpdated, (p, e) => [
    {
      op: 'name',
      of: 'person',
      key: p.key,
      name: p.names.find((name) => name.trim() !== '') ?? p.nativeId,
      version: e.seq,
    },
  ]),
  // A name made from the id ranks below any name a source gave, whatever the order (domain/channel.ts foldChannel).
  [EVENT.channelUpdated]: on(ChannelUpdated, (c, e) => [
    { op: 'name', of: 'channel', key: c.key, name: c.name || null, version: c.nameFromId ? 0 : e.seq },
  ]),
  [EVENT.messagePosted]: on(PostedFields, posted),
  [EVENT.messageEdited]: on(EditedFields, (m, e) => [
    { op: 'edit', docId: messageDocId(m), text: m.text, version: e.seq },
  ]),
  [EVENT.messageDeleted]: on(MessageDeleted, (m) => [
    { op: 'remove', docId: messageDocId(m), version: FOREVER },
  ]),
  [EVENT.conversationExtracted]: on(SplitFields, extracted),
  [EVENT.conversationAnnotated]: on(ConversationAnnotated, annotated),
  [EVENT.decisionRecorded]: on(DecisionRecorded, decision),
  [EVENT.actionItemAssigned]: on(ActionItemAssigned, (a, e) =>
    item(e, 'action_item', a.itemId, a, a.summary, a.requestedBy, a.at, 'open'),
  ),
  [EVENT.actionItemCompleted]: on(ActionItemCompleted, (c) =>
    later(docIdOf('action_item', c.itemId), 'done', c.at, c.by),
  ),
  [EVENT.questionAsked]: on(QuestionAsked, (q, e) =>
    item(e, 'question', q.questionId, q, q.text, q.asker, q.at, 'open'),
  ),
  [EVENT.questionAnswered]: on(QuestionAnswered, (a) =>
    later(docIdOf('question', a.questionId), 'answered', a.at, a.by),
  ),
  [EVENT.factAsserted]: on(FactAsserted, fact),
  [EVENT.factRetracted]: on(FactRetracted, (r) => later(docIdOf('fact', r.factId), 'retracted', r.at, r.by)),
};

/** Every event type the search index reads. */
export const SEARCH_EVENT_TYPES: readonly string[] = Object.keys(MAPPERS);

/** The search ops of one stored event: [] for types the index does not read, null for an invalid payload. */
export function searchOpsOf(event: LoggedEvent): SearchOp[] | null {
  const map = MAPPERS[event.type];
  return map ? map(event) : [];
}

export function messageDocId(ref: Parameters<typeof channelKeyOf>[0] & { id: string }): string {
  return messageDocIdOf(channelKeyOf(ref), ref.id);
}

function posted(m: PostedFields, event: LoggedEvent): SearchOp[] | null {
  const docId = messageDocId(m);
  if (m.kind === 'tombstone') return [{ op: 'remove', docId, version: FOREVER }];
  if (!INDEXED_MESSAGE_KINDS.has(m.kind)) return [];
  if (!isTime(m.ts)) return null;
  const doc: SearchDocInput = {
    docId,
    kind: 'message',
    title: '',
    text: m.text,
    author: m.author,
    channel: channelKeyOf(m),
    at: m.ts,
    conversationId: null,
    nativeId: m.id,
    state: null,
    version: event.seq,
  };
  return [{ op: 'upsert', doc }];
}

function extracted(c: SplitFields, event: LoggedEvent): SearchOp[] {
  const docId = docIdOf('conversation', c.conversationId);
  // An empty split means the conversation no longer exists.
  if (c.messages.length === 0) return [{ op: 'remove', docId, version: event.seq }];
  const docIds = c.messages.map((id) => messageDocIdOf(c.channel, id));
  return [{ op: 'conversation', docIds, conversationId: c.conversationId, version: event.seq }];
}

function annotated(c: ConversationAnnotated, event: LoggedEvent): SearchOp[] | null {
  if (!isTime(c.end)) return null;
  const doc: SearchDocInput = {
    docId: docIdOf('conversation', c.conversationId),
    kind: 'conversation',
    title: capTopic(c.topic),
    text: capSummary(c.summary),
    author: null,
    channel: c.channel,
    at: c.end,
    conversationId: c.conversationId,
    nativeId: null,
    state: c.noise ? 'noise' : null,
    version: event.seq,
  };
  return [{ op: 'upsert', doc }];
}

function decision(d: DecisionRecorded, event: LoggedEvent): SearchOp[] | null {
  const ops = item(
    event,
    'decision',
    d.decisionId,
    d,
    d.summary,
    d.decidedBy[0] ?? d.evidence[0].author,
    d.at,
    'made',
  );
  if (ops === null) return null;
  if (!d.reverses || d.reverses === d.decisionId) return ops;
  // at is a valid time here: item() checked it.
  return [
    ...ops,
    { op: 'state', docId: docIdOf('decision', d.reverses), state: 'reversed', at: d.at, tie: d.decisionId },
  ];
}

function fact(f: FactAsserted, event: LoggedEvent): SearchOp[] | null {
  if (!isTime(f.validFrom)) return null;
  const object = f.object.includes(':') ? f.object.slice(f.object.indexOf(':') + 1) : f.object;
  const doc: SearchDocInput = {
    docId: docIdOf('fact', f.factId),
    kind: 'fact',
    title: `${RELATION_WORDS[f.relation]} ${object}`,
    text: [...new Set(f.evidence.map((evidence) => evidence.snippet))].join('\n'),
    author: f.subject,
    channel: channelKeyOf(f.evidence[0]),
    at: f.validFrom,
    conversationId: f.conversationId,
    nativeId: f.evidence[0].id,
    state: 'asserted',
    version: event.seq,
  };
  return [{ op: 'upsert', doc }];
}

/** A decision, action item or question: its text, who said it, its first evidence to cite. */
function item(
  event: LoggedEvent,
  kind: 'decision' | 'action_item' | 'question',
  id: string,
  fields: { conversationId: string; channel: string; evidence: Evidence[] },
  text: string,
  author: string,
  at: string,
  state: string,
): SearchOp[] | null {
  if (!isTime(at)) return null;
  const doc: SearchDocInput = {
    docId: docIdOf(kind, id),
    kind,
    title: '',
    text,
    author,
    channel: fields.channel,
    at,
    conversationId: fields.conversationId,
    nativeId: fields.evidence[0].id,
    state,
    version: event.seq,
  };
  return [{ op: 'upsert', doc }];
}

function later(docId: string, state: string, at: string, tie: string): SearchOp[] | null {
  return isTime(at) ? [{ op: 'state', docId, state, at, tie }] : null;
}

function isTime(value: string): boolean {
  return !Number.isNaN(Date.parse(value));
}
