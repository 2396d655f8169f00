import type { Statement } from 'better-sqlite3';
import type { Evidence } from '../../domain/annotations.js';
import { evidenceIn } from '../../domain/payload-checks.js';
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
    this.byId = db.prepare('SELECT payload FROM events WHERE id = ?');
  }

  forEvents(eventIds: readonly string[]): Evidence[] {
    const out: Evidence[] = [];
    for (const id of new Set(eventIds)) {
      const row = this.byId.get(id) as { payload: string } | undefined;
      // Without the event schemas (zod): a cold `ask` reads evidence and nothing else of these events.
      if (row) out.push(...evidenceIn(row.payload));
    }
    return out;
  }
}
