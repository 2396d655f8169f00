import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from './heuristic-annotate.js';
import { conversation, key } from './testing/conversation-builder.js';

const decisions = (lines: Array<[string, string]>) => annotateHeuristically(conversation(lines)).decisions;

describe('a change of owner, announced, is a decision', () => {
  it('records an announced handover once, citing the message that tells it', () => {
    const out = decisions([
      [
        'dana',
        'team update: Marco is taking over billing from Lena starting Monday the 16th. Lena moves to search.',
      ],
      ['sam', 'so from monday, billing questions → Marco. got it'],
    ]);
    expect(out).toEqual([
      expect.objectContaining({
        summary: 'Marco is taking over billing from Lena starting Monday the 16th. Lena moves to search.',
        about: ['component:billing'],
        decidedBy: [key('dana')],
        evidence: ['m1'],
      }),
    ]);
  });

  it('reads a start said ahead ("from the 16th Marco owns …") as a handover', () => {
    expect(decisions([['dana', 'heads-up: from the 16th Marco owns the billing service']])).toEqual([
      expect.objectContaining({ evidence: ['m1'], decidedBy: [key('dana')] }),
    ]);
  });

  it('makes no decision of who owns what now, of a handover already done, or of a question', () => {
    expect(decisions([['dana', 'Marco owns billing']])).toEqual([]);
    expect(
      decisions([['marco', 'yes, I took over billing from Lena this week. sorry about the delay']]),
    ).toEqual([]);
    expect(decisions([['dana', 'is Marco taking over billing from Monday?']])).toEqual([]);
  });
});
