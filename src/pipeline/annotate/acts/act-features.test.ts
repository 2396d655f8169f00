import { describe, expect, it } from 'vitest';
import { actFeatures, FeatureBuffer } from './act-features.js';
import { actTokens } from './act-tokens.js';

const sorted = (buffer: FeatureBuffer) => Array.from(buffer.toArray()).sort((a, b) => a - b);

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
      const features = actFeatures({ text: 'pls cheking the logs 👍 @wen https://x.io v4.2.1' }, { dm: true }, bits);
      expect(Math.max(...features.toArray())).toBeLessThan(1 << bits);
      expect(Math.min(...features.toArray())).toBeGreaterThanOrEqual(0);
    }
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
  it('lower-cases words and stands in for numbers, mentions and links', () => {
    expect(actTokens('Ill send @Wen the v2 deck: https://x.io/d 3pm ✅ :+1: ok?')).toEqual([
      "i'll", 'send', '<mention>', 'the', 'v2', 'deck', '<url>', '<num>', '✅', ':+1:', 'ok', '?',
    ]);
  });
});
