import { messageDeleted, messagePosted, reactionAdded } from '../../domain/event-builders.js';
import type { EventEnvelope } from '../../domain/events.js';
import type { MessageKind, MessagePosted } from '../../domain/message.js';
import { slackTimeToIso } from './slack-time.js';
import { asId, asRecord, asText, isRecord, type JsonRecord } from '../json-values.js';
import type { SlackChannelInfo, SlackDirectory } from './slack-directory.js';
import type { SlackPeopleSeen } from './slack-people-seen.js';
import { normalizeSlackText } from './slack-text.js';

/** What mapping one message needs: the workspace, who was seen so far, and the conversation. */
export interface SlackMessageContext {
  directory: SlackDirectory;
  people: SlackPeopleSeen;
  channel: SlackChannelInfo;
}

type FileRef = NonNullable<MessagePosted['files']>[number];

const JOIN_SUBTYPES = new Set(['channel_join', 'group_join', 'member_joined_channel']);
const LEAVE_SUBTYPES = new Set(['channel_leave', 'group_leave', 'member_left_channel']);
const HUDDLE_SUBTYPES = new Set(['huddle_thread', 'sh_room_created', 'sh_room_shared']);
const BOT_SUBTYPES = new Set(['bot_message', 'slackbot_response']);
/** Subtypes that are still something a person wrote. Any other subtype is a system notice. */
const MESSAGE_SUBTYPES = new Set([
  'thread_broadcast',
  'reply_broadcast',
  'file_share',
  'file_comment',
  'file_mention',
  'me_message',
]);
/** `added an integration to this channel: <https://x.slack.com/services/B123|github>` */
const INTEGRATION_LABEL = /\|([^<>|]+)>\s*$/;

/**
 * One Slack message (already checked to be an object with a usable ts) to its events, pushed onto
 * `out` in order: people first seen here, then the message (posted or deleted), then reactions.
 */
export function mapSlackMessage(
  message: JsonRecord,
  ts: string,
  iso: string,
  context: SlackMessageContext,
  out: EventEnvelope[],
): void {
  const { directory, channel } = context;
  const subtype = typeof message.subtype === 'string' ? message.subtype : '';
  if (subtype === 'tombstone' || subtype === 'message_deleted') {
    const deletedId = subtype === 'message_deleted' ? (asId(message.deleted_ts) ?? ts) : ts;
    const deletedAt = subtype === 'message_deleted' ? iso : null;
    out.push(
      messageDeleted(
        { source: 'slack', workspace: directory.team, channel: channel.id, id: deletedId, deletedAt },
        iso,
      ),
    );
    return;
  }
  const user = typeof message.user === 'string' && message.user !== '' ? message.user : undefined;
  const botId = typeof message.bot_id === 'string' && message.bot_id !== '' ? message.bot_id : undefined;
  const kind = kindOf(subtype, message, user, botId);
  let author: string;
  if (kind === 'bot' && botId !== undefined) {
    author = context.people.seeBot(botId, message, iso, out);
  } else {
    author = directory.personKey(user ?? botId ?? asText(message.username) ?? 'unknown');
    if (user !== undefined && isRecord(message.user_profile))
      context.people.seeProfile(user, message.user_profile, iso, out);
  }

  const rawText = typeof message.text === 'string' ? message.text : '';
  if (subtype === 'bot_add' && botId !== undefined) {
    const label = INTEGRATION_LABEL.exec(rawText)?.[1];
    if (label !== undefined) context.people.noteBotName(botId, label);
  }
  const normalized = normalizeSlackText(
    rawText === '' && Array.isArray(message.attachments) ? attachmentText(message.attachments) : rawText,
    directory,
  );
  const text = kind === 'huddle' && normalized.text === '' ? huddleText(message.room) : normalized.text;
  const edited = message.edited;
  const posted: MessagePosted = {
    source: 'slack',
    workspace: directory.team,
    channel: channel.id,
    id: ts,
    thread: threadOf(message, ts),
    replyTo: null,
    author,
    text,
    kind,
    mentions: normalized.mentions,
    editedAt: isRecord(edited) ? (slackTimeToIso(edited.ts) ?? null) : null,
    ts: iso,
  };
  if (normalized.mentionsAll) posted.mentionsAll = true;
  if (normalized.channelMentions !== undefined) posted.channelMentions = normalized.channelMentions;
  if (normalized.links !== undefined) posted.links = normalized.links;
  const files = filesOf(message);
  if (files !== undefined) posted.files = files;
  if (subtype === 'thread_broadcast' || subtype === 'reply_broadcast') posted.broadcast = true;
  out.push(messagePosted(posted));
  if (Array.isArray(message.reactions)) pushReactions(message.reactions, ts, iso, context, out);
}

