import { describe, expect, it } from 'vitest';
import { clusteringScores } from './clustering.js';
import { matchLists, setScores } from './list.js';
import { abstentionScore, groundingShare, jsonSchemaValid } from './structure.js';
import { containsShare, exactScore, fuzzyScore } from './text.js';

describe('text scorers', () => {
  it('matches exactly after case, punctuation and spacing', () => {
    expect(exactScore('Move billing to Postgres.', 'move billing  to postgres')).toBe(1);
    expect(exactScore('Move billing to Postgres', 'Move billing to MySQL')).toBe(0);
  });
  it('scores near misses between 0 and 1, unrelated text near 0', () => {
    expect(fuzzyScore('ship the release on Friday', 'ship release Friday')).toBeGreaterThan(0.7);
    expect(fuzzyScore('Priya owns billing', 'Priya ownz billing')).toBeGreaterThan(0.8);
    expect(fuzzyScore('Priya owns billing', 'the weather is nice')).toBeLessThan(0.35);
    expect(fuzzyScore('x', '')).toBe(0);
  });
  it('counts contained substrings', () => {
    expect(containsShare('Priya Raman owns billing', ['priya', 'billing', 'marco'])).toBeCloseTo(2 / 3);
    expect(containsShare('anything', [])).toBe(1);
  });
});

describe('list scorers', () => {
  it('matches one-to-one and reports precision, recall and what was missed or extra', () => {
    const expected = [{ ev: ['m1'] }, { ev: ['m5'] }, { ev: ['m9'] }];
    const actual = [{ ev: ['m1', 'm2'] }, { ev: ['m1'] }, { ev: ['m7'] }];
    const result = matchLists(
      expected,
      actual,
      (e, a) => e.ev.some((id) => a.ev.includes(id)),
      (e, a) => -a.ev.length,
    );
    expect(result.pairs).toEqual([{ expected: expected[0], actual: actual[1] }]);
    expect(result.scores.precision).toBeCloseTo(1 / 3);
    expect(result.scores.recall).toBeCloseTo(1 / 3);
    expect(result.missed).toHaveLength(2);
    expect(result.extra).toHaveLength(2);
  });
  it('gives 1 for two empty lists and 0 recall for an empty prediction', () => {
    expect(matchLists([], [], () => true).scores.f1).toBe(1);
    expect(matchLists([1], [], () => true).scores).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(setScores(['a', 'b'], ['b', 'c']).f1).toBeCloseTo(0.5);
  });
});

describe('clustering scores', () => {
  it('scores a perfect split 1 and a merged one lower, counting dropped messages as singletons', () => {
    const gold = [
      ['a', 'b'],
      ['c', 'd'],
    ];
    expect(
      clusteringScores(gold, [
        ['b', 'a'],
        ['c', 'd'],
      ]),
    ).toEqual({ vi: 1, oneToOne: 1, exactF1: 1 });
    const merged = clusteringScores(gold, [['a', 'b', 'c', 'd']]);
    expect(merged.exactF1).toBe(0);
    expect(merged.oneToOne).toBeCloseTo(0.5);
    expect(merged.vi).toBeLessThan(1);
    const dropped = clusteringScores(gold, [['a', 'b']]);
    expect(dropped.exactF1).toBeCloseTo(2 / 3); // ab matched; c and d become singletons, which exact match leaves out
  });
});

describe('structure scorers', () => {
  const schema = {
    type: 'object',
    properties: { topic: { type: 'string' }, n: { type: 'integer' } },
    required: ['topic'],
    additionalProperties: false,
  };
  it('validates against a JSON Schema', () => {
    expect(jsonSchemaValid(schema, { topic: 'x', n: 2 }).score).toBe(1);
    const bad = jsonSchemaValid(schema, { n: 'two' });
    expect(bad.score).toBe(0);
    expect(bad.errors.length).toBeGreaterThan(0);
  });
  it('computes the grounded share and abstention', () => {
    expect(groundingShare(['priya', 'zebulon'], new Set(['priya']))).toBe(0.5);
    expect(groundingShare([], new Set())).toBe(1);
    expect(abstentionScore(true, true)).toBe(1);
    expect(abstentionScore(true, false)).toBe(0);
    expect(abstentionScore(false, true)).toBe(0);
  });
});
