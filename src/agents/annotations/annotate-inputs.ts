import type { ConversationExtracted } from '../../domain/annotations.js';
import { addChannel, type ChannelUpdated } from '../../domain/channel.js';
import { EVENT } from '../../domain/events.js';
import type { MessagePosted } from '../../domain/message.js';
import type { EventLog } from '../../memory/event-log.js';
import { allLinks, latestProfiles } from '../../memory/people-queries.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';
import type { AnnotateInput, AnnotatePerson } from '../../pipeline/annotate/annotate-types.js';
import { attachKnownState } from '../../pipeline/annotate/known-state.js';
import { groupHumans } from '../../pipeline/resolve/people.js';
import { CHANNEL_EVENT_TYPES, channelMessages } from '../conversations/channel-messages.js';
import type { KnowledgeFold } from './knowledge-fold.js';

/**
 * What the log knows besides messages: people, channels, and the annotation events so far. A
 * conversation's input folds only the annotation events that happened before it started (and none
 * of its own), so annotating it again — a redelivery, a replay — sees the same input and appends nothing.
 */
export interface AnnotateKnowledge {
  people: AnnotatePerson[];
  channels: Map<string, ChannelUpdated>;
  /** The annotation events so far, folded as of each conversation (the agent adds what it produces during a batch). */
  fold: KnowledgeFold;
}

/** People as the annotate stage reads them: each native key with its human's best name, every other name, and the profile's zone. */
export function annotatePeople(db: SqliteDatabase): AnnotatePerson[] {
  const out: AnnotatePerson[] = [];
  const profiles = latestProfiles(db);
  const zones = new Map(
    profiles
      .filter((profile) => profile.timezone)
      .map((profile) => [profile.key, profile.timezone as string]),
  );
  for (const human of groupHumans(profiles, allLinks(db))) {
    for (const key of human.keys) {
      const timezone = zones.get(key);
      out.push({
        key,
        name: human.name,
        aliases: [...human.names, ...human.handles],
        isBot: human.isBot,
        ...(timezone ? { timezone } : {}),
      });
    }
  }
  return out;
}

/** People and channels read afresh; `fold` brought up to date with the log (it reads only what the log gained). */
export function readKnowledge(db: SqliteDatabase, log: EventLog, fold: KnowledgeFold): AnnotateKnowledge {
  const channels = new Map<string, ChannelUpdated>();
  for (const event of log.iterateTyped([EVENT.channelUpdated])) addChannel(channels, event.payload);
  fold.sync(log);
  return { people: annotatePeople(db), channels, fold };
}

/** Each people list's names by person key (every conversation of a batch shares the list). */
const nameIndexes = new WeakMap<readonly AnnotatePerson[], Map<string, string>>();
function namesOf(people: readonly AnnotatePerson[]): Map<string, string> {
  const known = nameIndexes.get(people);
  if (known) return known;
  const names = new Map(people.map((person) => [person.key, person.name]));
  nameIndexes.set(people, names);
  return names;
}

/** Each channel message list's positions by message id (a batch reads a channel once, and picks from it per conversation). */
const positionIndexes = new WeakMap<readonly ReactedMessage[], Map<string, number>>();
function positionsOf(messages: readonly ReactedMessage[]): Map<string, number> {
  const known = positionIndexes.get(messages);
  if (known) return known;
  // Ids are unique in a channel (channelMessages keys messages by id).
  const positions = new Map(messages.map((message, k) => [message.id, k]));
  positionIndexes.set(messages, positions);
  return positions;
}

/** The annotate stage's input for one conversation; undefined when none of its messages are left. */
export function buildAnnotateInput(
  conversation: ConversationExtracted,
  messages: readonly ReactedMessage[],
  knowledge: AnnotateKnowledge,
  timezone: string,
): AnnotateInput | undefined {
  const positions = positionsOf(messages);
  const at = new Set<number>();
  for (const id of conversation.messages) {
    const position = positions.get(id);
    if (position !== undefined) at.add(position);
  }
  // In channel order, as a filter of the channel's messages would give them.
  const picked = [...at].sort((a, b) => a - b).map((position) => messages[position]);
  if (picked.length === 0) return undefined;
  const first = picked[0];
  const names = namesOf(knowledge.people);
  const channel = knowledge.channels.get(conversation.channel);
  const start = first.ts;
  const { known, digest, entities, current } = knowledge.fold.asOf(start, conversation.conversationId);
  const input: AnnotateInput = {
    conversationId: conversation.conversationId,
    channel: conversation.channel,
    ref: { source: first.source, workspace: first.workspace, channel: first.channel },
    timezone,
    ...(channel?.name ? { channelName: channel.name } : {}),
    dm: channel?.kind === 'dm',
    members: channel?.kind === 'dm' ? channel.members : undefined,
    ...(channel && channel.kind !== 'dm' && channel.members.length > 0
      ? { channelMembers: channel.members }
      : {}),
    messages: picked.map((message) => ({
      id: message.id,
      author: message.author,
      authorName: names.get(message.author) ?? message.author,
      ts: message.ts,
      text: message.text,
      kind: message.kind,
      mentions: message.mentions,
      ...(message.mentionsAll ? { mentionsAll: true } : {}),
      replyTo: message.replyTo,
      thread: message.thread,
      ...((message.files?.length ?? 0) > 0 || (message.links?.length ?? 0) > 0 ? { attachment: true } : {}),
      ...(message.reactions?.length ? { reactions: message.reactions } : {}),
    })),
    people: knowledge.people,
    entities: known.entities,
    priorDecisions: known.decisions,
    openItems: known.openItems,
    priorFacts: known.facts,
  };
  attachKnownState(input, { digest, entities, current });
  return input;
}

/** A channel's live message with the reactions the export recorded on it. */
export type ReactedMessage = MessagePosted & { reactions?: Array<{ emoji: string; user: string }> };

export function conversationMessages(log: EventLog, channel: string): ReactedMessage[] {
  const reactions = new Map<string, Array<{ emoji: string; user: string }>>();
  for (const event of log.iterateTyped([EVENT.reactionAdded], { stream: channel })) {
    const { id, emoji, user } = event.payload;
    const list = reactions.get(id) ?? [];
    if (!list.some((reaction) => reaction.emoji === emoji && reaction.user === user))
      list.push({ emoji, user });
    reactions.set(id, list);
  }
  return channelMessages(log, channel).map((message) =>
    reactions.has(message.id) ? { ...message, reactions: reactions.get(message.id) } : message,
  );
}

const CHANNEL_READ_TYPES = [...CHANNEL_EVENT_TYPES, EVENT.reactionAdded];

/**
 * `conversationMessages` per channel, read again only after the channel's stream gained a message,
 * edit, deletion or reaction: on a first ingest every message is stored before the agents run, so
 * each channel is read once per drain instead of once per batch.
 */
export class ChannelMessagesCache {
  private readonly read = new Map<string, ReactedMessage[]>();
  private seq = 0;

  constructor(private readonly log: EventLog) {}

  /** Forgets the channels whose streams gained such events since the last call (once per batch). */
  refresh(): void {
    const through = this.log.lastSeq();
    for (const stream of this.log.streamsWith(CHANNEL_READ_TYPES, this.seq, through))
      this.read.delete(stream);
    this.seq = through;
  }

  /** Lets every channel go (read again when next asked for). */
  clear(): void {
    this.read.clear();
  }

  messages(channel: string): ReactedMessage[] {
    let messages = this.read.get(channel);
    if (!messages) this.read.set(channel, (messages = conversationMessages(this.log, channel)));
    return messages;
  }
}
