import { describe, expect, it } from 'vitest';
import { EventLog } from '../event-log.js';
import { FactQueries } from './fact-queries.js';
import { SqliteClaimIndex } from './sqlite-claim-index.js';
import { asserted, assertedEvent, retracted, retractedEvent } from './test-support/fact-builders.js';
import { openFactDatabase } from './test-support/fact-database.js';

const [ALICE, BOB, CAROL] = ['slack:T1:UALICE', 'slack:T1:UBOB', 'slack:T1:UCAROL'];
const BILLING = 'component:billing_1%';

function store() {
  const db = openFactDatabase();
  const log = new EventLog(db);
  const events = [
    assertedEvent(asserted('a', ALICE, BILLING, '2026-11-01T09:00:00.000Z')),
    // Announced on the 12th, effective the 16th.
    assertedEvent(
      asserted('b', BOB, BILLING, '2026-11-16T00:00:00.000Z', { said: '2026-11-12T09:00:00.000Z' }),
    ),
    assertedEvent(asserted('w', CAROL, BILLING, '2026-11-13T09:00:00.000Z', { relation: 'works_on' })),
    assertedEvent(
      asserted('x', CAROL, 'component:other', '2026-11-13T09:00:00.000Z', { relation: 'works_on' }),
    ),
    assertedEvent(asserted('c', CAROL, BILLING, '2026-11-17T09:00:00.000Z', { relation: 'expert_in' })),
    retractedEvent(retracted('c', '2026-11-18T09:00:00.000Z')),
  ];
  // The log stores occurredAt as given: the handover event occurred when it was said.
  events[1] = { ...events[1], occurredAt: '2026-11-12T09:00:00.000Z' };
  log.appendAll(events);
  new SqliteClaimIndex(db).add(log.read());
  return new FactQueries(db);
}

describe('FactQueries', () => {
  it('answers the holder of a slot at any time, from SQLite alone', () => {
    const facts = store();
    expect(facts.holders(BILLING, 'owns', '2026-11-10T00:00:00.000Z').map((v) => v.subject)).toEqual([ALICE]);
    expect(facts.holders(BILLING, 'owns', '2026-11-20T00:00:00.000Z').map((v) => v.subject)).toEqual([BOB]);
    expect(facts.holders(BILLING, 'works_on', '2026-11-20T00:00:00.000Z').map((v) => v.subject)).toEqual([
      CAROL,
    ]);
    expect(facts.holders(BILLING, 'expert_in', '2026-11-20T00:00:00.000Z')).toEqual([]);
    expect(facts.about(BILLING).map((v) => [v.relation, v.status])).toEqual([
      ['owns', 'superseded'],
      ['works_on', 'current'],
      ['owns', 'current'],
      ['expert_in', 'retracted'],
    ]);
  });

  it('lists what changed in a window, a handover announced before it included', () => {
    const changes = store().changedBetween('2026-11-15T00:00:00.000Z', '2026-11-19T00:00:00.000Z');
    expect(changes.map((c) => [c.change, c.version.subject, c.version.relation, c.version.object])).toEqual([
      ['superseded', ALICE, 'owns', BILLING],
      ['started', BOB, 'owns', BILLING],
      ['retracted', CAROL, 'expert_in', BILLING],
    ]);
  });
});
