import { describe, expect, it } from 'vitest';
import type { AnnotateOutput } from '../../pipeline/annotate/annotate-types.js';
import { toAnnotateInput, type EvalConversation } from './annotate-adapter.js';
import { scoreAsk } from './ask-task.js';
import { predictedItems, scoreKind, type NormalItem } from './annotate-tasks.js';
import { Roster } from './roster.js';

const roster = new Roster(
  [
    { id: 'priya', name: 'Priya Nair', identities: ['slack:U04PN', 'email:priya@acme.io'] },
    { id: 'marco', name: 'Marco Rossi', identities: ['slack:U05MR', 'discord:5241'] },
  ],
  [{ id: 'billing', names: ['billing', 'billing svc', 'the billing service'] }],
);
const item = (over: Partial<NormalItem>): NormalItem => ({
  summary: '',
  evidence: [],
  people: [],
  components: [],
  named: [],
  ...over,
});

describe('Roster', () => {
  it('maps person keys, emails, names and component aliases onto truth ids', () => {
    expect(roster.person('slack:T1:U04PN')).toBe('priya');
    expect(roster.person('slack:U05MR')).toBe('marco');
    expect(roster.person('discord:5241')).toBe('marco');
    expect(roster.person('Priya Nair')).toBe('priya');
    expect(roster.person('priya@acme.io')).toBe('priya');
    expect(roster.person('slack:T1:U999')).toBeUndefined();
    expect(roster.component('Billing SVC')).toBe('billing');
  });
});

describe('scoreKind', () => {
  it('counts an action item only with shared evidence and the right assignee', () => {
    const expected = [
      {
        id: 'a1',
        summary: 'Priya fixes the VAT rounding',
        assignee: 'priya',
        due: '2026-11-12',
        evidence: ['slack:C1:1', 'slack:C1:2'],
      },
      {
        id: 'a2',
        summary: 'Marco writes the runbook',
        assignee: 'marco',
        due: null,
        evidence: ['slack:C1:5'],
      },
    ];
    const predicted = [
      item({
        summary: 'Priya to fix VAT rounding',
        evidence: ['slack:C1:2'],
        people: ['priya'],
        due: '2026-11-12',
        named: ['slack:T1:U04PN'],
      }),
      item({
        summary: 'write the runbook',
        evidence: ['slack:C1:5'],
        people: ['priya'],
        named: ['slack:T1:U04PN'],
      }),
      item({ summary: 'Zebulon deploys', evidence: ['slack:C1:9'], people: [], named: ['Zebulon Quince'] }),
    ];
    const result = scoreKind('action_items', expected, predicted, roster);
    expect(result.scores.recall).toBeCloseTo(0.5);
    expect(result.scores.precision).toBeCloseTo(1 / 3);
    expect(result.scores.evidence_f1).toBeCloseTo(0.8);
    expect(result.scores.due).toBe(1);
    expect(result.scores.grounding).toBeCloseTo(2 / 3);
    expect(result.scores.summary).toBeGreaterThan(0.4);
    expect(result.score).toBe(result.scores.f1);
    expect(result.notes).toEqual([
      'missed: Marco writes the runbook',
      'extra: write the runbook',
      'extra: Zebulon deploys',
    ]);
  });

  it('needs the same subject, relation and object for a fact', () => {
    const expected = [
      { id: 'f1', subject: 'priya', relation: 'owns', object: 'billing', evidence: ['slack:C1:1'] },
    ];
    const good = scoreKind(
      'facts',
      expected,
      [item({ evidence: ['slack:C1:1'], people: ['priya'], components: ['billing'], relation: 'owns' })],
      roster,
    );
    const wrongRelation = scoreKind(
      'facts',
      expected,
      [item({ evidence: ['slack:C1:1'], people: ['priya'], components: ['billing'], relation: 'works_on' })],
      roster,
    );
    expect(good.score).toBe(1);
    expect(wrongRelation.score).toBe(0);
    expect(wrongRelation.scores.evidence_f1).toBe(1);
  });

  it('neither credits nor counts as extra a restatement of an item first stated in another conversation', () => {
    const elsewhere = [
      {
        id: 'f1',
        subject: 'priya',
        relation: 'owns',
        object: 'billing',
        evidence: ['slack:C0:1', 'slack:C1:7'],
      },
    ];
    const restated = item({
      evidence: ['slack:C1:7'],
      people: ['priya'],
      components: ['billing'],
      relation: 'owns',
    });
    const result = scoreKind('facts', [], [restated], roster, elsewhere);
    expect(result.score).toBe(1);
    expect(result.counts).toEqual({ matched: 0, predicted: 0, expected: 0 });
    expect(scoreKind('facts', [], [restated], roster).counts).toEqual({
      matched: 0,
      predicted: 1,
      expected: 0,
    });
  });

  it('scores a conversation with nothing to find and nothing found as 1, and anything found there as 0', () => {
    expect(scoreKind('decisions', [], [], roster).score).toBe(1);
    expect(scoreKind('decisions', [], [item({ evidence: ['slack:C1:3'] })], roster).score).toBe(0);
  });
});

