import type { ConversationExtracted } from '../../../domain/annotations.js';
import { EVENT } from '../../../domain/events.js';
import { contentHash } from '../../../domain/ids.js';
import type { MessagePosted } from '../../../domain/message.js';
import type { EventLog } from '../../../memory/event-log.js';
import type { ConversationGroup } from '../brief-types.js';
import type { SectionContext } from '../waiting-section.js';

/** What the brief-summary model reads for one conversation group (one topic). */
export interface BriefSummaryInput {
  topic: string;
  /** Native message ids, channel display names, authors' names, texts: the only names a summary may use. */
  messages: Array<{
    id: string;
    channel: string;
    author: string;
    authorName: string;
    ts: string;
    text: string;
  }>;
  people: Array<{ key: string; name: string }>;
  entities: Array<{ id: string; name: string }>;
}

/**
 * Most messages sent for one topic (the latest ones), longest text per message, and the most text
 * in all (about 5k tokens, inside the client's 8k context with the prompt and the reply).
 */
export const MAX_MESSAGES = 80;
export const MAX_MESSAGE_CHARS = 600;
export const MAX_DATA_CHARS = 16_000;
/** What one message costs in the data block besides its text (id, channel, author, time, JSON). */
const PER_MESSAGE_CHARS = 110;
const GONE_KINDS = new Set(['tombstone', 'join', 'leave']);

export function briefSummaryInputHash(input: BriefSummaryInput): string {
  return contentHash(input);
}

/**
 * The model inputs for `groups`, in order: each group's conversations' current messages (the
 * latest split of each conversation; edits applied, deletions left out), the people they name and
 * the entities the conversations are about. A group with no messages left gets undefined.
 */
export function loadSummaryInputs(
  log: EventLog,
  groups: readonly ConversationGroup[],
  context: SectionContext,
): Array<BriefSummaryInput | undefined> {
  const wanted = new Set(groups.flatMap((group) => group.conversations.map((entry) => entry.conversationId)));
  const splits = new Map<string, ConversationExtracted>();
  for (const event of log.iterateTyped([EVENT.conversationExtracted], { pageSize: 5_000 })) {
    const split = event.payload;
    if (wanted.has(split.conversationId)) splits.set(split.conversationId, split);
  }
  const channels = new Map<string, Map<string, MessagePosted>>();
  const messagesOf = (channel: string): Map<string, MessagePosted> => {
    let known = channels.get(channel);
    if (!known) {
      known = liveMessages(log, channel);
      channels.set(channel, known);
    }
    return known;
  };
  const { people, data, citer } = context;
  return groups.map((group) => {
    const messages: BriefSummaryInput['messages'] = [];
    const entityIds = new Set<string>();
    for (const entry of group.conversations) {
      for (const id of data.conversations.get(entry.conversationId)?.entities ?? []) entityIds.add(id);
      const split = splits.get(entry.conversationId);
      if (!split) continue;
      const live = messagesOf(split.channel);
      for (const id of split.messages) {
        const message = live.get(id);
        if (!message) continue;
        const text =
          message.text.length > MAX_MESSAGE_CHARS
            ? `${message.text.slice(0, MAX_MESSAGE_CHARS)}…`
            : message.text;
        messages.push({
          id: message.id,
          channel: citer.channelName(split.channel),
          author: people.idOf(message.author),
          authorName: people.name(message.author),
          ts: message.ts,
          text,
        });
      }
    }
    if (messages.length === 0) return undefined;
    messages.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : a.id.localeCompare(b.id)));
    const kept = latestWithin(messages.slice(-MAX_MESSAGES), MAX_DATA_CHARS);
    const personKeys = new Map<string, string>();
    for (const person of group.participants) personKeys.set(person.key, person.name);
    for (const message of kept) personKeys.set(message.author, message.authorName);
    return {
      topic: group.topic,
      messages: kept,
      people: [...personKeys]
        .map(([key, name]) => ({ key, name }))
        .sort((a, b) => a.key.localeCompare(b.key)),
      entities: [...entityIds].sort().map((id) => ({ id, name: data.entities.get(id)?.name ?? id })),
    };
  });
}

/** The latest messages whose data fits in `chars` (always at least the last one). */
function latestWithin<T extends { text: string; authorName: string }>(messages: T[], chars: number): T[] {
  let used = 0;
  let first = messages.length;
  while (first > 0) {
    used += messages[first - 1].text.length + messages[first - 1].authorName.length + PER_MESSAGE_CHARS;
    if (used > chars && first < messages.length) break;
    first--;
  }
  return messages.slice(first);
}

/** One channel's live messages by native id: latest post, latest edit applied, deleted ones and joins left out. */
function liveMessages(log: EventLog, channel: string): Map<string, MessagePosted> {
  const posted = new Map<string, MessagePosted>();
  for (const event of log.iterateTyped([EVENT.messagePosted, EVENT.messageEdited, EVENT.messageDeleted], {
    stream: channel,
  })) {
    if (event.type === EVENT.messagePosted) {
      const message = event.payload;
      posted.set(message.id, message);
    } else if (event.type === EVENT.messageEdited) {
      const edit = event.payload;
      const message = posted.get(edit.id);
      if (message)
        posted.set(edit.id, {
          ...message,
          text: edit.text,
          mentions: edit.mentions,
          editedAt: edit.editedAt,
        });
    } else {
      posted.delete(event.payload.id);
    }
  }
  for (const [id, message] of posted) if (GONE_KINDS.has(message.kind)) posted.delete(id);
  return posted;
}
