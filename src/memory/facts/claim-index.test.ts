import { describe, expect, it } from 'vitest';
import { EventLog } from '../event-log.js';
import { MemoryClaimIndex, type ClaimIndex } from './claim-index.js';
import { slotOf } from './fact-types.js';
import { SqliteClaimIndex } from './sqlite-claim-index.js';
import { openFactDatabase } from './test-support/fact-database.js';
import { asserted, assertedEvent, retracted, retractedEvent } from './test-support/fact-builders.js';

const ALICE = 'slack:T1:UALICE';
const BILLING = 'component:billing';
const OWNS = slotOf('owns', ALICE, BILLING);

function describeClaimIndex(
  name: string,
  open: () => {
    index: ClaimIndex;
    store: (events: ReturnType<typeof assertedEvent | typeof retractedEvent>[]) => typeof events;
  },
): void {
  describe(`ClaimIndex: ${name}`, () => {
    it('files assertions by slot and reports the slots touched', () => {
      const { index, store } = open();
      const events = store([
        assertedEvent(asserted('a1', ALICE, BILLING, '2026-10-01T09:00:00.000Z')),
        assertedEvent(asserted('w1', ALICE, BILLING, '2026-10-01T09:00:00.000Z', { relation: 'works_on' })),
      ]);
      expect(index.add(events)).toEqual([OWNS, slotOf('works_on', ALICE, BILLING)].sort());
      expect(index.slot(OWNS).assertions.map((claim) => claim.factId)).toEqual(['a1']);
      expect(index.counts()).toEqual({ assertions: 2, retractions: 0 });
    });

    it('adds nothing when the same events come again', () => {
      const { index, store } = open();
      const events = store([assertedEvent(asserted('a1', ALICE, BILLING, '2026-10-01T09:00:00.000Z'))]);
      index.add(events);
      index.add(events);
      expect(index.counts()).toEqual({ assertions: 1, retractions: 0 });
      expect(index.slot(OWNS).assertions).toHaveLength(1);
    });

    it('links a retraction to its slot whichever arrives first', () => {
      const { index, store } = open();
      const [retraction, assertion] = store([
        retractedEvent(retracted('a1', '2026-10-02T09:00:00.000Z')),
        assertedEvent(asserted('a1', ALICE, BILLING, '2026-10-01T09:00:00.000Z')),
      ]);
      expect(index.add([retraction])).toEqual([]);
      expect(index.add([assertion])).toEqual([OWNS]);
      expect(index.slot(OWNS).retractions.map((claim) => claim.factId)).toEqual(['a1']);
      expect(index.add([retraction])).toEqual([OWNS]);
    });

    it('skips events whose payload does not validate, and forgets everything on clear', () => {
      const { index, store } = open();
      const events = store([
        {
          ...assertedEvent(asserted('a1', ALICE, BILLING, '2026-10-01T09:00:00.000Z')),
          payload: { factId: 'a1' } as never,
        },
      ]);
      expect(index.add(events)).toEqual([]);
      index.add(store([assertedEvent(asserted('a2', ALICE, BILLING, '2026-10-01T09:00:00.000Z'))]));
      index.clear();
      expect(index.counts()).toEqual({ assertions: 0, retractions: 0 });
      expect(index.slots()).toEqual([]);
    });
  });
}

describeClaimIndex('memory', () => ({ index: new MemoryClaimIndex(), store: (events) => events }));
describeClaimIndex('sqlite', () => {
  const db = openFactDatabase();
  const log = new EventLog(db);
  return {
    index: new SqliteClaimIndex(db),
    store: (events) => {
      log.appendAll(events);
      return events.map((event) => log.get(event.id)!) as typeof events;
    },
  };
});
