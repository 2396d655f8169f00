import { postedEventId } from '../domain/event-builders.js';
import { OutroError } from '../domain/errors.js';
import { EVENT, parseEvent, type EventEnvelope } from '../domain/events.js';
import { introductionOf } from './event-log.js';
import { contentHash } from '../domain/ids.js';

/**
 * An event made ready for the log: payload serialised, and the hashes the ingest store needs
 * computed. Preparing is pure, so it can run off the writer's thread (see app/ingest-worker.ts) and
 * cross a worker boundary as flat strings, which is far cheaper than cloning payload objects.
 */
export interface PreparedEvent extends Omit<EventEnvelope, 'payload'> {
  /** The payload serialised. */
  payload: string;
  /** message.posted: hash of the text, for edit detection. */
  textHash?: string;
  /** message.deleted: the id of the message.posted event it deletes. */
  deletesPostedId?: string;
  /** message.posted of a chat message that may open with a self-introduction (introduction-cues.ts). */
  introduction?: { author: string; text: string };
}

const MESSAGE_TYPES = [EVENT.messagePosted, EVENT.messageDeleted] as const;

export function prepareEvent(event: EventEnvelope): PreparedEvent {
  const prepared: PreparedEvent = {
    id: event.id,
    type: event.type,
    stream: event.stream,
    occurredAt: event.occurredAt,
    causationId: event.causationId,
    schemaVersion: event.schemaVersion,
    payload: JSON.stringify(event.payload),
  };
  if (!(MESSAGE_TYPES as readonly string[]).includes(event.type)) return prepared;
  // Messages are validated on write, off the writer's thread: edit and deletion tracking read them.
  const message = parseEvent(event, MESSAGE_TYPES);
  if (!message)
    throw new OutroError(
      'INTERNAL',
      `A ${event.type} event (${event.id}) does not match its schema; the connector that built it has a bug.`,
    );
  if (message.type === EVENT.messagePosted) {
    prepared.textHash = contentHash(message.payload.text);
    prepared.introduction = introductionOf(message);
  } else prepared.deletesPostedId = postedEventId(message.payload);
  return prepared;
}
