import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from './heuristic-annotate.js';
import { conversation, key } from './testing/conversation-builder.js';

const decisions = (lines: Array<[string, string]>) =>
  annotateHeuristically(conversation(lines)).decisions.map((d) => ({
    summary: d.summary,
    evidence: d.evidence,
  }));

describe('a rule set for the team is a decision', () => {
  it('reads "every/any/all X gets/needs/must …" and "nothing goes … without" as rules', () => {
    for (const text of [
      'after the outage last week: every release gets a rollback plan before it ships. no exceptions',
      'from monday: any ticket older than 30 days needs a named owner',
      'nothing goes live without a security review anymore, small changes included',
      'all contractors must sign the NDA before they get repo access',
    ])
      expect(
        decisions([
          ['dana', text],
          ['sam', 'noted'],
        ]).map((d) => d.evidence),
        text,
      ).toEqual([['m1']]);
  });

  it('does not read complaints, idioms or questions with "every"/"all" as rules', () => {
    for (const text of [
      'every time I open the laptop it hangs for a minute',
      'all good now, it was the cache',
      'does every release need a rollback plan?',
      'any ideas why the build is slow today',
    ])
      expect(
        decisions([
          ['dana', text],
          ['sam', 'hm'],
        ]),
        text,
      ).toEqual([]);
  });
});

describe('decisions reported or remembered are not decisions', () => {
  it("leaves another team's decision and an old story alone", () => {
    expect(
      decisions([
        ['lena', "fyi the vendor's billing team decided to stop sending paper invoices"],
        ['marco', 'about time'],
      ]),
    ).toEqual([]);
    expect(
      decisions([
        ['lena', 'remember when we decided to move offices in the middle of a release'],
        ['marco', 'never again'],
      ]),
    ).toEqual([]);
  });
});

describe('decisions announced in so many words', () => {
  it('reads the sentence after "ok I\'m calling it." as the decision', () => {
    expect(
      decisions([
        ['marco', 'the export still has the encoding bug, I need three more days'],
        ['dana', "ok I'm calling it. the export feature moves to 3.1, 3.0 ships without it"],
      ]),
    ).toEqual([{ summary: 'the export feature moves to 3.1, 3.0 ships without it', evidence: ['m2'] }]);
  });

  it('reads the numbered lines a recap heading announces, posted as messages of their own', () => {
    expect(
      decisions([
        ['dana', 'quick recap of the call so nobody is confused:'],
        ['dana', '1) the budget stays at 40k'],
        ['dana', '2) the kickoff moves to the 14th'],
        ['sam', 'thanks'],
      ]).map((d) => d.summary),
    ).toEqual(['the budget stays at 40k', 'the kickoff moves to the 14th']);
  });

  it('reads a meeting called off as a decision, not as work the speaker promised', () => {
    const out = annotateHeuristically(
      conversation([
        ['dana', "cancelling friday's planning session, the roadmap is not ready"],
        ['lena', 'ok'],
      ]),
    );
    expect(out.decisions.map((d) => d.evidence)).toEqual([['m1']]);
    expect(out.actionItems).toEqual([]);
  });

  it('splits "going with B. @lena can you …" into the pick and the request', () => {
    const out = annotateHeuristically(
      conversation([
        ['dana', 'going with B. @lena can you send the vendor the order by thursday?'],
        ['lena', 'yep 👍'],
      ]),
    );
    expect(out.decisions.map((d) => d.summary)).toEqual(['going with B.']);
    expect(out.actionItems.map((item) => item.assignee)).toEqual([key('lena')]);
  });
});

