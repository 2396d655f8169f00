import { messagePosted, reactionAdded } from '../../domain/event-builders.js';
import type { MessagePosted } from '../../domain/message.js';
import { parseTolerantTime } from '../../domain/time.js';
import type { DiscordPeople } from './discord-people.js';
import { describeSystemMessage, discordKind, isContentType } from './discord-system-text.js';
import { asArray, asId, asRecord, asString, describeJson, isRecord } from '../json-values.js';
import { RANK, type RankedEvent } from '../ordered-events.js';

export interface DiscordChannelContext {
  /** Guild id ("0" for DMs). */
  workspace: string;
  channelId: string;
  /** The channel's own id when it is a thread, else null. */
  thread: string | null;
  people: DiscordPeople;
}

export type DiscordMessageResult =
  | { ok: true; ts: string; author: string; events: RankedEvent[]; reactionsWithoutUsers: number }
  | { ok: false; reason: string };

const URL_PATTERN = /https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"]/g;

/** One DiscordChatExporter message to its events, or the reason it cannot be read. */
export function mapDiscordMessage(raw: unknown, context: DiscordChannelContext): DiscordMessageResult {
  if (!isRecord(raw)) return { ok: false, reason: 'the message is not a JSON object' };
  const id = asId(raw.id);
  if (id === undefined) return { ok: false, reason: 'the message has no id' };
  const ts = parseTolerantTime(raw.timestamp);
  if (ts === undefined)
    return {
      ok: false,
      reason: `message ${id} has no readable timestamp (${JSON.stringify(raw.timestamp ?? null)})`,
    };
  const authorRecord = asRecord(raw.author);
  const author = authorRecord ? context.people.see(authorRecord, ts) : undefined;
  if (author === undefined) return { ok: false, reason: `message ${id} has no author id` };

  const mentioned: Array<{ id: string; name: string; key: string }> = [];
  for (const entry of asArray(raw.mentions)) {
    if (!isRecord(entry)) continue;
    const key = context.people.see(entry, ts);
    const userId = asId(entry.id);
    if (key === undefined || userId === undefined || mentioned.some((m) => m.key === key)) continue;
    mentioned.push({ id: userId, key, name: asString(entry.nickname) || asString(entry.name) || userId });
  }

  // Missing or null content is an empty message; any other non-text (an array, an object) is damage.
  if (raw.content !== undefined && raw.content !== null && typeof raw.content !== 'string')
    return { ok: false, reason: `message ${id} has content that is ${describeJson(raw.content)}, not text` };
  const type = asString(raw.type) ?? (typeof raw.type === 'number' ? String(raw.type) : 'Default');
  const content = asString(raw.content) ?? '';
  const written = isContentType(type);
  const text = written
    ? content
    : describeSystemMessage({
        type,
        content,
        authorId: asId(authorRecord?.id),
        mentioned,
        ts,
        callEnded: parseTolerantTime(raw.callEndedTimestamp),
      });
  const links = written ? [...new Set(content.match(URL_PATTERN) ?? [])] : [];
  const files = asArray(raw.attachments)
    .filter(isRecord)
    .map((attachment) => ({
      name:
        asString(attachment.fileName) ||
        fileNameOfUrl(asString(attachment.url)) ||
        asId(attachment.id) ||
        'attachment',
    }));

  const posted: MessagePosted = {
    source: 'discord',
    workspace: context.workspace,
    channel: context.channelId,
    id,
    thread: context.thread,
    replyTo: replyTarget(raw.reference, context.channelId, id),
    author,
    text,
    kind: discordKind(type, authorRecord?.isBot === true),
    mentions: mentioned.map((m) => m.key),
    editedAt: parseTolerantTime(raw.timestampEdited) ?? null,
    ts,
  };
  if (written && /(^|\s)@(everyone|here)\b/.test(content)) posted.mentionsAll = true;
  if (links.length > 0) posted.links = links;
  if (files.length > 0) posted.files = files;

  const events: RankedEvent[] = [{ event: messagePosted(posted), rank: RANK.message }];
  let reactionsWithoutUsers = 0;
  for (const reaction of asArray(raw.reactions)) {
    if (!isRecord(reaction)) continue;
    const users = asArray(reaction.users).filter(isRecord);
    const emoji = emojiName(reaction.emoji);
    if (users.length === 0 || emoji === undefined) {
      reactionsWithoutUsers++;
      continue;
    }
    for (const user of users) {
      const key = context.people.see(user, ts);
      if (key === undefined) continue;
      events.push({
        event: reactionAdded(
          {
            source: 'discord',
            workspace: context.workspace,
            channel: context.channelId,
            id,
            emoji,
            user: key,
          },
          ts,
        ),
        rank: RANK.message,
      });
    }
  }
  return { ok: true, ts, author, events, reactionsWithoutUsers };
}

/** A reference is a reply whatever the message type, as long as it points into this channel. */
function replyTarget(reference: unknown, channelId: string, ownId: string): string | null {
  if (!isRecord(reference)) return null;
  const target = asId(reference.messageId);
  const targetChannel = asId(reference.channelId);
  if (target === undefined || target === ownId) return null;
  if (targetChannel !== undefined && targetChannel !== channelId) return null;
  return target;
}

/** The short code ("thumbsup") when the exporter gives one, else the emoji or custom emoji name. */
function emojiName(emoji: unknown): string | undefined {
  if (!isRecord(emoji)) return undefined;
  return asString(emoji.code) || asString(emoji.name) || asId(emoji.id);
}

function fileNameOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const last = url.split('?')[0].split('/').pop();
  return last || undefined;
}
