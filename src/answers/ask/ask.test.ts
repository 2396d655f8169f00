import { describe, expect, it } from 'vitest';
import type {
  ActionItemAssigned,
  DecisionRecorded,
  EntityNamed,
  QuestionAsked,
} from '../../domain/annotations.js';
import { EVENT, type StoredEvent } from '../../domain/events.js';
import { ON_CALL_ROTATION } from '../../domain/fact-relations.js';
import type { PersonLinked, PersonUpdated } from '../../domain/person.js';
import { MemoryClaimIndex } from '../../memory/facts/claim-index.js';
import { MapEvidenceSource } from '../../memory/facts/map-evidence-source.js';
import {
  asserted,
  assertedEvent,
  evidence,
  PROVENANCE,
  retracted,
  retractedEvent,
  stored,
} from '../../memory/facts/test-support/fact-builders.js';
import { MemoryGraphStore } from '../../memory/graph/memory-graph-store.js';
import { GraphProjector } from '../../memory/graph/projector.js';
import type { AskSources } from './answer-support.js';
import { ask } from './ask.js';
import { entityHistory } from './entity-history.js';
import { PeopleDirectory } from '../people/people-directory.js';
import { SqliteSearchIndex } from '../../memory/search/sqlite-search-index.js';
import { openSearchDatabase } from '../../memory/search/test-support/search-events.js';

const [ALICE, BOB, CAROL, DAVE, EVE, DANA] = ['UALICE', 'UBOB', 'UCAROL', 'UDAVE', 'UEVE', 'UDANA'].map(
  (id) => `slack:T1:${id}`,
);
const BOB_DISCORD = 'slack:T2:UBOBBY';
const BILLING = 'component:billing';
const SEARCH = 'component:search';
const NOW = new Date('2026-11-14T09:00:00.000Z');

function profile(key: string, names: string[], emails: string[] = []): PersonUpdated {
  return {
    key,
    source: 'slack',
    workspace: 'T1',
    nativeId: key.split(':')[2],
    names,
    handles: [names[0].split(' ')[0].toLowerCase()],
    emails,
    isBot: false,
  };
}

const PROFILES = [
  profile(ALICE, ['Alice Adams']),
  profile(BOB, ['Bob Brown']),
  profile(CAROL, ['Carol Clark']),
  profile(DAVE, ['Dave Dunn']),
  profile(EVE, ['Eve Evans']),
  profile(DANA, ['Dana Whitfield'], ['dana@acme.io']),
];

function entity(entityId: string, name: string, aliases: string[]): StoredEvent<EntityNamed> {
  return stored(
    EVENT.entityNamed,
    `ent-${entityId}`,
    { entityId, kind: 'component', name, aliases, confidence: 1 },
    '2026-10-01T00:00:00.000Z',
  );
}

function decisionEvent(
  id: string,
  summary: string,
  at: string,
  about = [BILLING],
  reverses: string | null = null,
): StoredEvent<DecisionRecorded> {
  const payload: DecisionRecorded = {
    decisionId: id,
    conversationId: 'c1',
    channel: 'slack:T1:C1',
    summary,
    about,
    decidedBy: [BOB],
    reverses,
    at,
    confidence: 0.9,
    evidence: [evidence(`m-${id}`, BOB, at, summary)],
    provenance: { ...PROVENANCE },
  };
  return stored(EVENT.decisionRecorded, `ev-${id}`, payload, at);
}

/** A search index holding one statement of Alice's about billing, as the fact's document. */
function statementIndex(factId: string, text: string): SqliteSearchIndex {
  const index = new SqliteSearchIndex(openSearchDatabase().db);
  index.upsert([
    {
      docId: `fact:${factId}`,
      kind: 'fact',
      title: 'owns billing',
      text,
      author: ALICE,
      channel: null,
      at: '2026-11-02T09:00:00.000Z',
      conversationId: null,
      nativeId: `m-${factId}`,
      state: 'asserted',
      version: 1,
    },
  ]);
  return index;
}

