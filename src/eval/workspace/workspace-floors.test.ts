import { describe, expect, it } from 'vitest';
import type { ItemScores } from './match-items.js';
import type { AskScores } from './score-ask.js';
import type { WorkspaceScores } from './score-workspace.js';
import { floorFailures, WorkspaceFloorsSchema } from './workspace-floors.js';

const items = (precision: number, recall: number): ItemScores => ({
  gold: 10,
  predicted: 10,
  matched: Math.round(recall * 10),
  duplicates: 0,
  precision,
  recall,
  labelRight: 0,
  matches: [],
  misses: [],
  falsePositives: [],
});

const scores: WorkspaceScores = {
  decisions: items(0.9, 0.6),
  actionItems: { ...items(0.8, 0.7), statusRight: 0, statusWrong: [] },
  questionsForMe: { ...items(0.85, 0.8), answeredRight: 0 },
  ownership: items(0.6, 0.2),
  waitingAtEnd: items(0.5, 0.6),
  conversations: { vi: 0.94 } as WorkspaceScores['conversations'],
  briefs: [
    {
      date: '2026-10-23',
      found: 7,
      total: 14,
      cited: 9,
      missing: [],
      violations: [],
      sections: {
        needsMe: { found: 2, total: 4 },
        decisions: { found: 3, total: 3 },
        dueSoon: { found: 2, total: 7 },
      },
    },
  ],
};
const ask = { right: 8, total: 30, abstained: 4 } as AskScores;

describe('floorFailures', () => {
  it('passes when every floor holds and names each one that does not', () => {
    expect(floorFailures(scores, ask, { decisions: { precision: 0.85, recall: 0.55 }, askRight: 8 })).toEqual(
      [],
    );
    expect(
      floorFailures(scores, ask, {
        decisions: { recall: 0.65 },
        ownership: { precision: 0.7 },
        conversationsVI: 0.95,
        briefMustInclude: 0.6,
        askRight: 9,
        unanswerableAbstained: 5,
      }),
    ).toEqual([
      'decisions recall 60.0% is under the floor 65.0%',
      'ownership precision 60.0% is under the floor 70.0%',
      'conversations VI 94.0% is under the floor 95.0%',
      'brief must-include 50.0% is under the floor 60.0%',
      'ask 8/30 right is under the floor 9',
      'ask abstained on 4 unanswerable questions, under the floor 5',
    ]);
  });

  it('rejects a floors file with a misspelt kind', () => {
    expect(WorkspaceFloorsSchema.safeParse({ decision: { recall: 0.5 } }).success).toBe(false);
  });
});
