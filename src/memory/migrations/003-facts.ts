import type { Migration } from '../sqlite.js';

/**
 * The fact projection's tables in the main store. A projection: `outro replay` empties and
 * rebuilds them from the event log. Rows point at their event by seq (payloads stay in `events`).
 */
/** The secondary indexes, named so a bulk rebuild can drop them and build them once after loading. */
export const FACT_INDEXES = [
  { name: 'fact_claims_by_slot', create: 'CREATE INDEX fact_claims_by_slot ON fact_claims(slot);' },
  { name: 'fact_claims_by_fact', create: 'CREATE INDEX fact_claims_by_fact ON fact_claims(fact_id);' },
  {
    name: 'fact_retractions_by_fact',
    create: 'CREATE INDEX fact_retractions_by_fact ON fact_retractions(fact_id);',
  },
] as const;

export const factsMigration: Migration = {
  version: 3,
  name: 'fact claims',
  up(db) {
    db.exec(`
      -- Every fact.asserted event by the slot it competes in (relation|subject|object, see slotOf).
      CREATE TABLE fact_claims (
        seq INTEGER PRIMARY KEY,
        fact_id TEXT NOT NULL,
        slot TEXT NOT NULL
      );

      -- Every fact.retracted event by the fact it retracts (which may arrive later than the retraction).
      CREATE TABLE fact_retractions (
        seq INTEGER PRIMARY KEY,
        fact_id TEXT NOT NULL
      );
      ${FACT_INDEXES.map((index) => index.create).join('\n')}
    `);
  },
};