function kindOf(
  subtype: string,
  message: JsonRecord,
  user: string | undefined,
  botId: string | undefined,
): MessageKind {
  if (subtype === '') {
    if (isRecord(message.room)) return 'huddle';
    return botId !== undefined || user === 'USLACKBOT' ? 'bot' : 'message';
  }
  if (MESSAGE_SUBTYPES.has(subtype)) return 'message';
  if (BOT_SUBTYPES.has(subtype)) return 'bot';
  if (JOIN_SUBTYPES.has(subtype)) return 'join';
  if (LEAVE_SUBTYPES.has(subtype)) return 'leave';
  if (HUDDLE_SUBTYPES.has(subtype) || isRecord(message.room)) return 'huddle';
  return 'system';
}

/** Roots and replies carry `thread_ts`; a root written without it is known by its replies. */
function threadOf(message: JsonRecord, ts: string): string | null {
  const threadTs = asId(message.thread_ts);
  if (threadTs !== undefined) return threadTs;
  const replyCount = message.reply_count;
  const replies = message.replies;
  return (typeof replyCount === 'number' && replyCount > 0) || (Array.isArray(replies) && replies.length > 0)
    ? ts
    : null;
}

/** Bots often post with empty text and everything in attachments. */
function attachmentText(attachments: readonly unknown[]): string {
  const parts: string[] = [];
  for (const attachment of attachments) {
    if (!isRecord(attachment)) continue;
    const before = parts.length;
    for (const field of [attachment.pretext, attachment.title, attachment.text]) {
      const value = asText(field);
      if (value !== undefined) parts.push(value);
    }
    const fallback = asText(attachment.fallback);
    if (parts.length === before && fallback !== undefined) parts.push(fallback);
  }
  return parts.join('\n');
}

function huddleText(room: unknown): string {
  const name = asText(asRecord(room)?.name);
  return name === undefined ? 'Huddle' : `Huddle: ${name}`;
}

function filesOf(message: JsonRecord): FileRef[] | undefined {
  const files: FileRef[] = [];
  if (Array.isArray(message.files)) {
    for (const file of message.files) if (isRecord(file)) files.push(fileRef(file));
  } else if (isRecord(message.file)) {
    files.push(fileRef(message.file));
  }
  return files.length > 0 ? files : undefined;
}

function fileRef(file: JsonRecord): FileRef {
  const title = asText(file.title);
  const ref: FileRef = { name: asText(file.name) ?? title ?? asId(file.id) ?? 'file' };
  const mimetype = asText(file.mimetype);
  if (title !== undefined) ref.title = title;
  if (mimetype !== undefined) ref.mimetype = mimetype;
  return ref;
}

/** One reaction.added per (emoji, user), at the message's time. */
function pushReactions(
  reactions: readonly unknown[],
  ts: string,
  iso: string,
  context: SlackMessageContext,
  out: EventEnvelope[],
): void {
  const { directory, channel } = context;
  for (const reaction of reactions) {
    if (!isRecord(reaction)) continue;
    const emoji = asText(reaction.name);
    if (emoji === undefined || !Array.isArray(reaction.users)) continue;
    for (const user of reaction.users) {
      if (typeof user !== 'string' || user === '') continue;
      out.push(
        reactionAdded(
          {
            source: 'slack',
            workspace: directory.team,
            channel: channel.id,
            id: ts,
            emoji,
            user: directory.personKey(user),
          },
          iso,
        ),
      );
    }
  }
}
