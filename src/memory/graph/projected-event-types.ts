/** The event types the graph projection reads, without their schemas: a check of the graph's cursor loads no zod. */
import { EVENT } from '../../domain/event-catalogue.js';

export const FACT_EVENT_TYPES = [EVENT.factAsserted, EVENT.factRetracted] as const;

export const RECORD_EVENT_TYPES = [
  EVENT.personUpdated,
  EVENT.channelUpdated,
  EVENT.entityNamed,
  EVENT.conversationAnnotated,
  EVENT.decisionRecorded,
  EVENT.actionItemAssigned,
  EVENT.actionItemCompleted,
  EVENT.questionAsked,
  EVENT.questionAnswered,
  EVENT.meetingScheduled,
  EVENT.meetingCancelled,
] as const;

/** Every event type the graph projection reads. */
export const PROJECTED_EVENT_TYPES: readonly string[] = [...FACT_EVENT_TYPES, ...RECORD_EVENT_TYPES];
