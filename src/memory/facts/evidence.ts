import type { Statement } from 'better-sqlite3';
import type { Evidence } from '../../domain/annotations.js';
import { parseEvent, type EventPayload, type EventType, type StoredEvent } from '../../domain/events.js';
import { decodePayload } from '../event-log.js';
import type { SqliteDatabase } from '../sqlite.js';

export { MAX_FACT_EVIDENCE, pickEvidence } from './pick-evidence.js';

/**
 * Where the evidence of facts comes from: the events that assert (or retract) them. The graph
 * stores event ids only; answers hydrate the few they cite.
 */
export interface EvidenceSource {
  /** The `evidence` of each event that has one; unknown ids are skipped. */
  forEvents(eventIds: readonly string[]): Evidence[];
}

/** The event log as an evidence source. */
export class LogEvidenceSource implements EvidenceSource {
  private readonly byId: Statement;

  constructor(db: SqliteDatabase) {
    this.byId = db.prepare('SELECT type, payload FROM events WHERE id = ?');
  }

  forEvents(eventIds: readonly string[]): Evidence[] {
    const out: Evidence[] = [];
    for (const id of new Set(eventIds)) {
      const row = this.byId.get(id) as { type: string; payload: string } | undefined;
      const payload = row && decodePayload(row.type, row.payload);
      if (payload) out.push(...evidenceOf(payload));
    }
    return out;
  }
}

/** Evidence held in memory (tests, benchmarks, the in-memory graph). */
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
