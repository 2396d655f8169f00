import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from '../heuristic-annotate.js';
import { conversation } from '../testing/conversation-builder.js';
import type { AnnotateInput } from '../annotate-types.js';

type Line = [string, string];
/** "PRIYA owns component:billing" for each owns fact, with the message it cites. */
const owns = (lines: Line[], overrides: Partial<AnnotateInput> = {}): string[] =>
  annotateHeuristically(conversation(lines, overrides))
    .facts.filter((fact) => fact.relation === 'owns')
    .map((fact) => `${fact.subject.split(':U')[1]} owns ${fact.object} (${fact.evidence.join(' ')})`);

describe('who covers what, said as a list', () => {
  it('reads a named thing someone is on, not a shift on common nouns', () => {
    expect(
      owns([['lena', 'the portal is down for everyone. Sam is on Zendesk, I am on chat + calls']]),
    ).toEqual(['SAM owns component:zendesk (m1)']);
  });

  it('reads nothing from a list of shifts on common nouns alone', () => {
    expect(owns([['lena', "Sam is on the forum, I'm on phones"]])).toEqual([]);
  });
});

describe('an ownership said again in other words', () => {
  it('reads a lone catch-all ("X for anything hardware") as the one thing X already holds', () => {
    expect(
      owns([
        ['dana', 'for anyone new here: scanners → Marco, billing → Lena'],
        ['lena', 'Marco for anything hardware, me for the pricing and anything legal'],
      ]),
    ).toEqual([
      'MARCO owns component:scanners (m1)',
      'LENA owns component:billing (m1)',
      'MARCO owns component:scanners (m2)',
      'LENA owns component:pricing (m2)',
    ]);
  });

  it('keeps a catch-all as its own thing when the owner holds nothing yet, or several things', () => {
    expect(owns([['lena', 'Marco for anything hardware, me for the pricing']])).toEqual([
      'MARCO owns component:hardware (m1)',
      'LENA owns component:pricing (m1)',
    ]);
    expect(
      owns([
        ['dana', 'scanners → Marco'],
        ['sam', 'and the label printers are Marco’s area too'],
        ['lena', 'Marco for anything hardware, me for the pricing'],
      ]),
    ).toContain('MARCO owns component:hardware (m3)');
  });
});
