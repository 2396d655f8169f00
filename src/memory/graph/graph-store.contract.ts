import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphStore } from './graph-store.js';
import { emptyRecordLists, type GraphSnapshot } from './graph-records.js';
import { sortSnapshot } from './snapshot-order.js';
import {
  actionItem,
  component,
  conversation,
  decision,
  factVersion,
  meeting,
  person,
  question,
} from './test-support/graph-builders.js';

export interface ContractSubject {
  store: GraphStore;
  cleanup: () => Promise<void>;
}

const ALICE = 'slack:T1:UALICE';
const BOB = 'slack:T1:UBOB';
const DANA = 'slack:T1:UDANA';
const BILLING = 'component:billing';
const SEARCH = 'component:search';

/** The behaviour every GraphStore must have. Run it against each implementation. */
export function describeGraphStoreContract(name: string, open: () => Promise<ContractSubject>): void {
  describe(`GraphStore contract: ${name}`, () => {
    let subject: ContractSubject;
    let store: GraphStore;
    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.cleanup();
    });

    it('returns written records by id and leaves unknown ids out', async () => {
      await store.write({
        records: {
          person: [person(ALICE, 'Alice Ng')],
          component: [component(BILLING, 'billing', ['billing svc'])],
        },
        slots: [],
      });
      const people = await store.get('person', [ALICE, BOB]);
      expect([...people.keys()]).toEqual([ALICE]);
      expect(people.get(ALICE)).toEqual(person(ALICE, 'Alice Ng'));
      expect((await store.get('component', [BILLING])).get(BILLING)).toEqual(
        component(BILLING, 'billing', ['billing svc']),
      );
      expect((await store.get('decision', [])).size).toBe(0);
    });

    it('overwrites a record and replaces the edges it owns', async () => {
      await store.write({
        records: { conversation: [conversation('conv-1', 'billing outage', [BILLING])] },
        slots: [],
      });
      expect((await store.conversations({ about: BILLING })).map((c) => c.id)).toEqual(['conv-1']);
      await store.write({
        records: { conversation: [conversation('conv-1', 'search relevance', [SEARCH], [ALICE], 2)] },
        slots: [],
      });
      expect(await store.conversations({ about: BILLING })).toEqual([]);
      expect(await store.conversations({ about: SEARCH })).toEqual([
        conversation('conv-1', 'search relevance', [SEARCH], [ALICE], 2),
      ]);
    });

    it('replaces whole slots of fact versions and finds them by object, subjects and relation', async () => {
      const old = factVersion('v1', ALICE, BILLING, {
        status: 'superseded',
        validTo: '2026-11-05T00:00:00.000Z',
        retiredAt: '2026-11-05T01:00:00.000Z',
        supersededBy: 'v2',
      });
      const now = factVersion('v2', BOB, BILLING, { validFrom: '2026-11-05T00:00:00.000Z' });
      const works = factVersion('w1', ALICE, SEARCH, { relation: 'works_on' });
      await store.write({
        records: {},
        slots: [
          { slot: old.slot, facts: [now, old] },
          { slot: works.slot, facts: [works] },
        ],
      });
      expect(await store.facts({ object: BILLING })).toEqual([old, now]);
      expect(await store.facts({ subjects: [ALICE] })).toEqual([old, works]);
      expect(await store.facts({ subjects: [ALICE, BOB], relation: 'owns' })).toEqual([old, now]);
      expect(await store.facts({ object: BILLING, subjects: [BOB] })).toEqual([now]);
      expect(await store.facts({ subjects: [] })).toEqual([]);

      const replaced = factVersion('v3', DANA, BILLING, { validFrom: '2026-11-06T00:00:00.000Z' });
      await store.write({ records: {}, slots: [{ slot: old.slot, facts: [replaced] }] });
      expect(await store.facts({ object: BILLING })).toEqual([replaced]);
      await store.write({ records: {}, slots: [{ slot: old.slot, facts: [] }] });
      expect(await store.facts({ object: BILLING })).toEqual([]);
      expect(await store.facts({ object: SEARCH })).toEqual([works]);
    });

    it('finds entities by name or alias words and conversations by topic, and nothing for absent words', async () => {
      await store.write({
        records: {
          component: [
            component(BILLING, 'billing', ['billing svc', 'the billing service']),
            component(SEARCH, 'search', ['search api']),
          ],
          conversation: [conversation('conv-1', 'invoice retries', [BILLING])],
        },
        slots: [],
      });
      const hits = await store.search('the billing services');
      expect(hits.components.map((hit) => hit.component.id)).toEqual([BILLING]);
      expect((await store.search('search')).components.map((hit) => hit.component.id)).toEqual([SEARCH]);
      expect((await store.search('invoice')).conversations.map((hit) => hit.conversation.id)).toEqual([
        'conv-1',
      ]);
      expect(await store.search('payroll')).toEqual({ components: [], conversations: [] });
      expect(await store.search('the')).toEqual({ components: [], conversations: [] });
      expect(await store.search('')).toEqual({ components: [], conversations: [] });
    });

    it('does not find entities known only because something points at them', async () => {
      await store.write({
        records: { conversation: [conversation('conv-1', 'payroll', ['component:payroll'])] },
        slots: [],
      });
      const payroll = factVersion('v1', ALICE, 'component:payroll');
      await store.write({ records: {}, slots: [{ slot: payroll.slot, facts: [payroll] }] });
      expect((await store.search('payroll')).components).toEqual([]);
      expect(
        (await store.get('component', ['component:payroll'])).get('component:payroll')?.version ?? 0,
      ).toBe(0);
      expect((await store.counts()).components).toBe(0);
    });

    it('answers decisions, action items and questions about an entity or for people', async () => {
      await store.write({
        records: {
          conversation: [
            conversation('conv-1', 'billing', [BILLING]),
            conversation('conv-2', 'search', [SEARCH]),
          ],
          decision: [decision('d1', [BILLING]), decision('d2', [SEARCH], { conversationId: 'conv-2' })],
          actionItem: [
            actionItem('a1', ALICE),
            actionItem('a2', ALICE, { completedAt: '2026-11-05T00:00:00.000Z', completedBy: ALICE }),
            actionItem('a3', BOB, { conversationId: 'conv-2' }),
            actionItem('a4', null),
          ],
          question: [
            question('q1', BOB, [ALICE], { kind: 'blocker' }),
            question('q2', DANA, [ALICE, BOB], {
              answeredAt: '2026-11-05T00:00:00.000Z',
              answeredBy: ALICE,
              conversationId: 'conv-2',
            }),
            question('q3', ALICE, []),
          ],
        },
        slots: [],
      });
      expect((await store.decisions({ about: BILLING })).map((d) => d.id)).toEqual(['d1']);
      expect((await store.decisions({})).map((d) => d.id).sort()).toEqual(['d1', 'd2']);
      expect((await store.actionItems({ people: [ALICE] })).map((i) => i.id)).toEqual(['a1', 'a2']);
      expect((await store.actionItems({ people: [ALICE], open: true })).map((i) => i.id)).toEqual(['a1']);
      expect((await store.actionItems({ about: BILLING })).map((i) => i.id)).toEqual(['a1', 'a2', 'a4']);
      expect((await store.actionItems({ about: SEARCH, people: [ALICE] })).map((i) => i.id)).toEqual([]);
      expect(await store.actionItems({ people: [] })).toEqual([]);
      expect((await store.questions({ people: [ALICE] })).map((q) => q.id)).toEqual(['q1', 'q2']);
      expect((await store.questions({ people: [ALICE], open: true })).map((q) => q.id)).toEqual(['q1']);
      expect((await store.questions({ askers: [ALICE] })).map((q) => q.id)).toEqual(['q3']);
      expect((await store.questions({ about: SEARCH })).map((q) => q.id)).toEqual(['q2']);
      expect((await store.questions({ about: BILLING, open: true })).map((q) => q.id)).toEqual(['q1', 'q3']);
      expect((await store.questions({ people: [ALICE] }))[0]).toEqual(
        question('q1', BOB, [ALICE], { kind: 'blocker' }),
      );
    });

    it('finds meetings through the people who organize or attend them, replacing attendees on rewrite', async () => {
      const weekly = meeting('weekly', 3, ALICE, [BOB], { recurring: true, title: '1:1, "weekly"\nagenda' });
      const planning = meeting('planning', 10, BOB, [DANA, ALICE], { location: 'Room 4' });
      const dropped = meeting('dropped', 5, DANA, [ALICE], { version: 2, cancelSeq: 3 });
      const off = meeting('off', 6, ALICE, [], { status: 'CANCELLED' });
      await store.write({ records: { meeting: [weekly, planning, dropped, off] }, slots: [] });
      expect((await store.get('meeting', [weekly.id])).get(weekly.id)).toEqual(weekly);
      expect(await store.meetings({ people: [ALICE] })).toEqual([weekly, planning]);
      expect((await store.meetings({ people: [BOB] })).map((m) => m.uid)).toEqual(['weekly', 'planning']);
      expect((await store.meetings({ people: [DANA] })).map((m) => m.uid)).toEqual(['planning']);
      expect((await store.meetings({ people: [DANA], cancelled: true })).map((m) => m.uid)).toEqual([
        'dropped',
        'planning',
      ]);
      expect((await store.meetings({})).map((m) => m.uid)).toEqual(['weekly', 'planning']);
      expect((await store.meetings({ cancelled: true })).map((m) => m.uid)).toEqual([
        'weekly',
        'dropped',
        'off',
        'planning',
      ]);
      expect(
        (
          await store.meetings({
            from: '2026-11-03T09:29:00.000Z',
            to: '2026-11-10T09:00:00.000Z',
            cancelled: true,
          })
        ).map((m) => m.uid),
      ).toEqual(['weekly', 'dropped', 'off']);
      expect(await store.meetings({ people: [] })).toEqual([]);
      expect((await store.meetings({ people: [ALICE], role: 'organizer' })).map((m) => m.uid)).toEqual([
        'weekly',
      ]);
      expect((await store.meetings({ people: [ALICE], role: 'attendee' })).map((m) => m.uid)).toEqual([
        'planning',
      ]);
      expect(
        (await store.meetings({ people: [ALICE, DANA], role: 'attendee', cancelled: true })).map(
          (m) => m.uid,
        ),
      ).toEqual(['dropped', 'planning']);
      expect((await store.counts()).meetings).toBe(4);
      // Attendees are people known only as edge ends until their person.updated arrives.
      expect((await store.counts()).people).toBe(0);

      const moved = {
        ...weekly,
        version: 7,
        attendees: [DANA],
        start: '2026-11-04T15:00:00.000Z',
        end: '2026-11-04T15:30:00.000Z',
      };
      await store.write({ records: { meeting: [moved] }, slots: [] });
      expect((await store.meetings({ people: [BOB] })).map((m) => m.uid)).toEqual(['planning']);
      expect(await store.meetings({ people: [DANA] })).toEqual([moved, planning]);
    });

    it('keeps placeholder records out of queries but returns them by id', async () => {
      const placeholder = {
        ...decision('d0', []),
        version: 0,
        summary: '',
        conversationId: '',
        channel: '',
        decidedBy: [],
        evidence: [],
        at: '',
        confidence: 0,
        reversedBy: 'd9',
        reversedAt: '2026-11-09T00:00:00.000Z',
      };
      await store.write({ records: { decision: [placeholder] }, slots: [] });
      expect((await store.get('decision', ['d0'])).get('d0')).toEqual(placeholder);
      expect((await store.counts()).decisions).toBe(0);
      expect((await store.dump()).records.decision).toEqual([placeholder]);
    });

    it('stores the cursor with a batch and forgets everything on reset', async () => {
      expect(await store.cursor()).toBe(0);
      const fact = factVersion('v1', ALICE, BILLING);
      await store.write({
        records: { person: [person(ALICE, 'Alice')] },
        slots: [{ slot: fact.slot, facts: [fact] }],
        cursor: 42,
      });
      expect(await store.cursor()).toBe(42);
      expect(await store.counts()).toMatchObject({ people: 1, facts: 1, currentFacts: 1 });
      await store.reset();
      expect(await store.cursor()).toBe(0);
      expect(await store.counts()).toMatchObject({ people: 0, facts: 0 });
      expect(await store.dump()).toEqual(sortSnapshot({ records: emptyRecordLists(), facts: [] }));
    });

    it('bulk-loads a snapshot that reads back the same as one written record by record', async () => {
      const snapshot = sampleSnapshot();
      await store.load({
        records: structuredClone(snapshot.records),
        facts: structuredClone(snapshot.facts),
        cursor: 7,
      });
      expect(await store.cursor()).toBe(7);
      const loaded = await store.dump();
      expect(loaded).toEqual(sortSnapshot(structuredClone(snapshot)));
      expect((await store.search('billing')).components.map((hit) => hit.component.id)).toEqual([BILLING]);
      expect((await store.questions({ people: [ALICE], open: true })).map((q) => q.id)).toEqual(['q1']);
      expect((await store.meetings({ people: [ALICE], role: 'organizer' })).map((m) => m.uid)).toEqual([
        'm1',
      ]);
      expect((await store.meetings({ people: [ALICE], role: 'attendee' })).map((m) => m.uid)).toEqual([]);
      expect(
        (await store.meetings({ people: ['calendar:email:zoë@example.test'], role: 'attendee' })).map(
          (m) => m.uid,
        ),
      ).toEqual(['m1']);

      await store.reset();
      await store.write({
        records: structuredClone(snapshot.records),
        slots: groupSlots(structuredClone(snapshot.facts)),
      });
      expect(await store.dump()).toEqual(loaded);
    });

    it('reads no record of a bulk load after saying the rows are written', async () => {
      const snapshot = sampleSnapshot();
      const records = structuredClone(snapshot.records);
      const lists = Object.values(records);
      let written = 0;
      await store.load({
        records,
        facts: structuredClone(snapshot.facts),
        // What the caller does there: lets the rows go.
        written: () => {
          written++;
          for (const list of lists) list.length = 0;
        },
      });
      expect(written).toBe(1);
      expect(await store.dump()).toEqual(sortSnapshot(structuredClone(snapshot)));
    });
  });
}

