import { describe, expect, it } from 'vitest';
import * as cues from './lexicon/cues.js';
import { FACT_PATTERNS } from './lexicon/fact-patterns.js';
import { OWNERSHIP_FRAMES } from './facts/ownership-frames.js';
import { LiteralGate } from './literal-gate.js';
import { foldForGate, mayMatch } from './regex-gate.js';

const lexiconPatterns: RegExp[] = [
  ...Object.values(cues).flatMap((value) =>
    Array.isArray(value) ? value.filter((p) => p instanceof RegExp) : value instanceof RegExp ? [value] : [],
  ),
  ...FACT_PATTERNS.map((fact) => fact.pattern),
  ...OWNERSHIP_FRAMES.map((frame) => frame.pattern),
];

/** Texts that hold lexicon literals, nested, overlapping, at the edges, in other cases, or none. */
const TEXTS = [
  '',
  'done',
  'DONE!',
  'we decided to go with the blue one',
  'decidedecided',
  "i'll take it",
  'ok, on it — deploying the fix now',
  'Kofi owns the billing service',
  'the indexer belongs to Kofi',
  'who owns the partner API?',
  'lemme check and get back to you by friday',
  'ſhipped it ✅',
  'can you review the PR please',
  'let’s go with option b, agreed?',
  'nothing to see here',
  'ping ask talk to route → ask Dana',
  'is on is on call this week',
  'x'.repeat(500),
];

describe('LiteralGate', () => {
  it('answers as mayMatch does for every lexicon pattern', () => {
    const gate = new LiteralGate(lexiconPatterns);
    let ruledOut = 0;
    for (const base of TEXTS)
      for (const text of [base, base.toUpperCase(), `say ${base} again`]) {
        gate.scan(text);
        const folded = foldForGate(text);
        for (const pattern of lexiconPatterns) {
          const expected = mayMatch(pattern, folded);
          if (gate.mayMatch(pattern) !== expected)
            throw new Error(`${String(pattern)} on ${JSON.stringify(text)}: expected ${expected}`);
          if (!expected) ruledOut++;
        }
      }
    // Not a vacuous check: most patterns are ruled out on most texts, and some are let through.
    expect(ruledOut).toBeGreaterThan(TEXTS.length * lexiconPatterns.length);
    gate.scan('we decided');
    expect(gate.mayMatch(cues.DECISION_CUES[0])).toBe(true);
  });

  it('finds nested and overlapping literals', () => {
    const [abcd, bc, cde, xyz, any] = [/abcd/, /bc/, /cde/, /\bxyz\b/, /[a-z]+/];
    const second = new LiteralGate([abcd, bc, cde, xyz, any]);
    second.scan('zabcdez');
    expect([abcd, bc, cde, xyz, any].map((p) => second.mayMatch(p))).toEqual([true, true, true, false, true]);
    second.scan('abcx');
    expect([abcd, bc, cde, xyz, any].map((p) => second.mayMatch(p))).toEqual([
      false,
      true,
      false,
      false,
      true,
    ]);
  });

  it('tests a list as `some` does', () => {
    const patterns = [/\bdone\b/i, /\bshipped\b/i];
    const gate = new LiteralGate(patterns);
    for (const text of ['Shipped it', 'nearly there', 'done.'])
      expect(gate.scan(text).testsAny(patterns, text)).toBe(patterns.some((p) => p.test(text)));
  });
});