describe('a plan asked after and answered', () => {
  it('reads "still ok?" answered "no, move it to …" by the one asked as the plan moved', () => {
    expect(
      decisions([
        ['sam', '@dana the database upgrade is tonight at 2am, still ok?'],
        ['dana', 'no, move it to saturday. big customer demo tomorrow morning'],
      ]).map((d) => d.evidence),
    ).toEqual([['m1', 'm2']]);
  });

  it('reads another time said back ("next sprint.") to a lower-case name as the plan put off', () => {
    expect(
      decisions([
        ['lena', 'dana are we moving the api to the new gateway this sprint?'],
        ['dana', 'next sprint. too much in flight right now'],
      ]),
    ).toEqual([
      { summary: 'moving the api to the new gateway this sprint → next sprint.', evidence: ['m1', 'm2'] },
    ]);
  });

  it('passes over comments to the answer that settles it, and stops at a hedge', () => {
    expect(
      decisions([
        ['sam', 'are we doing a holiday sale on the annual plans? customers keep asking'],
        ['marco', 'last year it brought in a lot'],
        ['dana', "no sale this time. we're in the middle of a pricing test"],
      ]).map((d) => d.evidence),
    ).toEqual([['m1', 'm3']]);
    expect(
      decisions([
        ['sam', 'are we doing a holiday sale on the annual plans?'],
        ['dana', 'maybe, I think so'],
        ['marco', 'yes'],
      ]),
    ).toEqual([]);
  });

  it('decides nothing when the one who asked for a pick leaves it open', () => {
    expect(
      decisions([
        ['sam', 'release name: Falcon or Heron? vote'],
        ['marco', 'falcon for sure'],
        ['lena', 'heron, it fits the theme'],
        ['sam', 'ugh 1-1, letting it sit'],
      ]),
    ).toEqual([]);
  });
});

describe('a choice handed to someone', () => {
  it('is decided by what that person picks', () => {
    expect(
      decisions([
        ['dana', 'lena, your call on the launch banner, both drafts work for me'],
        ['lena', 'then the dark one. the light one washes out on mobile'],
        ['dana', 'done'],
      ]),
    ).toEqual([{ summary: 'the launch banner: the dark one', evidence: ['m1', 'm2'] }]);
  });

  it('is not decided by a thank-you or an acknowledgement', () => {
    expect(
      decisions([
        ['dana', '@lena the courier needs a slot for the delivery, your call on which day'],
        ['lena', 'thanks, passing it on'],
      ]),
    ).toEqual([]);
  });
});

describe('a proposal is agreed only by a reply to it', () => {
  it('is not agreed by an answer to a question asked since', () => {
    expect(
      decisions([
        ['marco', 'I propose we move the retro to thursdays, mondays are packed'],
        ['sam', 'who wants to order pizza for tonight?'],
        ['lena', 'me!'],
      ]),
    ).toEqual([]);
  });

  it('is not put forward when its author muses, and not agreed by a joke or a half "hm ok"', () => {
    for (const lines of [
      [
        ['dana', 'maybe we should open an office in lisbon? just thinking out loud'],
        ['marco', 'sure, sounds great'],
      ],
      [
        ['priya', 'we should really clean up the wiki someday'],
        ['marco', 'someday 🙃'],
      ],
      [
        ['sam', 'we could reuse the old onboarding deck'],
        ['dana', 'hm ok'],
      ],
      [
        ['sam', 'we could reuse the old onboarding deck'],
        ['dana', 'the screenshots are outdated though'],
      ],
    ] as Array<Array<[string, string]>>)
      expect(decisions(lines), lines[0][1]).toEqual([]);
  });

  it('reads a bare course asked as a question, and a "plan:" line, as proposals to agree to', () => {
    expect(
      decisions([
        ['priya', 'cap the workshop at 30 and waitlist the rest?'],
        ['dana', 'yes. 30, the rest on a waitlist'],
      ]).map((d) => d.evidence),
    ).toEqual([['m1', 'm2']]);
    expect(
      decisions([
        ['marco', 'rollout plan: 10% today, 50% tomorrow, everyone by friday'],
        ['dana', '👍'],
      ]).map((d) => d.evidence),
    ).toEqual([['m1', 'm2']]);
  });
});

