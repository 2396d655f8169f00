import { describe, expect, it } from 'vitest';
import { actFeatures, FeatureBuffer } from './act-features.js';
import { actTokens } from './act-tokens.js';

const sorted = (buffer: FeatureBuffer) => {
  const { indices, values } = buffer.copy();
  return Array.from(indices, (index, k) => `${index}:${values[k].toFixed(6)}`).sort();
};

describe('actFeatures', () => {
  it('gives the same features for the same unit and context, whatever buffer is reused', () => {
    const unit = { text: 'Marco, could you check the logs by 5?', leadingName: 'Marco', index: 0 };
    const shared = new FeatureBuffer();
    actFeatures({ text: 'something else entirely, and much longer than the first one' }, {}, 16, shared);
    const first = sorted(actFeatures(unit, { reply: true }, 16, shared));
    const second = sorted(actFeatures(unit, { reply: true }, 16));
    expect(first).toEqual(second);
    expect(first.length).toBeGreaterThan(20);
  });

  it('keeps every index inside the hash space', () => {
    for (const bits of [10, 15, 18]) {
      const { indices } = actFeatures(
        { text: 'pls cheking the logs 👍 @wen https://x.io v4.2.1' },
        { dm: true },
        bits,
      ).copy();
      expect(Math.max(...indices)).toBeLessThan(1 << bits);
      expect(Math.min(...indices)).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives the words and n-grams of a long unit as much weight in all as those of a short one', () => {
    // Flags and context features have value 1; the word block and the n-gram block each have unit length.
    const blocks = (text: string) =>
      Array.from(actFeatures({ text }, {}, 16).copy().values)
        .filter((v) => v < 1)
        .reduce((sum, v) => sum + v * v, 0);
    expect(blocks('ship it')).toBeCloseTo(2, 5);
    expect(blocks('ship it now please, before the freeze starts on friday at noon')).toBeCloseTo(2, 5);
  });

  it('changes with the context act and the unit marks', () => {
    const unit = { text: 'ok' };
    const plain = sorted(actFeatures(unit, {}, 16));
    expect(sorted(actFeatures(unit, { replyToAct: 'proposal' }, 16))).not.toEqual(plain);
    expect(sorted(actFeatures(unit, { previousAct: 'request' }, 16))).not.toEqual(plain);
    expect(sorted(actFeatures({ ...unit, quoted: true }, {}, 16))).not.toEqual(plain);
    expect(sorted(actFeatures({ ...unit, listIndex: 0 }, {}, 16))).not.toEqual(plain);
  });

  it('does not depend on the name or number written', () => {
    const a = sorted(actFeatures({ text: 'ping @wen about invoice 88213' }, {}, 16));
    const b = sorted(actFeatures({ text: 'ping @zara about invoice 17' }, {}, 16));
    expect(a).toEqual(b);
  });
});

describe('actTokens', () => {
  it('stands in for the leading name and for capitalised words after the first', () => {
    expect(actTokens('Zara, Marco owns Billing since Monday, not NASA', 'Zara')).toEqual([
      '<name>',
      '<cap>',
      'owns',
      '<cap>',
      'since',
      'monday',
      'not',
      'nasa',
    ]);
  });

  it('lower-cases words and stands in for numbers, mentions and links', () => {
    expect(actTokens('Ill send @Wen the v2 deck: https://x.io/d 3pm ✅ :+1: ok?')).toEqual([
      "i'll",
      'send',
      '<mention>',
      'the',
      'v2',
      'deck',
      '<url>',
      '<num>',
      '✅',
      ':+1:',
      'ok',
      '?',
    ]);
  });
});
