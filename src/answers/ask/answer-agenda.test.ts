import { describe, expect, it } from 'vitest';
import type {
  ActionItemAssigned,
  ActionItemCompleted,
  DecisionRecorded,
  QuestionAsked,
} from '../../domain/annotations.js';
import { EVENT, type StoredEvent } from '../../domain/events.js';
import type { PersonUpdated } from '../../domain/person.js';
import { MemoryClaimIndex } from '../../memory/facts/claim-index.js';
import { MapEvidenceSource } from '../../memory/facts/map-evidence-source.js';
import { evidence, PROVENANCE, stored } from '../../memory/facts/test-support/fact-builders.js';
import { MemoryGraphStore } from '../../memory/graph/memory-graph-store.js';
import { GraphProjector } from '../../memory/graph/projector.js';
import { PeopleDirectory } from '../people/people-directory.js';
import type { AskSources } from './answer-support.js';
import { ask } from './ask.js';

const [ANA, BO, CY] = ['slack:T1:UANA', 'slack:T1:UBO', 'slack:T1:UCY'];
// Friday 2026-11-13, 17:00 UTC.
const NOW = new Date('2026-11-13T17:00:00.000Z');

const person = (key: string, name: string, emails: string[] = []): PersonUpdated => ({
  key,
  source: 'slack',
  workspace: 'T1',
  nativeId: key.split(':')[2],
  names: [name],
  handles: [name.toLowerCase()],
  emails,
  isBot: false,
});

function item(
  id: string,
  assignee: string,
  requestedBy: string,
  summary: string,
  at: string,
  due: string | null,
) {
  const payload: ActionItemAssigned = {
    itemId: id,
    conversationId: 'c1',
    channel: 'slack:T1:C1',
    summary,
    assignee,
    requestedBy,
    due,
    dueText: due ? 'by then' : null,
    at,
    confidence: 0.8,
    evidence: [evidence(`m-${id}`, requestedBy, at, summary)],
    provenance: { ...PROVENANCE },
  };
  return stored(EVENT.actionItemAssigned, `ev-${id}`, payload, at);
}

function done(id: string, by: string, at: string): StoredEvent<ActionItemCompleted> {
  return stored(
    EVENT.actionItemCompleted,
    `ev-done-${id}`,
    {
      itemId: id,
      by,
      at,
      confidence: 0.8,
      evidence: [evidence(`m-done-${id}`, by, at, 'done')],
      provenance: { ...PROVENANCE },
    },
    at,
  );
}

function decision(id: string, summary: string, at: string): StoredEvent<DecisionRecorded> {
  const payload: DecisionRecorded = {
    decisionId: id,
    conversationId: 'c1',
    channel: 'slack:T1:C1',
    summary,
    about: [],
    decidedBy: [BO],
    reverses: null,
    at,
    confidence: 0.9,
    evidence: [evidence(`m-${id}`, BO, at, summary)],
    provenance: { ...PROVENANCE },
  };
  return stored(EVENT.decisionRecorded, `ev-${id}`, payload, at);
}

function question(
  id: string,
  asker: string,
  to: string,
  text: string,
  at: string,
): StoredEvent<QuestionAsked> {
  const payload: QuestionAsked = {
    questionId: id,
    conversationId: 'c1',
    channel: 'slack:T1:C1',
    text,
    asker,
    addressees: [to],
    kind: 'question',
    at,
    confidence: 0.85,
    evidence: [evidence(`m-${id}`, asker, at, text)],
    provenance: { ...PROVENANCE },
  };
  return stored(EVENT.questionAsked, `ev-${id}`, payload, at);
}

