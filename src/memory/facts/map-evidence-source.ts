import type { Evidence } from '../../domain/annotations.js';
import { parseEvent, type EventPayload, type EventType, type StoredEvent } from '../../domain/events.js';
import type { EvidenceSource } from './evidence.js';

/** Evidence held in memory (tests, benchmarks, the in-memory graph): events validated with their schemas. */
export class MapEvidenceSource implements EvidenceSource {
  private readonly byId = new Map<string, Evidence[]>();

  constructor(events: Iterable<StoredEvent> = []) {
    this.add(events);
  }

  add(events: Iterable<StoredEvent>): void {
    for (const event of events) {
      const typed = parseEvent(event);
      const evidence = typed ? evidenceOf(typed.payload) : [];
      if (evidence.length > 0) this.byId.set(event.id, evidence);
    }
  }

  forEvents(eventIds: readonly string[]): Evidence[] {
    return [...new Set(eventIds)].flatMap((id) => this.byId.get(id) ?? []);
  }
}

/** The evidence of a payload that has some (decisions, action items, questions, facts). */
function evidenceOf(payload: EventPayload<EventType>): Evidence[] {
  return 'evidence' in payload ? payload.evidence : [];
}
