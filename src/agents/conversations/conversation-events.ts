/** conversation.extracted events from one channel's disentangled messages. */
import { ConversationExtracted } from '../../domain/annotations.js';
import { EVENT, makeEvent, type EventEnvelope } from '../../domain/events.js';
import { contentHash, stableId } from '../../domain/ids.js';
import type { MessagePosted } from '../../domain/message.js';

export const DISENTANGLE_STAGE = 'disentangle';

/** Stable across re-runs and growth: the channel and the conversation's first message. */
export function conversationIdOf(channel: string, firstMessageId: string): string {
  return stableId(channel, firstMessageId);
}

/** Same conversation, same messages: same id (nothing new is appended); a grown or shrunk one gets a new id. */
export function conversationEventId(conversationId: string, messages: readonly string[]): string {
  return stableId(EVENT.conversationExtracted, conversationId, contentHash(messages));
}

/**
 * One event per conversation. `conversations` hold native ids (any order inside; each is sorted here by the
 * messages' time order); `messages` are the channel's live messages in time order.
 */
export function conversationEvents(
  channel: string,
  messages: readonly MessagePosted[],
  conversations: readonly (readonly string[])[],
  version: string,
  causationId: string | null,
): EventEnvelope<ConversationExtracted>[] {
  const position = new Map<string, number>();
  messages.forEach((message, k) => position.set(message.id, k));
  const out: EventEnvelope<ConversationExtracted>[] = [];
  for (const ids of conversations) {
    const members = ids
      .map((id) => position.get(id))
      .filter((k): k is number => k !== undefined)
      .sort((a, b) => a - b)
      .map((k) => messages[k]);
    if (members.length === 0) continue;
    const conversationId = conversationIdOf(channel, members[0].id);
    const messageIds = members.map((message) => message.id);
    const payload: ConversationExtracted = ConversationExtracted.parse({
      conversationId,
      channel,
      messages: messageIds,
      participants: [...new Set(members.map((message) => message.author))],
      start: members[0].ts,
      end: members[members.length - 1].ts,
      provenance: { stage: DISENTANGLE_STAGE, version, strategy: 'heuristic' },
    });
    out.push(
      makeEvent({
        id: conversationEventId(conversationId, messageIds),
        type: EVENT.conversationExtracted,
        stream: channel,
        occurredAt: payload.end,
        causationId,
        payload,
      }),
    );
  }
  return out.sort((a, b) => Date.parse(a.payload.start) - Date.parse(b.payload.start));
}

/**
 * Retires a conversation that no longer exists (its first message was deleted, or an edit moved its messages
 * elsewhere): the same conversationId with no messages and no participants. Readers drop empty conversations.
 */
export function retiredConversationEvent(
  previous: ConversationExtracted,
  version: string,
  causationId: string | null,
): EventEnvelope<ConversationExtracted> {
  const payload: ConversationExtracted = {
    ...previous,
    messages: [],
    participants: [],
    provenance: { stage: DISENTANGLE_STAGE, version, strategy: 'heuristic' },
  };
  return makeEvent({
    id: conversationEventId(previous.conversationId, []),
    type: EVENT.conversationExtracted,
    stream: previous.channel,
    occurredAt: previous.end,
    causationId,
    payload,
  });
}
