import { messageDeleted, messagePosted, reactionAdded } from '../../domain/event-builders.js';
import type { MessagePosted, MessageRef } from '../../domain/message.js';
import { parseTolerantTime } from '../../domain/time.js';
import { asArray, asId, asRecord, asString, isRecord, type JsonRecord } from '../json-values.js';
import { RANK, type RankedEvent } from '../ordered-events.js';
import { renderBody } from './teams-body.js';
import { channelKey, type TeamsChannelRef, type TeamsChannels } from './teams-channel.js';
import { describeEventDetail } from './teams-event-detail.js';
import {
  identityOf,
  memberIdentityOf,
  type TeamsIdentity,
  type TeamsPeople,
  UNKNOWN_AUTHOR,
} from './teams-people.js';
import { parseGraphTime } from './teams-time.js';

/** A chatMessage that passed the checks: it has an id, a time and a conversation. */
export interface PreparedMessage {
  index: number;
  raw: JsonRecord;
  id: string;
  ts: string;
  channel: TeamsChannelRef;
}

export interface TeamsMessageContext {
  people: TeamsPeople;
  channels: TeamsChannels;
  /** `threadRootKey` of every message another message in the file replies to. */
  threadRoots: ReadonlySet<string>;
}

export function threadRootKey(channel: TeamsChannelRef, id: string): string {
  return `${channelKey(channel)}\u0000${id}`;
}

/** Every identity a message names, so names learned anywhere in the file can be used everywhere. */
export function identitiesOf(raw: JsonRecord): TeamsIdentity[] {
  const found = [identityOf(raw.from)];
  for (const mention of asArray(raw.mentions)) found.push(identityOf(asRecord(mention)?.mentioned));
  for (const reaction of asArray(raw.reactions)) found.push(identityOf(asRecord(reaction)?.user));
  const detail = asRecord(raw.eventDetail);
  if (detail) {
    found.push(identityOf(detail.initiator));
    for (const member of asArray(detail.members)) found.push(memberIdentityOf(member));
  }
  return found.filter((identity): identity is TeamsIdentity => identity !== undefined);
}

export function isSystemMessage(raw: JsonRecord): boolean {
  const type = asString(raw.messageType);
  return isRecord(raw.eventDetail) || type === 'systemEventMessage' || type === 'chatEvent';
}

/** One chatMessage to its events: posted (unless a deleted message left no body), deleted, reactions. */
export function mapTeamsMessage(
  message: PreparedMessage,
  context: TeamsMessageContext,
): { events: RankedEvent[]; reactionsWithoutUser: number } {
  const { raw, id, ts, channel } = message;
  const { people, channels } = context;
  const ref: MessageRef = { source: 'teams', workspace: channel.workspace, channel: channel.channel, id };
  const sender = identityOf(raw.from);
  const detail = asRecord(raw.eventDetail);
  const system = isSystemMessage(raw);
  const nameOf = (identity: TeamsIdentity) => people.nameOf(identity.key);
  const described = detail ? describeEventDetail(detail, nameOf) : undefined;
  const body = renderBody(raw);
  const author = sender?.key ?? described?.initiator?.key ?? UNKNOWN_AUTHOR;

  channels.see(channel, ts);
  if (sender?.kind === 'user') channels.addParticipant(channel, ts, sender.key);
  for (const added of described?.added ?? []) channels.addParticipant(channel, ts, added.key);
  if (described?.renamedTo) channels.rename(channel, ts, described.renamedTo);
  if (described?.topic) channels.setTopic(channel, ts, described.topic);

  const replyToId = asId(raw.replyToId);
  const threadRoot = replyToId ?? (context.threadRoots.has(threadRootKey(channel, id)) ? id : null);
  const text = system ? (described?.text ?? (body.text || 'system event')) : body.text;
  const posted: MessagePosted = {
    source: 'teams',
    workspace: ref.workspace,
    channel: ref.channel,
    id,
    thread: threadRoot,
    replyTo: replyToId ?? (body.quotedId !== id ? (body.quotedId ?? null) : null),
    author,
    text,
    kind: sender?.kind === 'app' ? 'bot' : system ? (described?.kind ?? 'system') : 'message',
    mentions: body.mentions,
    editedAt: parseGraphTime(raw.lastEditedDateTime)?.ts ?? null,
    ts,
  };
  if (body.mentionsAll) posted.mentionsAll = true;
  if (body.links.length > 0) posted.links = body.links;
  if (body.files.length > 0) posted.files = body.files;

  const events: RankedEvent[] = [];
  const deleted =
    raw.deletedDateTime !== undefined && raw.deletedDateTime !== null && raw.deletedDateTime !== '';
  const hasBody = text !== '' || body.files.length > 0;
  if (!deleted || hasBody) events.push({ event: messagePosted(posted), rank: RANK.message });
  if (deleted) {
    const deletedAt = parseGraphTime(raw.deletedDateTime)?.ts ?? null;
    events.push({
      event: messageDeleted(
        { source: 'teams', workspace: ref.workspace, channel: ref.channel, id, deletedAt },
        deletedAt ?? ts,
      ),
      rank: RANK.message,
    });
  }

  let reactionsWithoutUser = 0;
  if (events[0]?.event.type === 'message.posted') {
    for (const reaction of asArray(raw.reactions)) {
      if (!isRecord(reaction)) continue;
      const user = identityOf(reaction.user);
      const emoji = asString(reaction.reactionType)?.trim() || asString(reaction.displayName)?.trim();
      if (!user || !emoji) {
        reactionsWithoutUser++;
        continue;
      }
      const at = parseTolerantTime(reaction.createdDateTime) ?? ts;
      events.push({
        event: reactionAdded(
          {
            source: 'teams',
            workspace: ref.workspace,
            channel: ref.channel,
            id,
            emoji,
            user: people.see(user, at),
          },
          at,
        ),
        rank: RANK.message,
      });
    }
  }
  return { events, reactionsWithoutUser };
}
