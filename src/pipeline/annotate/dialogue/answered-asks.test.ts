import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from '../heuristic-annotate.js';
import { conversation, key } from '../testing/conversation-builder.js';

const decisions = (lines: Array<[string, string]>) =>
  annotateHeuristically(conversation(lines)).decisions.map((d) => ({
    summary: d.summary,
    evidence: d.evidence,
    decidedBy: d.decidedBy,
  }));

describe('decisions made by choosing one of two', () => {
  it('takes the alternative the answer opens with, citing the question and the answer', () => {
    expect(
      decisions([
        ['lena', 'should we launch on Monday or wait for the audit?'],
        ['dana', 'wait for the audit, no rush'],
      ]),
    ).toEqual([
      {
        summary: 'launch on Monday or wait for the audit? → wait for the audit',
        evidence: ['m1', 'm2'],
        decidedBy: [key('dana'), key('lena')],
      },
    ]);
  });

  it("decides nothing when the answer names neither, or when the choice is not the team's", () => {
    expect(
      decisions([
        ['lena', 'should we launch on Monday or wait for the audit?'],
        ['dana', 'no idea tbh'],
      ]),
    ).toEqual([]);
    expect(
      decisions([
        ['lena', 'is the bug in the API or the UI?'],
        ['dana', 'the API'],
      ]),
    ).toEqual([]);
  });
});

describe('decisions made by granting leave', () => {
  it('makes "can I …?" answered "approved" or "go ahead" a decision', () => {
    expect(
      decisions([
        ['marco', 'can I bump the contractor budget to 12k for December?'],
        ['dana', 'approved'],
      ]),
    ).toEqual([
      expect.objectContaining({
        summary: 'bump the contractor budget to 12k for December',
        evidence: ['m1', 'm2'],
      }),
    ]);
    expect(
      decisions([
        ['marco', '@Dana Whitfield ok if we move the launch to the 14th?'],
        ['dana', 'yes go ahead'],
      ]),
    ).toHaveLength(1);
  });

  it('states the decision without the question mark of the question it answers', () => {
    expect(
      decisions([
        ['marco', 'should we move standup to 9:30?'],
        ['dana', 'yes, from Monday'],
      ]).map((decision) => decision.summary),
    ).toEqual(['move standup to 9:30']);
  });

  it('does not take a bare "sure", a hedge, or the asker\'s own reply as approval', () => {
    expect(
      decisions([
        ['marco', 'can I grab the meeting room at 3?'],
        ['dana', 'sure'],
      ]),
    ).toEqual([]);
    expect(
      decisions([
        ['marco', 'can I bump the contractor budget to 12k?'],
        ['marco', 'approved by finance already btw'],
      ]),
    ).toEqual([]);
  });
});

describe('a decision said as settled', () => {
  it('reads "that\'s settled then" as a decision and "nothing is settled yet" as none', () => {
    expect(
      decisions([['priya', "ok so that's settled then - the beta opens to all EU customers on the 1st"]]),
    ).toHaveLength(1);
    expect(decisions([['priya', 'nothing is settled yet, still waiting on legal']])).toEqual([]);
  });
});

describe('choices settled by the one who asked, and plans confirmed', () => {
  it('takes the pick the asker makes after hearing the team, citing the question and the pick', () => {
    expect(
      decisions([
        ['dana', 'boil-water notice for Elm: lift it today or wait for the 2nd clean sample?'],
        ['lena', 'first sample was clean, 2nd comes back tomorrow 10am'],
        ['priya', 'state guidance says 2 consecutive clean'],
        ['dana', 'we wait. lift tomorrow if the 2nd is clean'],
      ]),
    ).toEqual([
      {
        summary:
          'boil-water notice for Elm: lift it today or wait for the 2nd clean sample? → wait for the 2nd clean sample',
        evidence: ['m1', 'm4'],
        decidedBy: [key('dana')],
      },
    ]);
  });

  it('reads "are we X?" answered yes by the one asked as a decision, past talk on another topic', () => {
    expect(
      decisions([
        ['priya', '@dana are we applying for the sovereign tech fund grant this round?'],
        ['marco', 'can someone look at the failing nightly? red since saturday'],
        ['dana', "@priya yes, deadline's the 30th. let's talk thu"],
      ]),
    ).toEqual([
      {
        summary: "we're applying for the sovereign tech fund grant this round: yes, deadline's the 30th.",
        evidence: ['m1', 'm3'],
        decidedBy: [key('dana'), key('priya')],
      },
    ]);
  });

  it('reads no decision in "are we still on", "are we doing anything about it", "should we" or a hedged yes', () => {
    for (const [ask, reply] of [
      ['@dana are we still on for the demo friday?', 'yes'],
      ['are we doing anything about the late webhooks?', 'yes: one dead endpoint clogged the queue'],
      ['@dana should we move the offsite to march?', 'yes I think so'],
      ['@dana are we renewing the print contract this year?', 'yeah probably, need to check the budget'],
    ])
      expect(
        decisions([
          ['priya', ask],
          ['dana', reply],
        ]),
        ask,
      ).toEqual([]);
  });

  it('reads "alright, going with X" as the choice made', () => {
    expect(
      decisions([
        ['dana', "for the inventory system it's VetSupply Pro vs Cubex"],
        ['marco', 'cubex is cheaper per seat'],
        ['dana', 'alright, going with VetSupply Pro. marco can you kick off the contract?'],
      ]).map((d) => d.summary),
    ).toEqual(['going with VetSupply Pro.']);
  });
});

