import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from './heuristic-annotate.js';
import { conversation, key } from './testing/conversation-builder.js';
import { splitDeeds } from './two-deeds.js';

const dated = (part: string): boolean => /\b(?:today|wed|friday|thursday)\b/.test(part);

const items = (lines: Array<[string, string]>) =>
  annotateHeuristically(conversation(lines)).actionItems.map((item) => [
    item.assignee,
    item.summary,
    item.due,
  ]);

describe('two pieces of work in one sentence', () => {
  it('splits at "and" when a verb of work opens the second half', () => {
    expect(splitDeeds("I'll call the customer today and update the claim in TMS by wed", dated)).toEqual([
      "I'll call the customer today",
      'update the claim in TMS by wed',
    ]);
    expect(
      splitDeeds("I'll ping the policyholder, and I'll send the denial letter by friday", dated),
    ).toEqual(["I'll ping the policyholder", 'send the denial letter by friday']);
  });

  it('keeps one deed when "and" joins objects or verbs of one deed, or when no half names a day', () => {
    for (const text of [
      "I'll call the customer and the carrier today",
      "I'll update and send the deck today",
      'so go ahead and put that dvd in today',
      'check the Repositories section and then Add-On Applications today',
      "/msg me with your email and i'll send you one",
    ])
      expect(splitDeeds(text, dated), text).toEqual([text]);
  });

  it("makes an item per deed, each with its own day (or the sentence's)", () => {
    expect(
      items([['marco', "I'll call the customer about the pallets today and update the claim in TMS by wed"]]),
    ).toEqual([
      [key('marco'), "I'll call the customer about the pallets today", '2026-11-09'],
      [key('marco'), 'update the claim in TMS by wed', '2026-11-11'],
    ]);
    expect(
      items([
        ['dana', 'priya pls send the storyboard to the client today and book the review call for thursday'],
      ]),
    ).toEqual([
      [key('priya'), 'priya pls send the storyboard to the client today', '2026-11-09'],
      [key('priya'), 'book the review call for thursday', '2026-11-12'],
    ]);
  });
});

describe('a roster with a deadline said around its lines', () => {
  it('gives every line the day said under it with "by" or "target"', () => {
    const dues = (trailer: string) =>
      annotateHeuristically(
        conversation([
          ['dana', `quarterly walkthrough, split:\n1. lena — generators\n2. sam — UPS rooms\n${trailer}`],
        ]),
      ).actionItems.map((item) => item.due);
    expect(dues('findings in the sheet by friday')).toEqual(['2026-11-13', '2026-11-13']);
    expect(dues('see you at the visit next week')).toEqual([null, null]);
  });
});
