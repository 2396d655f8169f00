import { describe, expect, it } from 'vitest';
import { matchItems } from './match-items.js';

const gold = [
  { id: 'A1', refs: ['m1', 'm2'], label: 'leila' },
  { id: 'A2', refs: ['m5'], label: 'olu' },
  { id: 'A3', refs: ['m9'], label: null },
];

describe('matchItems', () => {
  it('matches a prediction to the gold item that shares a cited message, once per gold item', () => {
    const scores = matchItems(gold, [
      { id: 'p1', refs: ['m2'], label: 'leila', text: 'investigate' },
      { id: 'p2', refs: ['m1'], label: 'leila', text: 'same item again' },
      { id: 'p3', refs: ['m7'], label: 'ravi', text: 'unlabelled' },
    ]);
    expect(scores.matched).toBe(1);
    expect(scores.duplicates).toBe(1);
    expect(scores.precision).toBeCloseTo(1 / 3);
    expect(scores.recall).toBeCloseTo(1 / 3);
    expect(scores.misses.map((miss) => miss.id)).toEqual(['A2', 'A3']);
    expect(scores.falsePositives.map((extra) => extra.id)).toEqual(['p2', 'p3']);
  });

  it('counts the label (assignee, owner) right only when it agrees', () => {
    const scores = matchItems(gold, [
      { id: 'p1', refs: ['m5'], label: 'leila', text: 'wrong person' },
      { id: 'p2', refs: ['m9'], label: null, text: 'nobody named' },
    ]);
    expect(scores.matched).toBe(2);
    expect(scores.labelRight).toBe(1);
  });
});