async function sources(extra: StoredEvent[] = [], links: PersonLinked[] = []): Promise<AskSources> {
  const events: StoredEvent[] = [
    entity(BILLING, 'billing', ['billing svc', 'the billing service']),
    entity(SEARCH, 'search indexer', ['the indexer']),
    assertedEvent(asserted('f-alice', ALICE, BILLING, '2026-11-01T09:00:00.000Z', { author: DANA })),
    assertedEvent(
      asserted('f-bob', BOB, BILLING, '2026-11-10T09:00:00.000Z', {
        author: ALICE,
        snippet: 'Bob takes over billing from today',
      }),
    ),
    assertedEvent(
      asserted('f-carol', CAROL, BILLING, '2026-11-12T09:00:00.000Z', { hedged: true, confidence: 0.7 }),
    ),
    assertedEvent(asserted('f-dave', DAVE, SEARCH, '2026-11-02T09:00:00.000Z', { author: CAROL })),
    retractedEvent(retracted('f-dave', '2026-11-03T09:00:00.000Z', 'correction', EVE)),
    assertedEvent(asserted('f-eve', EVE, SEARCH, '2026-11-05T09:00:00.000Z', { author: EVE })),
    assertedEvent(asserted('f-bob-works', BOB, SEARCH, '2026-11-06T09:00:00.000Z', { relation: 'works_on' })),
    decisionEvent(
      'd-retry',
      'Retries move to a queue worker instead of the nightly cron',
      '2026-11-11T10:00:00.000Z',
    ),
    decisionEvent('d-refund', 'Refunds under 200 EUR are automatic', '2026-11-12T10:00:00.000Z'),
    ...extra,
  ];
  const graph = new MemoryGraphStore();
  await new GraphProjector(new MemoryClaimIndex(), graph).apply(events);
  return {
    graph,
    evidence: new MapEvidenceSource(events),
    people: new PeopleDirectory([...PROFILES, profile(BOB_DISCORD, ['bobby'])], links),
    me: ['dana@acme.io'],
    now: NOW,
  };
}