describe('one decision per thing decided', () => {
  it('reads "1. We\'re going with X. That\'s final." in a numbered message as one decision', () => {
    expect(
      decisions([
        [
          'dana',
          "Two things:\n1. We're going with Porto for the offsite. That's final.\n2. @lena please book the venue by Friday.",
        ],
      ]).map((d) => d.evidence),
    ).toEqual([['m1']]);
  });

  it('cites the message that settles a choice with the answer that picked it', () => {
    expect(
      decisions([
        ['dana', '@lena for the new laptops: the 14 inch or the 16 inch model?'],
        ['lena', '14 inch, lighter to carry'],
        ['dana', '14 inch it is.'],
      ]).map((d) => [...d.evidence].sort()),
    ).toEqual([['m1', 'm2', 'm3']]);
  });
});

describe('decisions said the way leads say them', () => {
  it.each([
    ['discord: no more support questions in #general. they all go to #help', 'm1'],
    ['go with option b now. we revisit the other one in Q1', 'm1'],
    ['ok, we move to the new status page tool before the renewal', 'm1'],
    ['rule from today: a P1 at night pages the secondary after 15 min', 'm1'],
  ])('reads %j', (text, id) => {
    expect(
      decisions([
        ['dana', text],
        ['sam', 'got it'],
      ]).map((d) => d.evidence[0]),
    ).toEqual([id]);
  });

  it('reads "let\'s not — only X" as a plan turned down, and "yes ok, X then." as the pick', () => {
    expect(
      decisions([
        ['priya', 'I was going to send the summary to all twelve customers'],
        ['dana', "let's not — only the four that were affected"],
      ]).map((d) => d.evidence[0]),
    ).toEqual(['m2']);
    expect(
      decisions([
        ['lena', 'the customer asks: steel brackets or the vendor clips for the tablets?'],
        ['marco', 'steel. the clips cracked on three buses'],
        ['lena', 'yes ok, steel brackets then. I tell them'],
      ]).length,
    ).toBe(1);
  });

  it('reads "I suggest to do X" accepted as a decision', () => {
    expect(
      decisions([
        ['lena', 'for the cutover I suggest to do the DNS switch at 02:00, not midnight'],
        ['dana', 'makes sense, 02:00'],
      ]).map((d) => d.evidence),
    ).toEqual([['m1', 'm2']]);
  });

  it('leaves "no more worries" and "no more questions?" alone', () => {
    expect(
      decisions([
        ['dana', 'no more worries, it works now'],
        ['sam', 'nice'],
      ]),
    ).toEqual([]);
  });
});

describe('no decision from talk that decides nothing', () => {
  it.each([
    [
      ['sam', 'if we ever ditch our sms vendor we should go with something cheaper'],
      ['marco', 'sure, sounds good'],
    ],
    [
      ['priya', 'should we maybe move the customer webinar to wednesdays? dunno'],
      ['lena', 'no strong opinion'],
    ],
    [
      ['marco', 'at my old job we decided to rewrite the whole backend in Go. took 14 months'],
      ['sam', 'oof'],
    ],
  ] as Array<Array<[string, string]>>)('leaves %j', (...lines) => {
    expect(decisions(lines)).toEqual([]);
  });

  it('is not agreed by an aside, and is agreed by "I agree with Priya\'s proposal" after other talk', () => {
    expect(
      decisions([
        ['priya', 'I propose that we keep the old price for them until their renewal in March.'],
        ['marco', 'btw the feed had two gaps last night, looking into it'],
        ['sam', 'is that the same contact who left in july?'],
        ['priya', 'yes, the very same'],
        ['dana', "I agree with Priya's proposal. Please confirm it to them in writing."],
      ]),
    ).toEqual([
      {
        summary: 'keep the old price for them until their renewal in March.',
        evidence: ['m1', 'm5'],
      },
    ]);
  });
});
