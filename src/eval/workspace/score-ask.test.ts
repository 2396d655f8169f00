import { describe, expect, it } from 'vitest';
import { scoreAsk } from './score-ask.js';
import { WorkspaceTruthSchema } from './workspace-truth.js';

const truth = WorkspaceTruthSchema.parse({
  schema_version: 1,
  me: 'kai',
  period: ['2026-10-12', '2026-10-23'],
  people: [
    { id: 'kai', name: 'Kai Berg', is_me: true },
    { id: 'ines', name: 'Inés Duarte', aka: ['Nes'] },
  ],
  ask: [
    { q: 'Who should I talk to about label printing?', as_of: '2026-10-23', answer_person_id: 'ines' },
    { q: 'When does the trial begin?', as_of: '2026-10-23', answer_contains_any: ['Nov 2', '2026-11-02'] },
    {
      q: 'What is the status?',
      as_of: '2026-10-23',
      answer_items: [['198'], ['14']],
      must_not_say: ['all shipped'],
    },
    { q: 'How much per seat?', as_of: '2026-10-23', answer_unknown: true },
  ],
});

describe('scoreAsk', () => {
  it('checks the person in the answer line, spans in the answer or its citations, and abstention', () => {
    const scores = scoreAsk(truth, [
      { known: true, text: 'Ines Duarte owns label printing.', snippets: [] },
      { known: true, text: 'The trial begins on 2026-11-02.', snippets: [] },
      { known: true, text: '198 orders went out.', snippets: ['14 came back, wrong address'] },
      { known: false, text: "I don't know.", snippets: [] },
    ]);
    expect(scores.rows.map((row) => row.right)).toEqual([true, true, true, true]);
    expect(scores.answerableRight).toBe(3);
    expect(scores.abstained).toBe(1);
    // The third is right only with its citation (14 is in the cited message, not the answer line).
    expect(scores.rows.map((row) => row.rightInLine)).toEqual([true, true, false, true]);
    expect(scores.rightInLine).toBe(3);
  });

  it('fails a confident answer to an unanswerable question, a missing person, and a forbidden phrase', () => {
    const scores = scoreAsk(truth, [
      { known: true, text: 'Kai Berg owns label printing.', snippets: ['ask Inés'] },
      { known: false, text: "I don't know.", snippets: [] },
      { known: true, text: '198 and 14: all shipped', snippets: [] },
      { known: true, text: '$40 per seat', snippets: [] },
    ]);
    expect(scores.rows.map((row) => row.right)).toEqual([false, false, false, false]);
    expect(scores.rows[0].why).toContain('does not name ines');
    expect(scores.rows[3].why).toContain("I don't know");
  });
});
