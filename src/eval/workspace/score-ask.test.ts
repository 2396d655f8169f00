import { describe, expect, it } from 'vitest';
import { scoreAsk } from './score-ask.js';
import { WorkspaceTruthSchema } from './workspace-truth.js';

const truth = WorkspaceTruthSchema.parse({
  schema_version: 1,
  me: 'noor',
  period: ['2026-10-12', '2026-10-23'],
  people: [
    { id: 'noor', name: 'Noor Haddad', is_me: true },
    { id: 'tomas', name: 'Tomás Ferreira', aka: ['Tom'] },
  ],
  ask: [
    { q: 'Who should I ask about route feeds?', as_of: '2026-10-23', answer_person_id: 'tomas' },
    { q: 'When does the pilot start?', as_of: '2026-10-23', answer_contains_any: ['Nov 2', '2026-11-02'] },
    {
      q: 'What is the status?',
      as_of: '2026-10-23',
      answer_items: [['198'], ['14']],
      must_not_say: ['all refunded'],
    },
    { q: 'How much per terminal?', as_of: '2026-10-23', answer_unknown: true },
  ],
});

describe('scoreAsk', () => {
  it('checks the person in the answer line, spans in the answer or its citations, and abstention', () => {
    const scores = scoreAsk(truth, [
      { known: true, text: 'Tomas Ferreira owns route feeds.', snippets: [] },
      { known: true, text: 'The pilot starts on 2026-11-02.', snippets: [] },
      { known: true, text: '198 refunds went through.', snippets: ['14 bounced, dead cards'] },
      { known: false, text: "I don't know.", snippets: [] },
    ]);
    expect(scores.rows.map((row) => row.right)).toEqual([true, true, true, true]);
    expect(scores.answerableRight).toBe(3);
    expect(scores.abstained).toBe(1);
  });

  it('fails a confident answer to an unanswerable question, a missing person, and a forbidden phrase', () => {
    const scores = scoreAsk(truth, [
      { known: true, text: 'Noor Haddad owns route feeds.', snippets: ['ask Tomás'] },
      { known: false, text: "I don't know.", snippets: [] },
      { known: true, text: '198 and 14: all refunded', snippets: [] },
      { known: true, text: '$40 per terminal', snippets: [] },
    ]);
    expect(scores.rows.map((row) => row.right)).toEqual([false, false, false, false]);
    expect(scores.rows[0].why).toContain('does not name tomas');
    expect(scores.rows[3].why).toContain("I don't know");
  });
});
