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
