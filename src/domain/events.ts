/**
 * The event envelope stored in the log, and the names of every event type. Payload schemas live
 * beside the concept they describe (message.ts, person.ts, meeting.ts …).
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
  scheduleFired: 'schedule.fired',
  briefGenerated: 'brief.generated',
} as const;

export type EventType = (typeof EVENT)[keyof typeof EVENT];

export function makeEvent<P>(
  fields: Omit<EventEnvelope<P>, 'causationId' | 'schemaVersion'> & Partial<Pick<EventEnvelope<P>, 'causationId' | 'schemaVersion'>>,
): EventEnvelope<P> {
  return {
    id: fields.id,
    type: fields.type,
    stream: fields.stream,
    occurredAt: fields.occurredAt,
    causationId: fields.causationId ?? null,
    schemaVersion: fields.schemaVersion ?? 1,
    payload: fields.payload,
  };
}
