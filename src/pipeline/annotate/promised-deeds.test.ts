import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from './heuristic-annotate.js';
import { conversation, key } from './testing/conversation-builder.js';

const items = (lines: Array<[string, string]>) =>
  annotateHeuristically(conversation(lines)).actionItems.map((item) => [item.assignee, item.summary]);

describe('a dateless promise of a verb the work lexicon does not know', () => {
  it('is an item when its speaker reports something done later', () => {
    const out = annotateHeuristically(
      conversation([
        ['marco', "I'll update the rack elevation diagrams for row C after the move"],
        ['priya', 'thx, the customer keeps asking'],
        ['marco', 'updated in netbox ✅'],
      ]),
    );
    expect(out.actionItems.map((item) => [item.assignee, item.summary])).toEqual([
      [key('marco'), "I'll update the rack elevation diagrams for row C after the move"],
    ]);
    expect(out.completions.map((done) => done.itemId)).toEqual([out.actionItems[0].id]);
  });

  it('is no item alone, nor when someone else reports something done', () => {
    expect(items([['marco', "I'll tidy the lift notice so it's ready to go"]])).toEqual([]);
    expect(
      items([
        ['marco', "I'll tidy the lift notice so it's ready to go"],
        ['lena', 'sample sent ✅'],
      ]),
    ).toEqual([]);
  });

  it('is never a promise of no work ("I\'ll be there", "I\'ll ping him", "I will a bit")', () => {
    for (const text of ["I'll be there at 6", "I'll ping him", "I won't forget (well, I will a bit)"])
      expect(
        items([
          ['marco', text],
          ['marco', 'done ✅'],
        ]),
        text,
      ).toEqual([]);
  });
});

describe('a dateless "I\'ll update X"', () => {
  it('is an item; "I\'ll update you" is not', () => {
    expect(items([['lena', "ok, I'll update the intake checklist"]])).toEqual([
      [key('lena'), "I'll update the intake checklist"],
    ]);
    expect(items([['lena', "I'll update you once I hear back"]])).toEqual([]);
    expect(items([['lena', "noted. I'll brief the night shift"]])).toEqual([
      [key('lena'), "I'll brief the night shift"],
    ]);
  });
});
