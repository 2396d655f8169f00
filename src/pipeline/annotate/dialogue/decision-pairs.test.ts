import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from '../heuristic-annotate.js';
import { conversation, key } from '../testing/conversation-builder.js';

const decisions = (lines: Array<[string, string]>, overrides = {}) =>
  annotateHeuristically(conversation(lines, overrides)).decisions;

describe('decisions by agreement', () => {
  it('a proposal accepted by someone else in the next message is a decision citing both', () => {
    const out = decisions([
      ['marco', 'proposal: refund all twelve accounts and give the biggest one a month of credit'],
      ['dana', 'approved, both.'],
    ]);
    expect(out).toHaveLength(1);
    expect(out[0].evidence).toEqual(expect.arrayContaining(['m1', 'm2']));
    expect(out[0].decidedBy).toEqual(expect.arrayContaining([key('dana'), key('marco')]));
  });

  it('a statement put to the room for agreement, accepted, is a decision; a mention written with an "(Org)" is still a mention', () => {
    const out = decisions([
      ['sam', 'the week of Nov 9 works for engineering. @Lena Vogel (Acme) ok with you?'],
      ['lena', 'yes, go ahead.'],
    ]);
    expect(out).toHaveLength(1);
    expect(out[0].evidence).toEqual(expect.arrayContaining(['m1', 'm2']));
  });

  it('a choice question ("should the app show …?", "go/no-go") answered yes is a decision', () => {
    expect(
      decisions([
        ['priya', 'question: for student riders, should the app show a badge on the ticket screen?'],
        ['dana', 'yes please. blue, like the paper passes'],
      ]),
    ).toHaveLength(1);
    expect(
      decisions([
        ['lena', 'go/no-go for the release: tests green, notes written, support briefed'],
        ['dana', 'go ✅'],
      ]),
    ).toHaveLength(1);
  });

  it('"but let\'s wait until …" accepted is a decision', () => {
    expect(
      decisions([
        ['sam', 'could we co-host a webinar once the beta ships?'],
        ['dana', "agreed in principle! but let's wait until the beta has been out a month."],
        ['sam', 'makes total sense.'],
      ]),
    ).toEqual([expect.objectContaining({ evidence: expect.arrayContaining(['m2', 'm3']) })]);
  });

  it('no decision from a question of fact, a hedged reply, or a proposal only its author likes', () => {
    expect(
      decisions([
        ['sam', 'should the nightly job still be running at 9?'],
        ['lena', 'yes'],
      ]),
    ).toEqual([]);
    expect(
      decisions([
        ['sam', 'how about we move the standup to 10?'],
        ['lena', 'maybe, not sure yet'],
      ]),
    ).toEqual([]);
    expect(
      decisions([
        ['sam', 'how about we move the standup to 10?'],
        ['sam', 'sounds good to me'],
      ]),
    ).toEqual([]);
  });

  it('meeting notes: each "decided:" line is its own decision', () => {
    const out = decisions([
      [
        'marco',
        'retro notes\ndecided: per-tenant rate limits in the gateway go live by Nov 12\ndecided: incidents longer than an hour get a written review within 2 days\ndecided: price imports that move totals by 15% wait for sign-off',
      ],
    ]);
    expect(out).toHaveLength(3);
  });
});
