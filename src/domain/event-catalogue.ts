/**
 * The event catalogue's names and envelopes, without the payload schemas (events.ts): what a
 * reader that trusts the log (payloads are validated when appended) needs, without loading zod.
 */
export interface EventEnvelope<P = unknown> {
  /** Deterministic: a hash of what makes the event itself (see ids.ts). */
  id: string;
  type: string;
  /** What the event is about, e.g. a channel key for messages; used for ordered reads. */
  stream: string;
  /** When it happened in the world (ISO UTC). */
  occurredAt: string;
  /** The event (or run) that caused this one, when it was derived. */
  causationId: string | null;
  schemaVersion: number;
  payload: P;
}

export interface StoredEvent<P = unknown> extends EventEnvelope<P> {
  seq: number;
  /** When the log stored it (ISO UTC). */
  recordedAt: string;
}

export const EVENT = {
  personUpdated: 'person.updated',
  personLinked: 'person.linked',
  channelUpdated: 'channel.updated',
  messagePosted: 'message.posted',
  messageEdited: 'message.edited',
  messageDeleted: 'message.deleted',
  reactionAdded: 'reaction.added',
  meetingScheduled: 'meeting.scheduled',
  meetingCancelled: 'meeting.cancelled',
  conversationExtracted: 'conversation.extracted',
  conversationAnnotated: 'conversation.annotated',
  entityNamed: 'entity.named',
  decisionRecorded: 'decision.recorded',
  actionItemAssigned: 'action_item.assigned',
  actionItemCompleted: 'action_item.completed',
  questionAsked: 'question.asked',
  questionAnswered: 'question.answered',
  factAsserted: 'fact.asserted',
  factRetracted: 'fact.retracted',
} as const;

export type EventType = (typeof EVENT)[keyof typeof EVENT];
