/** The current messages of one channel, folded from its events: posts, then edits (latest wins), minus deletions. */
import { EVENT } from '../../domain/events.js';
import type { MessageEdited, MessagePosted } from '../../domain/message.js';
import type { EventLog } from '../../memory/event-log.js';

/** Message kinds that are not a message any more (a deleted message's placeholder). */
const GONE_KINDS = new Set(['tombstone']);

export const CHANNEL_EVENT_TYPES = [EVENT.messagePosted, EVENT.messageEdited, EVENT.messageDeleted] as const;

/**
 * Reads the channel's stream (stream = channel key) and returns its live messages in time order
 * (ties: log order). A message's latest edit replaces its text and mentions; a deleted message is left out.
 */
export function channelMessages(log: EventLog, channel: string): MessagePosted[] {
  const posted = new Map<string, MessagePosted>();
  const order = new Map<string, number>();
  const edits = new Map<string, MessageEdited>();
  const deleted = new Set<string>();
  const share = sharing();
  for (const event of log.iterateTyped(CHANNEL_EVENT_TYPES, { stream: channel })) {
    if (event.type === EVENT.messagePosted) {
      const message = event.payload;
      message.source = share(message.source);
      message.workspace = share(message.workspace);
      message.channel = share(message.channel);
      message.author = share(message.author);
      message.kind = share(message.kind);
      // A re-posted message (a newer export of the same id) replaces the older copy but keeps its place.
      if (!order.has(message.id)) order.set(message.id, event.seq);
      posted.set(message.id, message);
    } else if (event.type === EVENT.messageEdited) {
      edits.set(event.payload.id, event.payload);
    } else {
      deleted.add(event.payload.id);
    }
  }
  const out: { message: MessagePosted; seq: number; ms: number }[] = [];
  for (const [id, message] of posted) {
    if (deleted.has(id) || GONE_KINDS.has(message.kind)) continue;
    const edit = edits.get(id);
    const live = edit
      ? { ...message, text: edit.text, mentions: edit.mentions, editedAt: edit.editedAt }
      : message;
    out.push({ message: live, seq: order.get(id) ?? 0, ms: Date.parse(message.ts) });
  }
  out.sort((a, b) => a.ms - b.ms || a.seq - b.seq);
  return out.map((entry) => entry.message);
}

/**
 * One string for each repeated value: every event's payload is parsed anew, so a channel's source,
 * workspace, channel id, authors and kinds would each be a string of their own per message (~35
 * bytes each; a 200k-message channel, held by the conversations and annotations agents: ~30 MB).
 */
function sharing(): <T extends string>(value: T) => T {
  const known = new Map<string, string>();
  return <T extends string>(value: T): T => {
    const found = known.get(value);
    if (found !== undefined) return found as T;
    known.set(value, value);
    return value;
  };
}
