/**
 * The conversations agent: message events in, conversation.extracted out (docs/ARCHITECTURE.md "Agents").
 *
 * For each channel a batch touches, it re-reads that channel's whole stream from the log (posts, latest
 * edits, minus deletions), runs the disentangle stage over it (with the gap limit and unaddressed-line shift
 * tuned for team chat, see the defaults below) and returns one event per conversation that the
 * log does not hold yet. Event ids hash the conversation id and its message list, so an unchanged conversation
 * appends nothing, a grown one appends a new event with the same conversationId, and a redelivered batch is a
 * no-op. The disentangler decides each message from earlier ones only, so new messages never reshuffle older
 * conversations; edits and deletions can, and then the affected conversations are re-published. A conversation
 * that no longer exists (its first message was deleted) is retired with an event that lists no messages.
 * Readers take the latest conversation.extracted per conversationId and skip empty ones.
 */
import type { ConversationExtracted } from '../../domain/annotations.js';
import { EVENT, parseEvent, type EventEnvelope, type StoredEvent } from '../../domain/events.js';
import { channelKeyOf } from '../../domain/message.js';
import { latestProfiles } from '../../memory/people-queries.js';
import { disentangle } from '../../pipeline/disentangle/disentangle.js';
import type { Agent, AgentContext } from '../../runtime/agents/agent.js';
import { CHANNEL_EVENT_TYPES, channelMessages } from './channel-messages.js';
import { namesByPerson, toChatLines } from './chat-lines.js';
import { conversationEvents, retiredConversationEvent } from './conversation-events.js';

export const CONVERSATIONS_AGENT_VERSION = 'conversations-1';

/** Channel keys touched by the batch, each with the batch's latest event of that channel (log order). */
function touchedChannels(batch: readonly StoredEvent[]): Map<string, StoredEvent> {
  const out = new Map<string, StoredEvent>();
  for (const event of batch) {
    const message = parseEvent(event, CHANNEL_EVENT_TYPES);
    if (message) out.set(channelKeyOf(message.payload), event);
  }
  return out;
}

/** The latest published state of each conversation of the channel (conversation events share its stream). */
function publishedConversations(context: AgentContext, channel: string): ConversationExtracted[] {
  const latest = new Map<string, ConversationExtracted>();
  for (const event of context.log.iterateTyped([EVENT.conversationExtracted], { stream: channel }))
    latest.set(event.payload.conversationId, event.payload);
  return [...latest.values()];
}

export interface ConversationsAgentOptions {
  /** Passed to the disentangler: earlier messages older than this are never an antecedent unless a thread or
   * reply links them. Team chat has long silences that the IRC training logs lack. */
  maxGapMinutes?: number;
  /** Passed to the disentangler (see DisentangleOptions.unaddressedShift). */
  unaddressedShift?: number;
}

export const DEFAULT_MAX_GAP_MINUTES = 60;
export const DEFAULT_UNADDRESSED_SHIFT = -4;

export class ConversationsAgent implements Agent {
  readonly name = 'conversations';
  readonly version = CONVERSATIONS_AGENT_VERSION;
  readonly consumes = CHANNEL_EVENT_TYPES;
  readonly produces = [EVENT.conversationExtracted] as const;
  private readonly options: { maxGapMinutes: number; unaddressedShift: number };

  constructor(options: ConversationsAgentOptions = {}) {
    this.options = {
      maxGapMinutes: options.maxGapMinutes ?? DEFAULT_MAX_GAP_MINUTES,
      unaddressedShift: options.unaddressedShift ?? DEFAULT_UNADDRESSED_SHIFT,
    };
  }

  async handle(batch: readonly StoredEvent[], context: AgentContext): Promise<EventEnvelope[]> {
    const channels = touchedChannels(batch);
    if (channels.size === 0) return [];
    const names = namesByPerson(latestProfiles(context.db));
    const out: EventEnvelope[] = [];
    for (const [channel, cause] of channels) {
      if (context.signal.aborted) throw context.signal.reason ?? new Error('aborted');
      // The log already holds later message events of this channel: a later batch brings them and recomputes the
      // channel then. Skipping now keeps a bulk ingest linear (each channel is split once, at its last batch).
      if (
        context.log.read({ stream: channel, types: CHANNEL_EVENT_TYPES, afterSeq: cause.seq, limit: 1 })
          .length > 0
      )
        continue;
      const messages = channelMessages(context.log, channel);
      const result = disentangle(toChatLines(messages, names), this.options);
      // The settings change the output, so they are part of the stage version.
      const version = `${result.version}+chat-g${this.options.maxGapMinutes}u${this.options.unaddressedShift}`;
      const events = conversationEvents(channel, messages, result.conversations, version, cause.id);
      const live = new Set(events.map((event) => event.payload.conversationId));
      for (const previous of publishedConversations(context, channel)) {
        if (!live.has(previous.conversationId) && previous.messages.length > 0)
          events.push(retiredConversationEvent(previous, version, cause.id));
      }
      for (const event of events) if (!context.log.has(event.id)) out.push(event);
    }
    return out;
  }
}

export function conversationsAgent(options: ConversationsAgentOptions = {}): Agent {
  return new ConversationsAgent(options);
}
