import { describe, expect, it } from 'vitest';
import { foldForGate } from '../regex-gate.js';
import { OWNERSHIP_FRAMES } from './ownership-frames.js';

/** Clauses (persons already markers) that some frame with a cue matches, and ones it must not. */
const MATCHING = [
  'label printing → ask ⟦0⟧',
  'payroll/benefits -> ⟦1⟧',
  'anything Gordon is upset about => ⟦0⟧.',
  'SSO ⇒ ⟦2⟧',
  'refunds ➡️ ⟦0⟧',
];

describe('ownership frames with a cue', () => {
  const cued = OWNERSHIP_FRAMES.filter((frame) => frame.cue);

  it('have one (the arrow frame), so the gate is exercised', () => {
    expect(cued.map((frame) => frame.name)).toEqual(['arrow']);
  });

  it('hold their cue in every clause their pattern matches', () => {
    for (const frame of cued)
      for (const clause of MATCHING) {
        expect(frame.pattern.test(clause)).toBe(true);
        expect(frame.cue?.test(foldForGate(clause))).toBe(true);
      }
  });

  it('rule out a clause their pattern cannot match', () => {
    for (const frame of cued) {
      const clause = 'the export job is ⟦0⟧ and billing goes to ⟦1⟧';
      expect(frame.pattern.test(clause)).toBe(false);
      expect(frame.cue?.test(foldForGate(clause))).toBe(false);
    }
  });
});
