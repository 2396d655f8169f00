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