async function sources(): Promise<AskSources> {
  const events: StoredEvent[] = [
    item('late', BO, ANA, 'send the vendor shortlist', '2026-11-02T09:00:00.000Z', '2026-11-10'),
    item('soon', CY, ANA, 'draft the launch email', '2026-11-11T09:00:00.000Z', '2026-11-17'),
    item('mine', ANA, BO, 'review the pricing page', '2026-11-12T09:00:00.000Z', '2026-11-16'),
    item('shipped', BO, ANA, 'fix the export', '2026-11-09T09:00:00.000Z', '2026-11-11'),
    done('shipped', BO, '2026-11-12T15:00:00.000Z'),
    decision('d-old', 'Quarterly planning moves to a two-day offsite', '2026-11-03T10:00:00.000Z'),
    decision('d-new', 'We keep the current payroll vendor', '2026-11-12T10:00:00.000Z'),
    question('q-bo', BO, ANA, 'can you confirm the budget for Q1?', '2026-11-12T11:00:00.000Z'),
    stored(
      EVENT.decisionRecorded,
      'ev-d-refund',
      {
        decisionId: 'd-refund',
        conversationId: 'c2',
        channel: 'slack:T1:C2',
        summary: 'refund the 40 double-charged customers',
        about: [],
        decidedBy: [ANA, BO],
        reverses: null,
        at: '2026-11-05T10:00:00.000Z',
        confidence: 0.75,
        evidence: [
          evidence(
            'm-propose',
            ANA,
            '2026-11-05T09:00:00.000Z',
            "I'd like to refund the 40 double-charged customers",
          ),
          evidence('m-approve', BO, '2026-11-05T10:00:00.000Z', 'Approved, go ahead'),
        ],
        provenance: { ...PROVENANCE },
      } satisfies DecisionRecorded,
      '2026-11-05T10:00:00.000Z',
    ),
  ];
  const graph = new MemoryGraphStore();
  await new GraphProjector(new MemoryClaimIndex(), graph).apply(events);
  return {
    graph,
    evidence: new MapEvidenceSource(events),
    people: new PeopleDirectory([
      person(ANA, 'Ana Lima', ['ana@acme.io']),
      person(BO, 'Bo Chen'),
      person(CY, 'Cy Park'),
    ]),
    me: ['ana@acme.io'],
    now: NOW,
    timeZone: 'UTC',
  };
}

describe('agenda questions', () => {
  it('lists what is overdue across the team, and what is due next week', async () => {
    const s = await sources();
    expect((await ask("what's overdue?", s)).text).toBe(
      '1 overdue:\n- Bo Chen: send the vendor shortlist, due Tue Nov 10 2026 (3 days overdue)',
    );
    expect((await ask('what is due next week?', s)).text).toBe(
      '2 due next week:\n- Ana Lima: review the pricing page, due Mon Nov 16 2026\n- Cy Park: draft the launch email, due Tue Nov 17 2026',
    );
    // Before the item was due nothing is overdue; the answer says so rather than searching messages.
    const early = await ask("what's overdue?", s, { asOf: '2026-11-05T00:00:00.000Z' });
    expect(early.known).toBe(false);
    expect(early.maybeRelevant ?? []).toEqual([]);
  });

  it('lists the decisions of a window, the last 7 days when none is named', async () => {
    const s = await sources();
    expect((await ask('what did we decide this week?', s)).text).toBe(
      '1 decision:\n- 2026-11-12: We keep the current payroll vendor (Bo Chen)',
    );
    expect((await ask('what decisions were made last week?', s)).text).toContain('two-day offsite');
    expect((await ask('any decisions?', s)).text).not.toContain('two-day offsite');
  });

  it('sums up what happened: decisions, work done, new work', async () => {
    const text = (await ask('what happened yesterday?', await sources())).text;
    expect(text.split('\n')[0]).toBe('On 2026-11-12: 1 decision, 1 item done, 1 new and still open.');
    expect(text).toContain('- Bo Chen: fix the export');
    expect(text).toContain('- Ana Lima: review the pricing page, due Mon Nov 16 2026');
  });

  it('lists what I owe one person: their asks of me, and their questions to me', async () => {
    const s = await sources();
    const answer = await ask('what does Bo need from me?', s);
    expect(answer.text).toBe(
      '2 open for Bo Chen:\n- to do: review the pricing page, due Mon Nov 16 2026 (2026-11-12)\n- asked: can you confirm the budget for Q1? (2026-11-12)',
    );
    expect((await ask('what did I promise Cy?', s)).known).toBe(false);
    expect((await ask('what did I promise Zed?', s)).searched).toEqual(['people named "zed": none found']);
  });

  it('answers when one piece of work is due from the action item naming it', async () => {
    const s = await sources();
    expect((await ask('when is the pricing page review due?', s)).text).toMatch(
      /^Due 2026-11-16: review the pricing page \(/,
    );
    expect((await ask("what's the deadline for the export fix", s)).text).toMatch(
      /^Due 2026-11-11: fix the export .*done/,
    );
    expect((await ask('when is the office move due?', s)).known).toBe(false);
  });

  it('names who approved or decided something: the one who accepted a proposal, for "approved"', async () => {
    const s = await sources();
    expect((await ask('who approved the refund?', s)).text).toBe(
      'Bo Chen approved it (with Ana Lima), 2026-11-05: "refund the 40 double-charged customers"',
    );
    expect(
      (await ask('who decided on the refund?', s)).text.startsWith('Ana Lima decided on it (with Bo Chen)'),
    ).toBe(true);
    expect((await ask('who approved the office move?', s)).known).toBe(false);
  });
});
