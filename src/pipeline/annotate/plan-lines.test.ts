import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from './heuristic-annotate.js';
import { conversation, key } from './testing/conversation-builder.js';

const run = (lines: Array<[string, string]>) => annotateHeuristically(conversation(lines));
const assignees = (lines: Array<[string, string]>) =>
  run(lines).actionItems.map((item) => [item.assignee, item.summary, item.due]);

describe('plan steps under a heading', () => {
  it('gives each "Name verbs …" clause of an inline plan its own item with its own due date', () => {
    expect(assignees([['dana', 'Next steps: Priya drafts the RFC, Marco reviews it by Monday.']])).toEqual([
      [key('priya'), 'Priya drafts the RFC', null],
      [key('marco'), 'Marco reviews it by Monday', '2026-11-16'],
    ]);
  });

  it('reads list items under a heading line, and holds no ownership fact for them', () => {
    const out = run([['dana', 'follow-ups from the call:\n- Lena sends the recap\n- Sam updates the CRM']]);
    expect(out.actionItems.map((item) => item.assignee)).toEqual([key('lena'), key('sam')]);
    expect(out.facts).toEqual([]);
  });

  it('leaves the same clauses alone without a heading, and clauses that name nobody known', () => {
    expect(assignees([['dana', 'Priya drafts the RFC, Marco reviews it by Monday.']])).toEqual([]);
    expect(assignees([['dana', 'Next steps: legal reviews the contract, finance signs it']])).toEqual([]);
  });
});

describe('work given by name', () => {
  it('makes "assigning X to Lena" and "X is assigned to Lena" items for Lena', () => {
    expect(assignees([['dana', 'assigning the GDPR export ticket to Lena, due the 20th']])).toEqual([
      [key('lena'), expect.stringContaining('GDPR export'), '2026-11-20'],
    ]);
    expect(run([['dana', 'the GDPR export ticket is assigned to Lena']]).actionItems[0]?.assignee).toBe(
      key('lena'),
    );
  });

  it('does not give work the speaker assigned to themselves to anyone else', () => {
    expect(assignees([['dana', 'assigned the GDPR export ticket to me']])).toEqual([]);
  });

  it('reads a reminder of something due as asking the person reminded', () => {
    expect(assignees([['dana', 'Reminder @Priya Nair the security questionnaire is due Wednesday']])).toEqual(
      [[key('priya'), expect.stringContaining('security questionnaire'), '2026-11-11']],
    );
    expect(assignees([['dana', 'reminder @Priya Nair that the office is closed Friday']])).toEqual([]);
  });
});
