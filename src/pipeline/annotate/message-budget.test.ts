import { describe, expect, it } from 'vitest';
import { MESSAGE_WORK_BUDGET, readConversation, UNIT_WORK, unitsWithinBudget } from './annotate-context.js';
import { annotateHeuristically } from './heuristic-annotate.js';
import { conversation } from './testing/conversation-builder.js';
import { splitUnits } from './units/split-units.js';

const sentence = (i: number): string => `Step ${i + 1} of the billing rollout is done.`;
const long = Array.from({ length: 30 }, (_, i) => sentence(i)).join(' ');
const lines: Array<[string, string]> = [
  ['dana', long],
  ['priya', 'Priya owns billing now'],
  ['bot', 'build 42 passed'],
];

/** The work the first `n` units of `text` count. */
function workOf(text: string, n: number): number {
  return splitUnits(text)
    .slice(0, n)
    .reduce((sum, unit) => sum + UNIT_WORK + (unit.skip ? 0 : unit.text.length), 0);
}

describe('the per-message work budget (issue 16)', () => {
  it('reads every ordinary message whole, and marks none partial', () => {
    const context = readConversation(conversation(lines));
    expect(context.messages.map((read) => read.partial ?? false)).toEqual([false, false, false]);
    expect(context.messages[0].units.length).toBe(30);
    expect(annotateHeuristically(conversation(lines))).not.toHaveProperty('partialMessages');
  });

  it('keeps a message of a thousand sentences whole under the default budget', () => {
    const thousand = Array.from({ length: 999 }, (_, i) => sentence(i)).join(' ');
    expect(workOf(thousand, 1000)).toBeLessThan(MESSAGE_WORK_BUDGET);
    const context = readConversation(conversation([['dana', thousand]]));
    expect(context.messages[0].partial).toBeUndefined();
    expect(context.messages[0].units.length).toBe(999);
  });

  it('keeps only the units within the budget, marks the message partial and counts it', () => {
    const budget = workOf(long, 5) + 1;
    const context = readConversation(conversation(lines), null, undefined, { workBudget: budget });
    expect(context.messages.map((read) => read.partial ?? false)).toEqual([true, false, false]);
    expect(context.messages[0].units.map((unit) => unit.unit.text)).toEqual(
      Array.from({ length: 5 }, (_, i) => sentence(i)),
    );
    expect(context.messages[0].sentences).toHaveLength(5);
    const output = annotateHeuristically(conversation(lines), undefined, { workBudget: budget });
    expect(output.partialMessages).toBe(1);
    // What the other messages say is still read.
    expect(output.facts.map((fact) => fact.relation)).toContain('owns');
  });

  it('cuts at the same unit on every run: a budget one short of a unit leaves that unit out', () => {
    const units = splitUnits(long);
    expect(unitsWithinBudget(units, workOf(long, 7)).units).toHaveLength(7);
    expect(unitsWithinBudget(units, workOf(long, 7) - 1).units).toHaveLength(6);
    expect(unitsWithinBudget(units, workOf(long, 30))).toMatchObject({ partial: false });
    // Skipped units (code) count UNIT_WORK alone.
    const code = splitUnits('```\n' + 'x = 1;\n'.repeat(500) + '```\nShip it.');
    expect(unitsWithinBudget(code, 2 * UNIT_WORK + 'Ship it.'.length)).toMatchObject({ partial: false });
  });
});
