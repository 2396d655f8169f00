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
        { text: 'pls cheking the logs 👍 @yun https://x.io v4.2.1' },
        { dm: true },
        bits,
      ).copy();
      expect(Math.max(...indices)).toBeLessThan(1 << bits);
      expect(Math.min(...indices)).toBeGreaterThanOrEqual(0);
    }
  });

  it('keeps the n-grams of a long unit at the weight of a short one, and lets its words weigh a little more', () => {
    // Flags, context and clause openings have value 1 here; the n-gram block has unit length, and the
    // 2n + 1 word features (unigrams, bigrams, the end mark) of n tokens have (2n + 1)^-0.35 each.
    const blocks = (text: string) =>
      Array.from(actFeatures({ text }, {}, 16).copy().values)
        .filter((v) => v < 1)
        .reduce((sum, v) => sum + v * v, 0);
    expect(blocks('ship it')).toBeCloseTo(1 + 5 ** 0.3, 5);
    expect(blocks('ship it now please, before the freeze starts on friday at noon')).toBeCloseTo(
      1 + 25 ** 0.3,
      5,
    );
  });

  it('gives a later clause its own opening features', () => {
    const plain = sorted(actFeatures({ text: "fine by me I'll update the quotes" }, {}, 16));
    const clause = sorted(actFeatures({ text: "fine by me, I'll update the quotes" }, {}, 16));
    expect(clause.length).toBe(plain.length + 2);
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
    const a = sorted(actFeatures({ text: 'ping @yun about invoice 88213' }, {}, 16));
    const b = sorted(actFeatures({ text: 'ping @leila about invoice 17' }, {}, 16));
    expect(a).toEqual(b);
  });
});

describe('actTokens', () => {
  it('stands in for the leading name and for capitalised words after the first', () => {
    expect(actTokens('Leila, Marco owns Billing since Monday, not NASA', 'Leila')).toEqual([
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

  it('lower-cases words and stands in for numbers by kind, mentions and links', () => {
    expect(actTokens('Ill send @Yun the v2 deck: https://x.io/d 3pm ✅ :+1: ok?')).toEqual([
      "i'll",
      'send',
      '<mention>',
      'the',
      '<version>',
      'deck',
      '<url>',
      '<time>',
      '✅',
      '👍',
      'ok',
      '?',
    ]);
    expect(actTokens('$40/month + €0.01/msg, 5% off from Nov 1 at 16:00, OPS-2291 and #3310, 12k')).toEqual([
      '<money>',
      'month',
      '<money>',
      'msg',
      '<pct>',
      'off',
      'from',
      'nov',
      '<num>',
      'at',
      '<time>',
      '<ticket>',
      'and',
      '<ticket>',
      '<money>',
    ]);
  });

  it('reads Slack emoji codes as the emoji they stand for, without variation selectors or skin tones', () => {
    expect(actTokens('in the tab :white_check_mark: ✔️ :heavy_check_mark: 👍🏽 :thumbsup: :rocket:')).toEqual([
      'in',
      'the',
      'tab',
      '✅',
      '✅',
      '✅',
      '👍',
      '👍',
      '🚀',
    ]);
  });

  it("keeps a capitalised I'll after a comma a word, not a name", () => {
    expect(actTokens("fine by me, I'll update the quotes")).toEqual([
      'fine',
      'by',
      'me',
      "i'll",
      'update',
      'the',
      'quotes',
    ]);
  });

  it('marks the tokens that open a clause after punctuation', () => {
    const clauses: number[] = [];
    actTokens("ok from our side, but legal needs it — I'll chase (today)", undefined, clauses);
    expect(clauses).toEqual([4, 8, 10]);
  });
});
