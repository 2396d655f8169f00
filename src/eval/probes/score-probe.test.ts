import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from '../../pipeline/annotate/heuristic-annotate.js';
import { conversation } from '../../pipeline/annotate/testing/conversation-builder.js';
import { scoreProbe, type ProbeCase } from './score-probe.js';

const none = { decisions: [], items: [], questions: [], ownership: [] };
const CASES: ProbeCase[] = [
  {
    id: 'asked-and-taken',
    lines: [
      ['dana', '@marco can you send the deck to the client by Friday?'],
      ['marco', 'on it'],
    ],
    expect: { ...none, items: [{ assignee: 'marco', due: '2026-11-13', done: false }] },
  },
  { id: 'small-talk', lines: [['sam', 'anyone up for ramen later?']], expect: { ...none, nothing: true } },
  {
    id: 'wrong-gold',
    lines: [['priya', 'I own the billing service']],
    expect: { ...none, ownership: [{ person: 'lena', kind: 'owns' }] },
  },
];

describe('scoreProbe', () => {
  it('counts by person and count, and says what differs', () => {
    const score = scoreProbe(
      CASES,
      CASES.map((probe) => annotateHeuristically(conversation(probe.lines))),
    );
    expect(score.casesRight).toBe(2);
    expect(score.kinds.items).toEqual({ gold: 1, found: 1, right: 1 });
    expect(score.kinds.ownership).toEqual({ gold: 1, found: 1, right: 0 });
    expect(score.misses).toEqual([
      { id: 'wrong-gold', notes: ['owns of lena missing', 'owns extra for priya (component:billing)'] },
    ]);
  });
});