describe('scoreAsk', () => {
  it('rewards abstaining exactly when the truth is unknown', () => {
    expect(scoreAsk({ unknown: true }, { answer: "I don't know", unknown: true }).score).toBe(1);
    expect(scoreAsk({ unknown: true }, { answer: 'Marco', unknown: false }).score).toBe(0);
    expect(
      scoreAsk({ unknown: false, answer_contains: ['Marco'] }, { answer: "I don't know", unknown: true })
        .score,
    ).toBe(0);
  });
  it('needs what the answer must contain and none of what it must not', () => {
    expect(
      scoreAsk(
        { unknown: false, answer_contains: ['Marco'], answer_excludes: ['Priya'] },
        { answer: 'Marco Rossi owns billing', unknown: false },
      ).score,
    ).toBe(1);
    expect(
      scoreAsk(
        { unknown: false, answer_contains: ['Marco'], answer_excludes: ['Priya'] },
        { answer: 'Marco, before that Priya', unknown: false },
      ).score,
    ).toBe(0);
  });
});

describe('the annotate seam', () => {
  const message = (id: string, author: string, text: string, thread: string | null = null) => ({
    ref: `slack:D05X:${id}`,
    source: 'slack',
    workspace: 'slack',
    channel: 'D05X',
    id,
    author,
    authorName: author,
    text,
    ts: '2026-11-10T09:00:00Z',
    thread,
    replyTo: null,
  });
  const conversation: EvalConversation = {
    id: 'dm/handover',
    channel: 'slack:D05X',
    messages: [
      message('1.1', 'slack:U04PN', 'Marco takes over billing from Monday'),
      message('1.2', 'slack:U05MR', 'ok, on it', 'slack:D05X:1.1'),
    ],
  };

  it('turns a dataset conversation into the stage input: native ids, person keys of its source, components as entities', () => {
    const input = toAnnotateInput(conversation, {
      people: [{ id: 'priya', name: 'Priya Nair', identities: ['email:p@x', 'slack:U04PN'] }],
      components: [{ id: 'billing', names: ['billing', 'billing svc'] }],
      timezone: 'Europe/Berlin',
    });
    expect(input.messages.map((m) => [m.id, m.thread])).toEqual([
      ['1.1', null],
      ['1.2', '1.1'],
    ]);
    expect(input.people).toEqual([{ key: 'slack:U04PN', name: 'Priya Nair', aliases: ['Priya', 'priya'] }]);
    expect(input.entities).toEqual([
      { id: 'billing', name: 'billing', kind: 'component', aliases: ['billing svc'] },
    ]);
    expect(input.ref).toEqual({ source: 'slack', workspace: 'slack', channel: 'D05X' });
    expect(input.dm).toBe(true);
  });

  it('maps the stage output back to truth refs, people and components', () => {
    const output = {
      facts: [
        {
          id: 'f',
          subject: 'slack:U05MR',
          relation: 'owns',
          object: 'billing',
          validFrom: '2026-11-16',
          hedged: false,
          evidence: ['1.1'],
          confidence: 0.9,
        },
      ],
      decisions: [],
      actionItems: [],
      questions: [],
    } as unknown as AnnotateOutput;
    const [fact] = predictedItems('facts', output, roster, conversation);
    expect(fact).toMatchObject({
      evidence: ['slack:D05X:1.1'],
      people: ['marco'],
      components: ['billing'],
      relation: 'owns',
    });
  });
});