describe('ask', () => {
  it('names the current owner, keeps the earlier one in history, and cites the evidence', async () => {
    const answer = await ask('Who owns the billing service?', await sources());
    expect(answer).toEqual(
      expect.objectContaining({
        known: true,
        intent: 'owner',
        text: 'Bob Brown owns billing, since 2026-11-10.',
        asOf: NOW.toISOString(),
      }),
    );
    expect(answer.confidence).toBeCloseTo(0.8);
    expect(answer.history.map((entry) => [entry.subjectName, entry.status, entry.note])).toEqual([
      ['Alice Adams', 'superseded', 'superseded by Bob Brown'],
      ['Bob Brown', 'current', null],
      ['Carol Clark', 'alternative', 'hedged claim, not confirmed'],
    ]);
    expect(answer.evidence).toEqual([
      {
        source: 'slack',
        channel: 'C1',
        messageId: 'm-f-bob',
        author: 'Alice Adams',
        time: '2026-11-10T09:00:00.000Z',
        snippet: 'Bob takes over billing from today',
      },
    ]);
  });

  it('treats a later claim by another identity of the same person as the same holding', async () => {
    const link: PersonLinked = {
      a: BOB,
      b: BOB_DISCORD,
      method: 'email',
      confidence: 1,
      basis: 'bob@acme.io',
    };
    const s = await sources(
      [assertedEvent(asserted('f-bobby', BOB_DISCORD, BILLING, '2026-11-11T09:00:00.000Z'))],
      [link],
    );
    const answer = await ask('who owns billing', s);
    expect(answer.text).toBe('Bob Brown owns billing, since 2026-11-10.');
    expect(
      answer.history.map((entry) => [
        entry.subjectName,
        entry.status,
        entry.validFrom.slice(0, 10),
        entry.note,
      ]),
    ).toEqual([
      ['Alice Adams', 'superseded', '2026-11-01', 'superseded by Bob Brown'],
      ['Bob Brown', 'current', '2026-11-10', null],
      ['Carol Clark', 'alternative', '2026-11-12', 'hedged claim, not confirmed'],
    ]);
    expect(answer.evidence.map((e) => e.messageId)).toEqual(['m-f-bob', 'm-f-bobby']);
    // Without the link they are two people, and the second one took over.
    expect(
      (
        await ask(
          'who owns billing',
          await sources([
            assertedEvent(asserted('f-bobby', BOB_DISCORD, BILLING, '2026-11-11T09:00:00.000Z')),
          ]),
        )
      ).text,
    ).toBe('bobby owns billing, since 2026-11-11.');
  });

  it('answers as of a date, last week, and a date in the question', async () => {
    const s = await sources();
    expect((await ask('who owns billing', s, { asOf: '2026-11-05T00:00:00.000Z' })).text).toBe(
      'Alice Adams owned billing, since 2026-11-01.',
    );
    expect((await ask('who owned billing last week', s)).text).toMatch(/^Alice Adams owned billing/);
    expect((await ask('who owned billing on 2026-11-11', s)).text).toMatch(/^Bob Brown owned billing/);
  });

  it('answers about a part with no facts of its own from the whole a holder statement names it with', async () => {
    const s = await sources([
      entity('component:retry-worker', 'retry worker', []),
      assertedEvent(
        asserted('f-alice-parts', ALICE, BILLING, '2026-11-02T09:00:00.000Z', {
          snippet: 'Alice owns billing: the retry worker, invoices, all of it',
        }),
      ),
    ]);
    const search = statementIndex(
      'f-alice-parts',
      'Alice owns billing: the retry worker, invoices, all of it',
    );
    s.search = search;
    const answer = await ask('who owns the retry worker', s);
    expect(answer.text).toBe('Bob Brown owns billing (with retry worker), since 2026-11-10.');
    expect(answer.searched.join(' ')).toContain('facts whose statements name retry worker: about billing');
    expect((await ask('who owns the retry worker', s, { asOf: '2026-11-05T00:00:00.000Z' })).text).toMatch(
      /^Alice Adams owned billing \(with retry worker\)/,
    );
    const unnamed = { ...(await sources([entity('component:retry-worker', 'retry worker', [])])), search };
    expect((await ask('who owns the retry worker', unnamed)).known).toBe(false);
    // Named in a later sentence of the statement, the part is not held with the whole.
    const apart = await sources([
      entity('component:retry-worker', 'retry worker', []),
      assertedEvent(
        asserted('f-alice-apart', ALICE, BILLING, '2026-11-02T09:00:00.000Z', {
          snippet: 'Alice owns billing. Carol handles the retry worker',
        }),
      ),
    ]);
    apart.search = statementIndex('f-alice-apart', 'Alice owns billing. Carol handles the retry worker');
    expect((await ask('who owns the retry worker', apart)).text).not.toMatch(/billing \(with retry worker\)/);
    // Nor in a clause about someone else: "…, Carol is off to the retry worker", "(Carol moved to …)".
    for (const said of [
      'billing is mine now, Carol is off to the retry worker',
      'Alice owns billing since Monday (Carol moved to the retry worker)',
    ]) {
      const other = await sources([
        entity('component:retry-worker', 'retry worker', []),
        assertedEvent(
          asserted('f-alice-other', ALICE, BILLING, '2026-11-02T09:00:00.000Z', { snippet: said }),
        ),
      ]);
      other.search = statementIndex('f-alice-other', said);
      expect((await ask('who owns the retry worker', other)).text).not.toMatch(
        /billing \(with retry worker\)/,
      );
    }
  });

  it('names a holder known to have ended for a time before the record, unless a start was stated', async () => {
    const lastDay = (said: string, validFrom: string) =>
      sources([
        entity('component:gateway', 'sms gateway', []),
        assertedEvent(
          asserted('f-gateway-dave', DAVE, 'component:gateway', validFrom, {
            said,
            snippet: 'last day on the gateway today',
          }),
        ),
        assertedEvent(asserted('f-gateway-bob', BOB, 'component:gateway', '2026-11-13T09:00:00.000Z')),
      ]);
    const before = await ask(
      'who owned the sms gateway on 2026-10-20',
      await lastDay('2026-10-25T09:00:00.000Z', '2026-10-25T09:00:00.000Z'),
    );
    expect(before.known).toBe(true);
    expect(before.text).toMatch(
      /^Dave Dunn owned sms gateway until 2026-11-13 \(the record does not say since when/,
    );
    const stated = await ask(
      'who owned the sms gateway on 2026-10-20',
      await lastDay('2026-10-19T09:00:00.000Z', '2026-10-25T09:00:00.000Z'),
    );
    expect(stated.known).toBe(false);
  });

  it('never answers with a corrected fact, and says what it searched when nothing held', async () => {
    const s = await sources();
    expect((await ask('who owns the indexer', s)).text).toBe(
      'Eve Evans owns search indexer, since 2026-11-05.',
    );
    const before = await ask('who owns the indexer', s, { asOf: '2026-11-02T12:00:00.000Z' });
    expect(before.known).toBe(false);
    expect(before.text).toMatch(
      /^I don't know\. I searched owns facts about search indexer valid on 2026-11-02/,
    );
    expect(before.text).not.toContain('Dave');
    expect(before.history.map((entry) => entry.status)).toEqual(['retracted', 'current']);
  });

  it('says "I don\'t know" about things not in the data, naming nobody', async () => {
    const s = await sources();
    for (const question of [
      'who owns the mobile app',
      'what is Kevin working on',
      'what did we decide about the iOS release',
      'who should I ask about payroll',
    ]) {
      const answer = await ask(question, s);
      expect(answer.known, question).toBe(false);
      expect(answer.evidence).toEqual([]);
      for (const name of ['Alice', 'Bob', 'Carol', 'Dave', 'Eve', 'billing'])
        expect(answer.text, question).not.toContain(name);
    }
    const nonsense = await ask('make me a sandwich', s);
    expect(nonsense).toEqual(expect.objectContaining({ known: false, intent: null }));
    expect(nonsense.text).toMatch(/^I don't understand/);
  });

  it('lowers confidence for a hedged holder and raises it with independent support', async () => {
    const hedgedOnly = await ask(
      'who owns payments',
      await sources([
        entity('component:payments', 'payments', []),
        assertedEvent(
          asserted('f-p', CAROL, 'component:payments', '2026-11-01T09:00:00.000Z', {
            hedged: true,
            confidence: 0.9,
          }),
        ),
      ]),
    );
    expect(hedgedOnly.confidence).toBeLessThanOrEqual(0.4);
    expect(hedgedOnly.text).toContain('hedged');
    const supported = await ask(
      'who owns billing',
      await sources([
        assertedEvent(asserted('f-bob-2', BOB, BILLING, '2026-11-11T09:00:00.000Z', { author: EVE })),
      ]),
    );
    expect(supported.confidence).toBeCloseTo(1 - 0.2 * 0.2);
  });

  it('routes who-to-ask, working-on, decisions and changes', async () => {
    const s = await sources();
    expect((await ask('who should I ask about billing?', s)).text).toBe('Ask Bob Brown (owns billing).');
    expect((await ask('who is working on the indexer', s)).text).toBe(
      'Bob Brown works on search indexer, since 2026-11-06.',
    );
    expect((await ask('what is Bob working on', s)).text).toBe(
      'Bob Brown works on search indexer (the indexer); owns billing (billing svc, the billing service).',
    );
    const decided = await ask('what did we decide about billing retries', s);
    expect(decided.text).toContain('queue worker');
    expect(decided.text).not.toContain('Refunds');
    expect((await ask('what did we decide about refunds', s)).text).toContain('200 EUR');
    const changed = await ask('what changed about billing', s);
    expect(changed.text).toContain('from 2026-11-10: Bob Brown owns billing');
    expect(changed.text).toContain('decided 2026-11-12: Refunds under 200 EUR');
  });

  it('says who someone is: name, email, where they write, what they own; nobody by that name is unknown', async () => {
    const s = await sources();
    const dana = await ask('who is Dana?', s);
    expect(dana.text.split('\n')[0]).toBe('Dana Whitfield (dana@acme.io; on Slack).');
    expect(dana.entity).toEqual({ kind: 'person', id: DANA, name: 'Dana Whitfield' });
    const bob = await ask('tell me about Bob', s);
    expect(bob.text).toBe(
      'Bob Brown (on Slack).\nBob Brown works on search indexer (the indexer); owns billing (billing svc, the billing service).',
    );
    const nobody = await ask('who is Zed?', s);
    expect(nobody.known).toBe(false);
    expect(nobody.searched[0]).toBe('people named "zed": none found');
  });

  it('answers "who is working on X" from the action items naming X when no works-on fact holds', async () => {
    const at = '2026-11-12T09:00:00.000Z';
    const item: ActionItemAssigned = {
      itemId: 'a-proxy',
      conversationId: 'c1',
      channel: 'slack:T1:C1',
      summary: 'I will stage the payment proxy rollback tonight',
      assignee: BOB,
      requestedBy: BOB,
      due: null,
      dueText: null,
      at,
      confidence: 0.8,
      evidence: [evidence('m-proxy', BOB, at)],
      provenance: { ...PROVENANCE },
    };
    const index = new SqliteSearchIndex(openSearchDatabase().db);
    index.upsert([
      {
        docId: 'action_item:a-proxy',
        kind: 'action_item',
        title: '',
        text: item.summary,
        author: BOB,
        channel: 'slack:T1:C1',
        at,
        conversationId: 'c1',
        nativeId: 'm-proxy',
        state: 'open',
        version: 1,
      },
    ]);
    const s = {
      ...(await sources([stored(EVENT.actionItemAssigned, 'ev-a-proxy', item, at)])),
      search: index,
    };
    const answer = await ask('who is working on the payment proxy?', s);
    expect(answer.known).toBe(true);
    expect(answer.text).toBe(
      'Bob Brown is on it:\n- Bob Brown: "I will stage the payment proxy rollback tonight" (open; 2026-11-12)',
    );
    expect(answer.evidence.map((e) => e.messageId)).toEqual(['m-proxy']);
    expect((await ask('who is working on the payment gateway?', s)).text).not.toContain('Bob Brown is on it');
    expect(
      (await ask('who is working on the payment proxy?', s, { asOf: '2026-11-11T00:00:00.000Z' })).text,
    ).not.toContain('Bob Brown is on it');
    // "who's staging X": the item holds the deed and more of the words, not every word.
    expect((await ask("who's staging the proxy rollback for the outage?", s)).text).toContain(
      'Bob Brown is on it',
    );
    expect((await ask("who's staging the demo for the customers?", s)).text).not.toContain(
      'Bob Brown is on it',
    );
  });

  it('finds what waits on me and what blocks someone, and only while it is open', async () => {
    const question: QuestionAsked = {
      questionId: 'q1',
      conversationId: 'c1',
      channel: 'slack:T1:C1',
      text: 'Can you sign off the backfill plan?',
      asker: EVE,
      addressees: [DANA],
      kind: 'approval',
      at: '2026-11-13T09:00:00.000Z',
      confidence: 0.9,
      evidence: [evidence('m-q1', EVE, '2026-11-13T09:00:00.000Z')],
      provenance: { ...PROVENANCE },
    };
    const item: ActionItemAssigned = {
      itemId: 'a1',
      conversationId: 'c1',
      channel: 'slack:T1:C1',
      summary: 'Send the outage summary',
      assignee: DANA,
      requestedBy: ALICE,
      due: '2026-11-15',
      dueText: 'by Saturday',
      at: '2026-11-13T10:00:00.000Z',
      confidence: 0.9,
      evidence: [evidence('m-a1', ALICE, '2026-11-13T10:00:00.000Z')],
      provenance: { ...PROVENANCE },
    };
    const s = await sources([
      stored(EVENT.questionAsked, 'ev-q1', question, question.at),
      stored(EVENT.actionItemAssigned, 'ev-a1', item, item.at),
    ]);
    const waiting = await ask("what's waiting on me?", s);
    expect(waiting.text).toBe(
      '2 things waiting on you:\n- approval: Can you sign off the backfill plan? (Eve Evans → Dana Whitfield, 2026-11-13)\n- to do: Send the outage summary, due Sun Nov 15 2026 (asked by Alice Adams)',
    );
    expect(waiting.evidence.map((e) => e.messageId)).toEqual(['m-q1', 'm-a1']);
    expect((await ask('what is blocking Eve', s)).text).toContain('sign off the backfill plan');
    expect((await ask("what's waiting on me", s, { asOf: '2026-11-12T00:00:00.000Z' })).known).toBe(false);
    const noMe = await ask('what is waiting on me', { ...s, me: [] });
    expect(noMe.text).toContain('set `me` in the config');
  });

  it('narrows "what did Bob decide about billing" to the decisions Bob took part in', async () => {
    const s = await sources();
    const bobs = await ask('what did Bob decide about billing', s);
    expect(bobs.known).toBe(true);
    expect(bobs.text).toContain('Refunds under 200 EUR are automatic');
    const alices = await ask('what did Alice decide about billing', s);
    expect(alices.text).not.toContain('Refunds under 200 EUR');
  });

  it('does not name who decided a thing when no decision about its component says it', async () => {
    const s = await sources();
    expect((await ask('who decided on the billing retries', s)).text).toContain('queue worker');
    // Billing decisions exist, none about rolling anything back.
    const rollback = await ask('who decided to roll back billing', s);
    expect(rollback.known).toBe(false);
    expect(rollback.searched.join('; ')).toContain('none of them about');
  });

  it('reads the on-call schedule at a time ahead the question names, as known at as-of', async () => {
    const onCall = (factId: string, person: string, from: string, to: string) =>
      assertedEvent({
        ...asserted(factId, person, ON_CALL_ROTATION, from, {
          relation: 'on_call',
          said: '2026-11-09T08:00:00.000Z',
        }),
        validTo: to,
      });
    const s = await sources([
      onCall('oc-eve', EVE, '2026-11-09T00:00:00.000Z', '2026-11-16T00:00:00.000Z'),
      onCall('oc-bob', BOB, '2026-11-16T00:00:00.000Z', '2026-11-23T00:00:00.000Z'),
    ]);
    const asOf = { asOf: '2026-11-12T12:00:00.000Z' };
    expect((await ask('who is on call', s, asOf)).text).toMatch(/^On call (?:then)?: ?Eve Evans/);
    expect((await ask("who's on call next week?", s, asOf)).text).toMatch(/^On call next week: Bob Brown/);
    expect((await ask('who is on call tomorrow', s, asOf)).text).toMatch(/^On call tomorrow: Eve Evans/);
    // A turn said without an end ("Eve is on call this week") covers its week, not the next one.
    const open = await sources([
      assertedEvent(
        asserted('oc-open', EVE, ON_CALL_ROTATION, '2026-11-09T00:00:00.000Z', {
          relation: 'on_call',
          said: '2026-11-09T08:00:00.000Z',
        }),
      ),
    ]);
    expect((await ask('who is on call', open, asOf)).text).toMatch(/Eve Evans/);
    expect((await ask("who's on call next week?", open, asOf)).known).toBe(false);
  });

  it('lists what I am waiting on: my open questions to someone and work I asked of others', async () => {
    const at = '2026-11-13T09:00:00.000Z';
    const mine: QuestionAsked = {
      questionId: 'q-mine',
      conversationId: 'c1',
      channel: 'slack:T1:C1',
      text: 'Eve, can you confirm the renewal price?',
      asker: DANA,
      addressees: [EVE],
      kind: 'question',
      at,
      confidence: 0.85,
      evidence: [evidence('m-q-mine', DANA, at)],
      provenance: { ...PROVENANCE },
    };
    const item = (itemId: string, assignee: string, requestedBy: string): ActionItemAssigned => ({
      itemId,
      conversationId: 'c1',
      channel: 'slack:T1:C1',
      summary: `task ${itemId}`,
      assignee,
      requestedBy,
      due: null,
      dueText: null,
      at,
      confidence: 0.8,
      evidence: [evidence(`m-${itemId}`, requestedBy, at)],
      provenance: { ...PROVENANCE },
    });
    const s = await sources([
      stored(EVENT.questionAsked, 'ev-q-mine', mine, at),
      stored(EVENT.actionItemAssigned, 'ev-a-bob', item('a-bob', BOB, DANA), at),
      stored(EVENT.actionItemAssigned, 'ev-a-dana', item('a-dana', DANA, ALICE), at),
    ]);
    for (const question of [
      'what am I waiting on?',
      'who owes me anything',
      'what are we still waiting for',
    ]) {
      const answer = await ask(question, s);
      expect(answer.text).toBe(
        '2 things you are waiting on:\n- Eve, can you confirm the renewal price? (Dana Whitfield → Eve Evans, 2026-11-13)\n- Bob Brown: task a-bob',
      );
      expect(answer.evidence.map((e) => e.messageId).sort()).toEqual(['m-a-bob', 'm-q-mine']);
    }
    expect((await ask('what am I waiting on', s, { asOf: '2026-11-12T00:00:00.000Z' })).known).toBe(false);
  });

  it('lists what I owe: my open to-dos, with what "it" means, and questions put to me alone', async () => {
    const at = '2026-11-12T10:00:00.000Z';
    const todo = (
      itemId: string,
      summary: string,
      due: string | null,
      said = summary,
    ): ActionItemAssigned => ({
      itemId,
      conversationId: 'c1',
      channel: 'slack:T1:C1',
      summary,
      assignee: DANA,
      requestedBy: DANA,
      due,
      dueText: null,
      at,
      confidence: 0.8,
      evidence: [evidence(`m-${itemId}`, DANA, at, said)],
      provenance: { ...PROVENANCE },
    });
    const asked = (questionId: string, text: string, addressees: string[]): QuestionAsked => ({
      questionId,
      conversationId: 'c1',
      channel: 'slack:T1:C1',
      text,
      asker: EVE,
      addressees,
      kind: 'question',
      at,
      confidence: 0.8,
      evidence: [evidence(`m-${questionId}`, EVE, at, text)],
      provenance: { ...PROVENANCE },
    });
    const s = await sources([
      stored(
        EVENT.actionItemAssigned,
        'ev-sign',
        todo(
          'sign',
          "I'll sign it by Friday",
          '2026-11-13',
          "hi. legal is back Monday, so the vendor addendum (example.com/terms) slips. I'll sign it by Friday",
        ),
        at,
      ),
      stored(EVENT.actionItemAssigned, 'ev-stale', todo('stale', 'join the kickoff call', '2026-11-01'), at),
      stored(EVENT.questionAsked, 'ev-q-me', asked('q-me', 'where are we on the refunds?', [DANA]), at),
      stored(
        EVENT.questionAsked,
        'ev-q-all',
        asked('q-all', 'top 3 asks, everyone?', [DANA, BOB, CAROL]),
        at,
      ),
    ]);
    const owed = await ask('what do I still owe people?', s);
    expect(owed.text).toContain(
      "I'll sign it by Friday (re: legal is back Monday, so the vendor addendum (example.com/terms) slips.)",
    );
    expect(owed.text).toContain('where are we on the refunds?');
    expect(owed.text).not.toContain('top 3 asks');
    expect(owed.text).not.toContain('kickoff call');
    expect(owed.text).toMatch(/^2 things you owe:/);
    // The same to-do in what someone works on says what "it" is too.
    const working = await ask('what is Dana working on', s);
    expect(working.text).toContain("I'll sign it by Friday (re: legal is back Monday");
  });

  it('shows what reversed a decision, in the decisions about it and in what changed', async () => {
    const s = await sources([
      decisionEvent(
        'd-back',
        'reversing that: back to the nightly cron until idempotency keys land',
        '2026-11-13T10:00:00.000Z',
        ['component:cron'],
        'd-retry',
      ),
    ]);
    const decided = await ask('what did we decide about billing retries', s);
    expect(decided.text).toContain('[reversed 2026-11-13]');
    expect(decided.text).toContain('2026-11-13: reversing that: back to the nightly cron');
    const changed = await ask('what changed about billing', s);
    expect(changed.text).toContain('reversed 2026-11-13: Retries move to a queue worker');
    expect(changed.text).toContain('back to the nightly cron until idempotency keys land');
  });

  it('finds a decision that names a component it was not linked to', async () => {
    const s = await sources([entity('component:queue', 'queue', [])]);
    const answer = await ask('what did we decide about the queue', s);
    expect(answer.known).toBe(true);
    expect(answer.text).toContain('Retries move to a queue worker');
    expect(answer.searched.join(' ')).toContain('decision summaries containing "queue"');
    expect((await ask('what did we decide about the mobile app', s)).known).toBe(false);
    // Three words or more: one of them may be missing from the summary.
    const limits = await ask('what did we decide about automatic refund limits', s);
    expect(limits.text).toContain('Refunds under 200 EUR are automatic');
    expect((await ask('what did we decide about automatic mobile limits', s)).known).toBe(false);
  });

  it('answers about the one longer name of a bare head word that has nothing on record, and refuses when several do', async () => {
    const SDK = 'component:sdk';
    const ACME_SDK = 'component:acme-sdk';
    const PY_SDK = 'component:python-sdk';
    const one = await sources([
      entity(SDK, 'sdk', []),
      entity(ACME_SDK, 'acme sdk', ['acme-sdk']),
      entity(PY_SDK, 'python sdk', []),
      assertedEvent(asserted('f-acme', CAROL, ACME_SDK, '2026-11-08T09:00:00.000Z')),
    ]);
    const answer = await ask('who maintains the sdk', one);
    expect(answer.known).toBe(true);
    expect(answer.entity?.id).toBe(ACME_SDK);
    expect(answer.text).toContain('Carol Clark');
    expect(answer.text).toContain('nothing is on record for sdk itself');
    const two = await sources([
      entity(SDK, 'sdk', []),
      entity(ACME_SDK, 'acme sdk', []),
      entity(PY_SDK, 'python sdk', []),
      assertedEvent(asserted('f-acme', CAROL, ACME_SDK, '2026-11-08T09:00:00.000Z')),
      assertedEvent(asserted('f-py', DAVE, PY_SDK, '2026-11-08T09:00:00.000Z')),
    ]);
    const refused = await ask('who maintains the sdk', two);
    expect(refused.known).toBe(false);
    expect(refused.searched.join(' ')).toContain('acme sdk, python sdk');
  });
});

describe('entityHistory', () => {
  it('lists every fact about a component with evidence, retracted ones included', async () => {
    const history = await entityHistory('the indexer', await sources());
    expect(history.entity).toEqual({ kind: 'component', id: SEARCH, name: 'search indexer' });
    expect(history.facts.map((fact) => [fact.subjectName, fact.relation, fact.status])).toEqual([
      ['Dave Dunn', 'owns', 'retracted'],
      ['Eve Evans', 'owns', 'current'],
      ['Bob Brown', 'works_on', 'current'],
    ]);
    expect(history.facts[0].note).toBe('correction by Eve Evans on 2026-11-03');
    expect(history.facts.every((fact) => fact.evidence.length === 1)).toBe(true);
  });

  it('finds a person and answers nothing for an unknown name', async () => {
    const s = await sources();
    expect((await entityHistory('Alice', s)).facts.map((fact) => fact.status)).toEqual(['superseded']);
    expect(await entityHistory('payroll', s)).toEqual(expect.objectContaining({ entity: null, facts: [] }));
  });
});
