import { postedEventId } from '../domain/event-builders.js';
import { EVENT, type EventEnvelope } from '../domain/events.js';
import { contentHash } from '../domain/ids.js';
import type { MessageDeleted, MessagePosted } from '../domain/message.js';

/**
 * An event made ready for the log: payload serialised, and the hashes the ingest store needs
 * computed. Preparing is pure, so it can run off the writer's thread (see app/ingest-worker.ts) and
 * cross a worker boundary as flat strings, which is far cheaper than cloning payload objects.
 */
export interface PreparedEvent {
  id: string;
  type: string;
  stream: string;
  occurredAt: string;
  causationId: string | null;
  schemaVersion: number;
  payload: string;
  /** message.posted: hash of the text, for edit detection. */
  textHash?: string;
  /** message.deleted: the id of the message.posted event it deletes. */
  deletesPostedId?: string;
}

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
  if (event.type === EVENT.messagePosted) prepared.textHash = contentHash((event.payload as MessagePosted).text);
  else if (event.type === EVENT.messageDeleted) prepared.deletesPostedId = postedEventId(event.payload as MessageDeleted);
  return prepared;
}
