import { describe, expect, it } from 'vitest';
import {
  conversationsFromLinks,
  exactMatch,
  linkScores,
  oneToOne,
  scaledVariationOfInformation,
  scoreLinks,
  type Link,
} from './metrics.js';

const link = (source: string, target: string): Link => ({ source, target });

describe('linkScores', () => {
  it('counts matching (source, target) pairs, self links included', () => {
    const gold = [
      link('b', 'a'),
      link('c', 'b'),
      link('a', 'a'),
      link('d', 'd'),
      link('e', 'e'),
      link('f', 'e'),
    ];
    const predicted = [
      link('b', 'a'),
      link('c', 'c'),
      link('a', 'a'),
      link('d', 'c'),
      link('e', 'e'),
      link('f', 'e'),
    ];
    const scores = linkScores(gold, predicted);
    expect(scores.precision).toBeCloseTo(4 / 6);
    expect(scores.recall).toBeCloseTo(4 / 6);
    expect(scores.f1).toBeCloseTo(4 / 6);
  });

  it('scores a message with two gold antecedents as two gold links', () => {
    const scores = linkScores([link('c', 'a'), link('c', 'b')], [link('c', 'b')]);
    expect(scores.precision).toBe(1);
    expect(scores.recall).toBe(0.5);
  });
});

describe('conversationsFromLinks', () => {
  it('joins scored messages through an unscored context message and leaves the context out', () => {
    const links = [link('1000', '995'), link('1001', '995'), link('1002', '1002'), link('1003', '1002')];
    const conversations = conversationsFromLinks(links, (id) => Number(id) >= 1000);
    expect(conversations.map((c) => [...c].sort())).toEqual([
      ['1000', '1001'],
      ['1002', '1003'],
    ]);
  });
});

describe('clustering scores', () => {
  it('gives 1 − VI/log2 n = 0.5 and one-to-one 0.5 when two pairs are merged into one conversation', () => {
    const gold = [
      ['a', 'b'],
      ['c', 'd'],
    ];
    const predicted = [['a', 'b', 'c', 'd']];
    // VI = H(gold | predicted) + H(predicted | gold) = 1 + 0 bits; log2 4 = 2.
    expect(scaledVariationOfInformation(gold, predicted)).toBeCloseTo(0.5);
    expect(oneToOne(gold, predicted)).toBeCloseTo(0.5);
    expect(exactMatch(gold, predicted)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('matches a hand-computed example with a split, a merge and an exact conversation', () => {
    const gold = [['a', 'b', 'c'], ['d'], ['e', 'f']];
    const predicted = [
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ];
    // H(gold, predicted) = 2/3·log2 3 + 1/3·log2 6, H(gold) = 1/2 + 1/6·log2 6 + 1/3·log2 3, H(predicted) = log2 3,
    // so VI = 2·H(g, p) − H(g) − H(p) = (log2 3) / 2.
    expect(scaledVariationOfInformation(gold, predicted)).toBeCloseTo(1 - Math.log2(3) / 2 / Math.log2(6));
    // Best pairing: abc↔ab (2), d↔cd (1), ef↔ef (2).
    expect(oneToOne(gold, predicted)).toBeCloseTo(5 / 6);
    // Single-message gold conversations are left out: 1 of 2 gold, 1 of 3 predicted.
    const exact = exactMatch(gold, predicted);
    expect(exact.precision).toBeCloseTo(1 / 3);
    expect(exact.recall).toBeCloseTo(1 / 2);
    expect(exact.f1).toBeCloseTo(0.4);
  });

  it('finds the best one-to-one pairing where taking the largest overlap first would not', () => {
    const gold = [
      ['a', 'b', 'c', 'd', 'e'],
      ['f', 'g'],
    ];
    const predicted = [
      ['a', 'b', 'c', 'f', 'g'],
      ['d', 'e'],
    ];
    // Greedy takes abc (3) and then nothing; the optimum pairs de (2) and fg (2).
    expect(oneToOne(gold, predicted)).toBeCloseTo(4 / 7);
  });

  it('scores a perfect prediction as 1 everywhere', () => {
    const gold = [link('b', 'a'), link('a', 'a'), link('c', 'c')];
    const scores = scoreLinks(gold, gold, () => true);
    expect(scores).toMatchObject({ vi: 1, oneToOne: 1, messages: 3 });
    expect(scores.link.f1).toBe(1);
    expect(scores.conversation.f1).toBe(1);
  });

  it('refuses predictions over different messages than the gold', () => {
    expect(() => oneToOne([['a']], [['b']])).toThrow();
  });
});