function groupSlots(facts: GraphSnapshot['facts']): Array<{ slot: string; facts: GraphSnapshot['facts'] }> {
  const slots = new Map<string, GraphSnapshot['facts']>();
  for (const fact of facts) slots.set(fact.slot, [...(slots.get(fact.slot) ?? []), fact]);
  return [...slots].map(([slot, list]) => ({ slot, facts: list }));
}

/** Every kind of record, with the awkward values (newlines, quotes, commas, unicode, nulls) a CSV round trip must keep. */
function sampleSnapshot(): GraphSnapshot {
  const records = emptyRecordLists();
  records.person.push(
    person(ALICE, 'Alice "Al" Ng, PhD'),
    person(BOB, null),
    person('discord:G1:99', 'Zoë Ærøskøbing'),
  );
  records.component.push(
    component(BILLING, 'billing', ['billing svc', 'the\nbilling service']),
    component(SEARCH, 'search'),
  );
  records.channel.push({ key: 'slack:T1:C1', name: 'eng-billing', kind: 'channel', version: 3 });
  records.conversation.push(conversation('conv-1', 'billing, "retries"', [BILLING], [ALICE, BOB]));
  records.decision.push(decision('d1', [BILLING], { reverses: 'd0' }), {
    ...decision('d0', []),
    version: 0,
    summary: '',
    conversationId: '',
    channel: '',
    decidedBy: [],
    evidence: [],
    at: '',
    confidence: 0,
    reversedBy: 'd1',
    reversedAt: '2026-11-04T09:00:00.000Z',
  });
  records.actionItem.push(
    actionItem('a1', ALICE, { due: null, dueText: null }),
    actionItem('a2', BOB, { completedAt: '2026-11-05T00:00:00.123Z', completedBy: BOB }),
  );
  records.question.push(
    question('q1', BOB, [ALICE], { kind: 'approval', text: 'Can you sign off?\nBy Friday, "please"' }),
  );
  records.meeting.push(
    meeting('m1', 4, ALICE, [BOB, 'calendar:email:zoë@example.test'], {
      title: 'Plan, "Q1"\nreview',
      location: 'Room 4',
      recurring: true,
      status: 'CONFIRMED',
    }),
    meeting('m2', 5, null, [], { cancelSeq: 9 }),
  );
  const facts = [
    factVersion('v1', ALICE, BILLING, {
      status: 'superseded',
      validTo: '2026-11-05T00:00:00.000Z',
      retiredAt: '2026-11-05T01:00:00.000Z',
      supersededBy: 'v2',
    }),
    factVersion('v2', BOB, BILLING, { validFrom: '2026-11-05T00:00:00.000Z', confidence: 0.95 }),
    factVersion('v3', 'slack:T1:UCAROL', BILLING, {
      status: 'retracted',
      hedged: true,
      confidence: 0.3,
      validTo: '2026-11-06T00:00:00.000Z',
      retiredAt: '2026-11-06T00:00:00.000Z',
      retraction: { eventId: 'r1', reason: 'correction', at: '2026-11-06T00:00:00.000Z', by: DANA },
    }),
    factVersion('w1', ALICE, SEARCH, { relation: 'works_on' }),
  ];
  return { records, facts };
}
