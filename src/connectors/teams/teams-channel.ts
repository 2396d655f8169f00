import { basename, extname } from 'node:path';
import type { CHANNEL_KINDS } from '../../domain/channel.js';
import { channelUpdated } from '../../domain/event-builders.js';
import type { EventEnvelope } from '../../domain/events.js';
import { sourceKey } from '../../domain/ids.js';
import { asId, asRecord, type JsonRecord } from '../json-values.js';

type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Where a message lives: a team channel, a chat, or (when the file does not say) the file itself. */
export interface TeamsChannelRef {
  scope: 'channel' | 'chat' | 'file';
  /** teamId, "chats", or "file". */
  workspace: string;
  channel: string;
}

export function channelKey(ref: TeamsChannelRef): string {
  return sourceKey('teams', ref.workspace, ref.channel);
}

/** From the message itself: channelIdentity for channel messages, chatId for chats. */
export function channelOfMessage(raw: JsonRecord): TeamsChannelRef | undefined {
  const identity = asRecord(raw.channelIdentity);
  const teamId = asId(identity?.teamId);
  const channelId = asId(identity?.channelId);
  if (teamId !== undefined && channelId !== undefined)
    return { scope: 'channel', workspace: teamId, channel: channelId };
  const chatId = asId(raw.chatId);
  if (chatId !== undefined) return { scope: 'chat', workspace: 'chats', channel: chatId };
  return undefined;
}

/** From a list response's `@odata.context`: `…#chats('…')/messages` or `…#teams('…')/channels('…')/messages`. */
export function channelOfContext(context: string | undefined): TeamsChannelRef | undefined {
  if (!context) return undefined;
  const team = /teams\('([^']*(?:''[^']*)*)'\)\/channels\('([^']*(?:''[^']*)*)'\)\/messages/.exec(context);
  if (team) return { scope: 'channel', workspace: odataKey(team[1]), channel: odataKey(team[2]) };
  const chat = /chats\('([^']*(?:''[^']*)*)'\)\/messages/.exec(context);
  if (chat) return { scope: 'chat', workspace: 'chats', channel: odataKey(chat[1]) };
  return undefined;
}

/** The last resort: the file's base name, without its extension. */
export function channelOfFile(path: string): TeamsChannelRef {
  const name = basename(path);
  return {
    scope: 'file',
    workspace: 'file',
    channel: name.slice(0, name.length - extname(name).length) || name,
  };
}

/** A key quoted in an OData context (`''` for `'`, URL-encoded). */
export function odataKey(raw: string): string {
  const unquoted = raw.replace(/''/g, "'");
  try {
    return decodeURIComponent(unquoted);
  } catch {
    return unquoted;
  }
}

interface ChannelFacts {
  ref: TeamsChannelRef;
  firstSeen: string;
  /** Person keys of users who wrote or were added, in order of appearance. */
  participants: Set<string>;
  rename?: { name: string; at: string };
  topic?: { text: string; at: string };
}

/**
 * What one file tells about each conversation it holds, turned into one channel.updated each.
 *
 * Kind: team channels are `channel`. Chats are judged by their id first, because Teams encodes it
 * there: `19:meeting_…` is a meeting chat, `…@unq.gbl.spaces` a one-to-one chat, `…@thread.v2` a
 * group chat. Otherwise (and for chats whose messages came without any id) more than two
 * participants seen makes a `group_dm`, else a `dm`.
 *
 * Name: the config's `teams.channels` name for its id; else the latest rename or creation event in
 * the file; else, for chats, the participants' names (as Teams titles unnamed chats); else a name
 * derived from the id ("19:abc@thread.v2" -> "abc", marked `nameFromId`: a channel list ingested
 * before or after names it, see ./teams-channel-list.ts).
 * Members are listed for chats only: the export does not say who is in a team channel.
 */
export class TeamsChannels {
  private readonly channels = new Map<string, ChannelFacts>();

  see(ref: TeamsChannelRef, ts: string): ChannelFacts {
    const key = channelKey(ref);
    let facts = this.channels.get(key);
    if (!facts) {
      facts = { ref, firstSeen: ts, participants: new Set() };
      this.channels.set(key, facts);
    }
    if (ts < facts.firstSeen) facts.firstSeen = ts;
    return facts;
  }

  addParticipant(ref: TeamsChannelRef, ts: string, person: string): void {
    this.see(ref, ts).participants.add(person);
  }

  rename(ref: TeamsChannelRef, ts: string, name: string): void {
    const facts = this.see(ref, ts);
    if (!facts.rename || facts.rename.at <= ts) facts.rename = { name, at: ts };
  }

  setTopic(ref: TeamsChannelRef, ts: string, text: string): void {
    const facts = this.see(ref, ts);
    if (!facts.topic || facts.topic.at <= ts) facts.topic = { text, at: ts };
  }

  events(
    nameOf: (personKey: string) => string | undefined,
    configured: Readonly<Record<string, string>> = {},
  ): EventEnvelope[] {
    return [...this.channels.values()].map((facts) => {
      const kind = kindOf(facts);
      const isChannel = kind === 'channel';
      const given =
        (Object.hasOwn(configured, facts.ref.channel) ? configured[facts.ref.channel] : undefined) ??
        facts.rename?.name ??
        (isChannel ? undefined : participantsName(facts.participants, nameOf));
      return channelUpdated(
        {
          key: channelKey(facts.ref),
          source: 'teams',
          workspace: facts.ref.workspace,
          nativeId: facts.ref.channel,
          name: given ?? idName(facts.ref.channel),
          ...(given === undefined ? { nameFromId: true } : {}),
          kind,
          members: isChannel ? [] : [...facts.participants],
          ...(facts.topic ? { topic: facts.topic.text } : {}),
        },
        facts.firstSeen,
      );
    });
  }
}

function kindOf(facts: ChannelFacts): ChannelKind {
  if (facts.ref.scope === 'channel') return 'channel';
  const id = facts.ref.channel;
  if (facts.ref.scope === 'chat') {
    if (/^19:meeting_/i.test(id)) return 'meeting_chat';
    if (/@unq(\.gbl\.spaces)?$/i.test(id)) return 'dm';
    if (/@thread\.(v2|skype|tacv2)$/i.test(id)) return 'group_dm';
  }
  return facts.participants.size > 2 ? 'group_dm' : 'dm';
}

function participantsName(
  participants: ReadonlySet<string>,
  nameOf: (personKey: string) => string | undefined,
): string | undefined {
  const names = [
    ...new Set([...participants].map(nameOf).filter((name): name is string => name !== undefined)),
  ].sort((a, b) => a.localeCompare(b));
  if (names.length === 0) return undefined;
  return names.length <= 4
    ? names.join(', ')
    : `${names.slice(0, 3).join(', ')} and ${names.length - 3} others`;
}

export function idName(id: string): string {
  return id.replace(/^19:/, '').replace(/@[a-z0-9.]+$/i, '') || id;
}
