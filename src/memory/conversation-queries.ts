import type { ConversationAnnotated, ConversationExtracted } from '../domain/annotations.js';
import { addChannel, type ChannelUpdated } from '../domain/channel.js';
import { EVENT, type EventPayload, type EventType } from '../domain/events.js';
import { capSummary, capTopic } from '../domain/text-caps.js';
import { decodePayload } from './event-log.js';
import type { SqliteDatabase } from './sqlite.js';

/** One conversation as the agents left it: the latest split, with its latest annotation. */
export interface ConversationRow {
  conversationId: string;
  channel: string;
  channelName: string | null;
  channelKind: ChannelUpdated['kind'] | null;
  start: string;
  end: string;
  /** Native message ids, in time order. */
  messages: string[];
  participants: string[];
  annotation: Pick<
    ConversationAnnotated,
    'topic' | 'summary' | 'mentioned' | 'entities' | 'noise' | 'provenance'
  > | null;
  counts: { decisions: number; actionItems: number; questions: number; facts: number };
}

export interface ConversationFilter {
  /** A channel key, or a channel name with or without '#'. */
  channel?: string;
  /** Conversations whose last message is at or after this ISO time. */
  since?: string;
  until?: string;
}

const ITEM_TYPES = [
  [EVENT.decisionRecorded, 'decisions'],
  [EVENT.actionItemAssigned, 'actionItems'],
  [EVENT.questionAsked, 'questions'],
  [EVENT.factAsserted, 'facts'],
] as const;

/**
 * Conversations from the log: the latest conversation.extracted per conversation (an empty one
 * means the conversation no longer exists), joined with the latest conversation.annotated and the
 * number of items extracted from it. Newest last message first.
 */
export function listConversations(db: SqliteDatabase, filter: ConversationFilter = {}): ConversationRow[] {
  const payloads = <K extends EventType>(type: K): EventPayload<K>[] =>
    (
      db.prepare('SELECT payload FROM events WHERE type = ? ORDER BY seq').all(type) as Array<{
        payload: string;
      }>
    ).flatMap((row) => decodePayload(type, row.payload) ?? []);
  const extracted = new Map<string, ConversationExtracted>();
  for (const conversation of payloads(EVENT.conversationExtracted))
    extracted.set(conversation.conversationId, conversation);
  const annotated = new Map<string, ConversationAnnotated>();
  for (const annotation of payloads(EVENT.conversationAnnotated))
    annotated.set(annotation.conversationId, annotation);
  const channels = new Map<string, ChannelUpdated>();
  for (const channel of payloads(EVENT.channelUpdated)) addChannel(channels, channel);
  const counts = new Map<string, ConversationRow['counts']>();
  for (const [type, field] of ITEM_TYPES) {
    const perConversation = db
      .prepare(
        "SELECT json_extract(payload, '$.conversationId') AS conversationId, count(*) AS n FROM events WHERE type = ? GROUP BY 1",
      )
      .all(type) as Array<{ conversationId: string | null; n: number }>;
    for (const { conversationId, n } of perConversation) {
      if (conversationId === null) continue;
      const entry = counts.get(conversationId) ?? { decisions: 0, actionItems: 0, questions: 0, facts: 0 };
      entry[field] += n;
      counts.set(conversationId, entry);
    }
  }
  const wanted = filter.channel?.replace(/^#/, '').toLowerCase();
  const rows: ConversationRow[] = [];
  for (const conversation of extracted.values()) {
    if (conversation.messages.length === 0) continue;
    const channel = channels.get(conversation.channel);
    if (
      wanted !== undefined &&
      conversation.channel.toLowerCase() !== wanted &&
      channel?.name.replace(/^#/, '').toLowerCase() !== wanted
    )
      continue;
    if (filter.since !== undefined && conversation.end < filter.since) continue;
    if (filter.until !== undefined && conversation.start > filter.until) continue;
    const annotation = annotated.get(conversation.conversationId);
    rows.push({
      conversationId: conversation.conversationId,
      channel: conversation.channel,
      channelName: channel?.name ?? null,
      channelKind: channel?.kind ?? null,
      start: conversation.start,
      end: conversation.end,
      messages: conversation.messages,
      participants: conversation.participants,
      annotation: annotation
        ? {
            topic: capTopic(annotation.topic),
            summary: capSummary(annotation.summary),
            mentioned: annotation.mentioned,
            entities: annotation.entities,
            noise: annotation.noise,
            provenance: annotation.provenance,
          }
        : null,
      counts: counts.get(conversation.conversationId) ?? {
        decisions: 0,
        actionItems: 0,
        questions: 0,
        facts: 0,
      },
    });
  }
  return rows.sort((a, b) =>
    a.end < b.end ? 1 : a.end > b.end ? -1 : a.conversationId.localeCompare(b.conversationId),
  );
}
