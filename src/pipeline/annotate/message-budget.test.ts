import { describe, expect, it } from 'vitest';
import { PARTIAL_UNITS, readConversation } from './annotate-context.js';
import { annotateHeuristically } from './heuristic-annotate.js';
import { conversation } from './testing/conversation-builder.js';

const long = Array.from({ length: 30 }, (_, i) => `Step ${i + 1} of the billing rollout is done.`).join(' ');
const lines: Array<[string, string]> = [
  ['dana', long],
  ['priya', 'Priya owns billing now'],
  ['bot', 'build 42 passed'],
];

/** A clock that moves `step` ms each time it is read. */
function ticking(step: number): () => number {
  let at = 0;
  return () => (at += step);
}

describe('the per-message time budget (issue 16)', () => {
  it('reads every message whole within the budget, and marks none partial', () => {
    const context = readConversation(conversation(lines), null, undefined, { now: ticking(1) });
    expect(context.messages.map((read) => read.partial ?? false)).toEqual([false, false, false]);
    expect(context.messages[0].units.length).toBeGreaterThan(PARTIAL_UNITS);
    expect(annotateHeuristically(conversation(lines), undefined, { now: ticking(1) })).not.toHaveProperty(
      'partialMessages',
    );
  });

  it('keeps only the first units of a message past its budget, marks it partial and counts it', () => {
    const context = readConversation(conversation(lines), null, undefined, {
      budgetMs: 50,
      now: ticking(60),
    });
    expect(context.messages.map((read) => read.partial ?? false)).toEqual([true, true, false]);
    expect(context.messages[0].units.length).toBeLessThanOrEqual(PARTIAL_UNITS);
    expect(context.messages[0].sentences.length).toBeLessThanOrEqual(PARTIAL_UNITS);
    const output = annotateHeuristically(conversation(lines), undefined, { budgetMs: 50, now: ticking(60) });
    expect(output.partialMessages).toBe(2);
    // What the first units say is still read.
    expect(output.facts.map((fact) => fact.relation)).toContain('owns');
  });
});
