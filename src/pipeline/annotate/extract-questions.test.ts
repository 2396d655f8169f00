import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from './heuristic-annotate.js';
import { conversation, key } from './testing/conversation-builder.js';

const questions = (lines: Array<[string, string]>, overrides = {}) =>
  annotateHeuristically(conversation(lines, overrides)).questions;

describe('questions', () => {
  it('addresses a question by @mention and marks it answered by the addressee', () => {
    const out = questions([
      ['sam', '@Priya Nair why are the dashboard totals a cent off for EU accounts?'],
      ['lena', 'no idea'],
      ['priya', 'known one, VAT rounding. on it'],
    ]);
    expect(out).toEqual([
      expect.objectContaining({
        asker: key('sam'),
        addressees: [key('priya')],
        kind: 'question',
        answered: expect.objectContaining({ messageId: 'm3', by: key('priya') }),
      }),
    ]);
  });

  it('reads "@dana X, right?" as a question to Dana, and an unaddressed "X, right?" as none', () => {
    const asked = (text: string) =>
      questions([
        ['sam', text],
        ['dana', 'yes, since this month'],
      ]).map((question) => question.addressees);
    expect(asked('@dana grant questions go to priya now, right?')).toEqual([[key('dana')]]);
    expect(asked('grant questions go to priya now, right?')).toEqual([]);
  });

  it('puts a question to the person a trailing "Name?" names, with the sentence before it', () => {
    expect(questions([['marco', 'No idea who approves the budget here. Lena Vogel?']])).toEqual([
      expect.objectContaining({
        asker: key('marco'),
        addressees: [key('lena')],
        text: 'No idea who approves the budget here. Lena Vogel?',
      }),
    ]);
    // Not the author's own name, nor a word that names nobody.
    expect(questions([['lena', 'no idea who approves it. Lena?']])).toEqual([]);
    expect(questions([['marco', 'no idea who approves it. Legal?']])).toEqual([]);
  });

  it('addresses a follow-up in a two-person exchange to the one who just replied', () => {
    const ask = (gapMinutes: number, second: [string, string] = ['priya', 'yes, you will have it today']) => {
      const input = conversation([
        ['sam', '@Priya Nair could you send me the Q1 roadmap by end of today?'],
        second,
        ['sam', 'also: can I put the depot fix in the Dec 3 newsletter, or is it too early to announce?'],
      ]);
      input.messages[2].ts = new Date(Date.parse(input.messages[1].ts) + gapMinutes * 60_000).toISOString();
      return annotateHeuristically(input).questions.find((question) => question.evidence[0] === 'm3');
    };
    expect(ask(18)?.addressees).toEqual([key('priya')]);
    // Not when the reply came from someone else, nor after an hour's pause.
    expect(ask(18, ['lena', 'I can send it if Priya is busy'])?.addressees ?? []).not.toContain(key('priya'));
    expect(ask(90)?.addressees ?? []).toEqual([]);
  });

  it("leaves a question about the addressee's own choice open when someone else replies in its thread", () => {
    const input = conversation([
      ['sam', '@Priya Nair the refund can go back as credit or as a bank transfer, which do you want?'],
      ['lena', 'credit is faster fwiw'],
    ]);
    input.messages[1].thread = 'm1';
    input.messages[0].thread = 'm1';
    expect(annotateHeuristically(input).questions).toEqual([
      expect.objectContaining({ addressees: [key('priya')], answered: null }),
    ]);
  });

  it('cites the thread a question answers when the question names nothing itself', () => {
    const input = conversation([
      ['sam', 'Northwind says 3 of the refunds bounced'],
      ['lena', '@Priya Nair credit or bank transfer, which do you want?'],
    ]);
    input.messages[1].thread = 'm1';
    expect(annotateHeuristically(input).questions).toEqual([
      expect.objectContaining({ evidence: ['m2', 'm1'] }),
    ]);
  });

  it('addresses by a leading name and in a DM; an unanswered one stays open', () => {
    expect(questions([['dana', 'Marco, any news on the VAT fix?']])[0]).toEqual(
      expect.objectContaining({ addressees: [key('marco')], answered: null }),
    );
    const dm = questions([['priya', 'did you get a chance to look at my promo packet?']], {
      dm: true,
      members: [key('priya'), key('dana')],
    });
    expect(dm[0].addressees).toEqual([key('dana')]);
  });

  it('tells approvals and blockers from questions', () => {
    expect(questions([['priya', '@Dana Whitfield can you approve my PTO for Dec 21 – Jan 2?']])[0].kind).toBe(
      'approval',
    );
    expect(
      questions([
        ['lena', '@Dana Whitfield the backfill plan is ready, I want your sign-off before I start it'],
      ])[0].kind,
    ).toBe('approval');
    expect(
      questions([['marco', '@Dana Whitfield blocked on you for the release notes until then']])[0].kind,
    ).toBe('blocker');
  });

  it('asks the room when nobody is addressed; a guess is not the answer', () => {
    const out = questions([
      ['sam', 'who owns the search indexer these days?'],
      ['marco', 'I think Priya might?'],
      ['lena', 'the indexer is mine'],
    ]);
    expect(out[0]).toEqual(
      expect.objectContaining({ addressees: [], answered: expect.objectContaining({ messageId: 'm3' }) }),
    );
  });

  it('keeps a short room question the message explains, and drops bare reactions and small talk', () => {
    const explained = questions([
      [
        'elena',
        "the customer's invoice PDF still shows their old address even after they changed it in settings. who can look?",
      ],
    ]);
    expect(explained.map((q) => q.text)).toEqual(['who can look?']);
    expect(
      questions([['kofi', 'anything the SDK needs before the beta? docs, examples, whatever helps']]),
    ).toHaveLength(1);
    expect(questions([['sam', 'why though?']])).toEqual([]);
    expect(
      questions([['sam', 'honestly that demo went better than I expected it to. is that a thing?']]),
    ).toEqual([]);
    expect(questions([['lena', 'anyone up for ramen at noon today?']])).toEqual([]);
  });

  it('ignores rhetorical and tag questions, and requests for work', () => {
    const out = questions([
      ['sam', 'can you believe it?'],
      ['lena', 'Priya is the point person for billing, right?'],
      ['dana', '@Marco Rossi can you fix the dunning template by Monday?'],
    ]);
    expect(out).toEqual([]);
  });
});
