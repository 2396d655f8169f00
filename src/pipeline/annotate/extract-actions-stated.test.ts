import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from './heuristic-annotate.js';
import { conversation, key } from './testing/conversation-builder.js';

const items = (lines: Array<[string, string]>, overrides = {}) =>
  annotateHeuristically(conversation(lines, overrides));

/** Work stated without "please" or "I'll": the speaker's next step, said as it happens. */
describe('action items stated sideways', () => {
  it('reads a new promise after the speaker finished their earlier item as new work, not an acknowledgement', () => {
    const out = items([
      ['dana', '@Marco Rossi can you send the spare badge set by Fri?'],
      ['lena', 'the sandbox key is ready, @Marco Rossi you can point the scanner at it'],
      ['marco', 'spare badge set went out by courier today ✅'],
      ['marco', 'thanks, will test Monday'],
    ]);
    expect(out.actionItems).toEqual([
      expect.objectContaining({ assignee: key('marco'), evidence: ['m1'] }),
      expect.objectContaining({ assignee: key('marco'), due: '2026-11-16', evidence: ['m4'] }),
    ]);
  });

  it('reads "telling <name> now" as a hand-off the speaker is doing', () => {
    const out = items([['dana', 'ok Thursday it is. launch Thu Nov 12, 9am. telling Lena now']]);
    expect(out.actionItems).toContainEqual(expect.objectContaining({ assignee: key('dana') }));
    expect(items([['dana', 'Lena is telling everyone now that it was her idea']]).actionItems).toEqual([]);
  });

  it('reads a finished step followed by a dated next step ("…, deploying it Wed") as a commitment', () => {
    const out = items([['sam', 'the pricing page is merged, deploying it Wed']]);
    expect(out.actionItems).toEqual([expect.objectContaining({ assignee: key('sam'), due: '2026-11-11' })]);
    // Finished with nothing promised after it stays a completion.
    expect(items([['sam', 'the pricing page is merged']]).actionItems).toEqual([]);
  });

  it('keeps a promise whose "if" is only the listener\'s wish ("… if you\'d like an early look")', () => {
    const out = items([['marco', "I'll post here once the new build is out if you'd like an early look"]]);
    expect(out.actionItems).toEqual([expect.objectContaining({ assignee: key('marco') })]);
    // A condition on the work itself still voids it.
    expect(items([['marco', "I'll post the build if the tests pass"]]).actionItems).toEqual([]);
  });

  it('reads a dateless "-ing" step after thanks or after a comma as work under way', () => {
    expect(items([['marco', 'thanks Lena, chasing internally']]).actionItems).toEqual([
      expect.objectContaining({ assignee: key('marco') }),
    ]);
    expect(
      items([['dana', 'the cron jobs have no owner yet, putting them on the agenda for the offsite']])
        .actionItems,
    ).toEqual([expect.objectContaining({ assignee: key('dana') })]);
    // Feelings, goings and greetings are not work.
    // Opening a message, an undated "-ing" is a status, not a promise; a relay names nobody to relay to.
    for (const text of [
      'thanks Lena, loving it',
      'thanks, looking forward to it',
      'ok, heading out',
      'skimming it on the train (maybe)',
      'installing now!',
      'adding it 👍',
      'thanks, forwarding it on',
    ])
      expect(items([['marco', text]]).actionItems).toEqual([]);
  });

  it('gives the speaker the line of their own plan that names them ("me on the call …")', () => {
    const plan = [
      'Launch plan for Thu (9am):',
      '1) @Lena Vogel final data import Wed night + checks',
      '2) @Marco Rossi billing flags on at 08:50',
      '3) me on the call with the customer from 08:45',
    ].join('\n');
    const out = items([['dana', plan]]);
    expect(out.actionItems.map((item) => item.assignee)).toEqual([key('lena'), key('marco'), key('dana')]);
    // Without a plan handing out work around it, "me on the call" is no item.
    expect(items([['dana', 'me on the call with the customer from 08:45']]).actionItems).toEqual([]);
  });

  it('counts a late "in now" as a member\'s part of a request to everyone, done', () => {
    const out = items([
      ['dana', 'everyone please add your hours to the sheet by noon tomorrow'],
      ['sam', 'done'],
      ['dana', 'Lena? 👀'],
      ['lena', 'sorry!! in now'],
    ]);
    const lena = out.actionItems.find((item) => item.assignee === key('lena'));
    expect(lena?.evidence).toEqual(['m1', 'm4']);
    expect(out.completions).toContainEqual(expect.objectContaining({ itemId: lena?.id, messageId: 'm4' }));
  });

  it('reads "Name, <do it>" as a request to that person, but not a friendly "take the morning off"', () => {
    const shipped = items([
      ['lena', 'proposal: cap webhook retries at 5 with backoff'],
      [
        'dana',
        "agreed, decision: retries are capped at 5 with Lena's backoff schedule. Lena, ship it with 2.14",
      ],
    ]);
    expect(shipped.actionItems).toEqual([
      expect.objectContaining({ assignee: key('lena'), requestedBy: key('dana'), evidence: ['m2'] }),
    ]);
    expect(items([['dana', 'Marco, take the morning off']]).actionItems).toEqual([]);
    expect(items([['dana', 'Marco, ship it with 2.14 or wait for QA?']]).actionItems).toEqual([]);
  });

  it('gives a decision\'s "…, and Name adds X" to that person', () => {
    const out = items([['dana', 'no .xlsx for now. CSV only, and Marco adds an Excel-friendly option']]);
    expect(out.actionItems).toContainEqual(
      expect.objectContaining({ assignee: key('marco'), summary: expect.stringContaining('Marco adds') }),
    );
  });

  it('does not read "mine" as taking work when it is the subject of a sentence ("mine broke …")', () => {
    expect(
      items([['lena', 'anyone got a spare phone charger? mine broke right before the standup']]).actionItems,
    ).toEqual([]);
    expect(
      items([
        ['dana', 'can someone check the export?'],
        ['marco', 'mine!'],
      ]).actionItems,
    ).toEqual([expect.objectContaining({ assignee: key('marco') })]);
  });

  it('reads an answer that dates the speaker\'s thing ("thanks, the quote goes out tomorrow") as their commitment', () => {
    const out = items([
      ['dana', '@Marco Rossi the signed order is in, you can bill them now'],
      ['marco', 'thanks, the quote goes out tomorrow'],
    ]);
    expect(out.actionItems).toContainEqual(
      expect.objectContaining({ assignee: key('marco'), evidence: ['m2'] }),
    );
    // Said in a report, "the fix goes out today" may be anyone's work.
    expect(
      items([['dana', 'status: 40 customers hit. the fix goes out today. refunds next week']]).actionItems,
    ).toEqual([]);
  });
});