describe('choices put to someone, picked flat after the talk, and plans called off', () => {
  it('reads "@dana sleeve or chest?" answered "sleeve." as the choice, said by the answer', () => {
    expect(
      decisions([
        ['priya', '@dana the sponsor wants their logo on sleeve or chest, what do I tell them?'],
        ['dana', 'sleeve. chest stays for the main partner'],
      ]).map((d) => d.summary),
    ).toEqual(['the sponsor wants their logo on sleeve or chest, what do I tell them? → sleeve']);
  });

  it('takes the last flat pick after the opinions, not an opinion', () => {
    expect(
      decisions([
        ['marco', 'open qualifier: Kaiz or Nox on support?'],
        ['lena', 'Nox scrims better vs dive comps'],
        ['sam', 'Kaiz has the tournament experience though'],
        ['dana', 'Nox starts, Kaiz is sub. marco tell them today'],
      ]),
    ).toEqual([
      {
        summary: 'open qualifier: Kaiz or Nox on support? → Nox on support',
        evidence: ['m1', 'm4'],
        decidedBy: [key('dana'), key('marco')],
      },
    ]);
  });

  it('takes the side the settling message names, not the first opinion', () => {
    expect(
      decisions([
        ['marco', 'Lindenstr facade: zinc or fibre cement?'],
        ['priya', 'zinc looks nicer but lead time is 14 wks'],
        ['dana', 'ok fibre cement it is.'],
      ]).map((d) => d.summary),
    ).toEqual(['fibre cement it is.']);
  });

  it('reads no choice in a question of fact or of who', () => {
    for (const lines of [
      [
        ['lena', 'Sam, is the German string table final or are more changes coming?'],
        ['sam', 'final, locked it yesterday'],
      ],
      [
        ['priya', 'Lena, the mouse protocol renewal — you or me?'],
        ['lena', "me, I'll submit it Thursday"],
      ],
      [
        ['marco', "@lena what's our reserve threshold for auto claims now, 25k or 30k?"],
        ['lena', '30k since october'],
      ],
    ] as Array<Array<[string, string]>>)
      expect(decisions(lines), lines[0][1]).toEqual([]);
  });

  it('reads "still on?" answered "no, calling it off" or "postponing to january" as a decision', () => {
    expect(
      decisions([
        ['marco', '@dana are we still doing the 500L collab with Hopfenwerk?'],
        ['dana', "no, calling it off. their timeline doesn't work"],
      ]).map((d) => d.summary),
    ).toEqual([
      "are we still doing the 500L collab with Hopfenwerk? → no, calling it off. their timeline doesn't work",
    ]);
    expect(
      decisions([
        ['lena', 'dana, Katowice bootcamp still on for the 20th?'],
        ['dana', "postponing to january. the visa won't come through in time"],
      ]).map((d) => d.evidence),
    ).toEqual([['m1', 'm2']]);
    expect(
      decisions([
        ['lena', 'dana, Katowice bootcamp still on for the 20th?'],
        ['dana', 'yes!'],
      ]),
    ).toEqual([]);
  });

  it('reads "ok to bump X?" answered "✅ yes go" as approved', () => {
    expect(
      decisions([
        ['priya', '@dana ok to bump the match challenge goal from 25k to 40k?'],
        ['dana', '✅ yes go'],
      ]).map((d) => d.summary),
    ).toEqual(['bump the match challenge goal from 25k to 40k']);
  });
});

describe('a choice settled after an answer that picked nothing', () => {
  it('takes the side the settling message names (the failed pick of the first answer is not kept)', () => {
    expect(
      decisions([
        ['priya', '@dana Monday or Tuesday for the shoot?'],
        ['dana', 'checking the studio calendar now'],
        ['lena', 'Tuesday it is then'],
      ]).map((d) => [...d.evidence].sort()),
    ).toEqual([['m1', 'm3']]);
  });
});
