import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from './heuristic-annotate.js';
import { conversation, key } from './testing/conversation-builder.js';

const items = (lines: Array<[string, string]>, overrides = {}) =>
  annotateHeuristically(conversation(lines, overrides));

describe('action items', () => {
  it('assigns "@x can you …" to x with the due date resolved against the message time', () => {
    const out = items([
      ['dana', '@Lena Vogel can you write up the indexer options by Wed? want to decide this week'],
    ]);
    expect(out.actionItems).toEqual([
      expect.objectContaining({
        assignee: key('lena'),
        requestedBy: key('dana'),
        due: '2026-11-11',
        dueText: 'by Wed',
      }),
    ]);
  });

  it('assigns "Marco, could you …" by name and reads "EOD Friday" from another sentence', () => {
    const out = items([
      ['dana', 'Marco, could you get idempotency keys on the PSP calls? EOD Friday would be ideal'],
    ]);
    expect(out.actionItems).toEqual([expect.objectContaining({ assignee: key('marco'), due: '2026-11-13' })]);
  });

  it('assigns "I\'ll take it" to the speaker and names the task from the message before', () => {
    const out = items([
      ['sam', 'the VAT rounding on Brightwave invoices is off by a cent again'],
      ['priya', "ugh, that's the renderer. I'll take it"],
    ]);
    expect(out.actionItems).toEqual([expect.objectContaining({ assignee: key('priya'), due: null })]);
    expect(out.actionItems[0].summary).toContain('VAT rounding');
  });

  it('reads "tomorrow" and "next week" for commitments', () => {
    expect(items([['marco', "I'll get the queue worker merged by tomorrow"]]).actionItems[0]?.due).toBe(
      '2026-11-10',
    );
    expect(items([['dana', "I'll send the hackathon details next week"]]).actionItems[0]?.due).toBe(
      '2026-11-16',
    );
  });

  it('in a DM, "can you …" goes to the other member', () => {
    const out = items(
      [
        ['priya', 'can you look at my PTO doc before Friday?'],
        ['dana', 'sure'],
      ],
      { dm: true, members: [key('priya'), key('dana')] },
    );
    expect(out.actionItems).toEqual([
      expect.objectContaining({ assignee: key('dana'), due: '2026-11-13', evidence: ['m1', 'm2'] }),
    ]);
  });

  it('joins the assignee\'s acknowledgement to the request and completes it on a later "done"', () => {
    const out = items([
      ['dana', '@Priya Nair can you get a handover doc written by EOD Friday?'],
      ['priya', 'yep, on it'],
      ['sam', 'nice'],
      ['priya', 'handover doc is done, linked in the channel'],
    ]);
    expect(out.actionItems).toHaveLength(1);
    expect(out.actionItems[0].evidence).toEqual(['m1', 'm2']);
    expect(out.completions).toEqual([
      expect.objectContaining({ itemId: out.actionItems[0].id, messageId: 'm4', by: key('priya') }),
    ]);
  });

  it('completes an open item from an earlier conversation when its assignee says it shipped', () => {
    const out = items([['marco', 'shipped the retry queue worker ✅']], {
      openItems: [
        {
          itemId: 'item-1',
          assignee: key('marco'),
          summary: 'merge the retry queue worker',
          at: '2026-11-08T10:00:00Z',
        },
      ],
    });
    expect(out.completions).toEqual([expect.objectContaining({ itemId: 'item-1', messageId: 'm1' })]);
  });

  it('reads "I just need X by <day>" as a request to the person answered, taken on by their "deal"', () => {
    const thread = conversation([
      [
        'lena',
        'proposal: we freeze the billing schema Friday and move reporting to the new cluster. @Marco Rossi ok?',
      ],
      ['marco', 'works for me, I just need the migration notes by the 12th'],
      ['lena', 'deal'],
    ]);
    for (const message of thread.messages) message.thread = 'm1';
    const out = annotateHeuristically(thread);
    expect(out.actionItems).toContainEqual(
      expect.objectContaining({
        assignee: key('lena'),
        requestedBy: key('marco'),
        due: '2026-11-12',
        evidence: ['m2', 'm3'],
      }),
    );
    // A need with no day asks nothing of anyone.
    expect(items([['marco', 'I need a coffee before this call']]).actionItems).toEqual([]);
  });

  it('reads a promise without "I" ("thanks, will test Monday") and undated work verbs ("I\'ll post it in the channel")', () => {
    const dated = items([
      ['lena', 'staging has the new export endpoint now, @Marco Rossi point your client at it'],
      ['marco', 'thanks, will test Monday'],
    ]);
    expect(dated.actionItems).toContainEqual(
      expect.objectContaining({ assignee: key('marco'), due: '2026-11-16', evidence: ['m1', 'm2'] }),
    );
    expect(items([['marco', "fine by me, I'll post it in the channel"]]).actionItems).toEqual([
      expect.objectContaining({ assignee: key('marco') }),
    ]);
    const pinned = items([
      ['marco', "fine by me, I'll pin it in the channel"],
      ['lena', 'thanks'],
      ['marco', 'pinned in #support'],
    ]);
    expect(pinned.completions).toEqual([
      expect.objectContaining({ itemId: pinned.actionItems[0].id, messageId: 'm3' }),
    ]);
    // Being somewhere, knowing more, seeing promise no work.
    expect(items([['marco', 'thanks, will know more by Friday']]).actionItems).toEqual([]);
    expect(items([['marco', 'thanks, will be there Monday']]).actionItems).toEqual([]);
    expect(items([['marco', 'will see how it goes tomorrow']]).actionItems).toEqual([]);
  });

  it('gives a line of meeting notes to the person named in brackets, not a done line or a decision', () => {
    const out = items([
      [
        'sam',
        'Notes from the vendor sync:\n- Decided: we pilot in Leeds first (Dana)\n- Acme (Lena) sends the sample invoices by Fri Nov 13\n- docs: migration guide draft by Nov 20 (Marco → Sam)\n- sandbox keys rotated ✅ (Priya)\n- DPA signature (Sam), still open\n- next sync Wed',
      ],
    ]);
    expect(
      out.actionItems
        .map((item) => [item.assignee, item.due])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      [key('lena'), '2026-11-13'],
      [key('marco'), '2026-11-20'],
    ]);
  });

  it('keeps a dated promise about work already open elsewhere (the new day is news), not an undated repeat', () => {
    const open = {
      openItems: [
        {
          itemId: 'earlier',
          assignee: key('dana'),
          summary: 'check the Acme Corp invoice dispute',
          at: '2026-11-08T10:00:00Z',
        },
      ],
    };
    const dated = items([['dana', "the Acme Corp dispute is on me, you'll have an answer Thursday"]], open);
    expect(dated.actionItems).toEqual([
      expect.objectContaining({ assignee: key('dana'), due: '2026-11-12', evidence: ['m1'] }),
    ]);
    expect(items([['dana', "I'll check the Acme Corp invoice dispute"]], open).actionItems).toEqual([]);
  });

  it('makes no action item from "can you believe it", "I\'ll be there", "I will not miss ES" or "I\'ll ask Tom"', () => {
    const out = items([
      ['sam', '@Lena Vogel can you believe it? another outage'],
      ['lena', "I'll be there at 3"],
      ['marco', 'I will not miss ES.'],
      ['priya', "I'll ask Tom if we can regenerate it"],
    ]);
    expect(out.actionItems).toEqual([]);
  });

  it('reads a hand-off to someone named ("I\'ll tell Marco") as the speaker\'s item, not "I\'ll tell them"', () => {
    const out = items([
      ['sam', 'the Brightwave export failed again overnight, same timeout'],
      ['priya', "ok thanks. I'll tell Marco"],
      ['lena', "noted, I'll tell them"],
    ]);
    expect(out.actionItems).toEqual([expect.objectContaining({ assignee: key('priya') })]);
  });

  it('keeps the sentence before in a commitment that says "it", and cites the thread a bare commitment answers', () => {
    const signed = items([
      ['priya', "legal wants one more pass on the vendor contract. I'll sign it by Friday"],
    ]);
    expect(signed.actionItems[0]?.summary).toContain('vendor contract');
    const input = conversation([
      ['dana', 'Northwind wants a quote for 40 seats'],
      ['marco', 'mailing the quote Thursday'],
    ]);
    input.messages[1].thread = 'm1';
    expect(annotateHeuristically(input).actionItems).toEqual([
      expect.objectContaining({ assignee: key('marco'), evidence: ['m2', 'm1'] }),
    ]);
  });

  it('gives the same item ids on a re-run', () => {
    const lines: Array<[string, string]> = [['dana', '@Lena Vogel can you write up the options by Wed?']];
    expect(items(lines).actionItems[0].id).toBe(items(lines).actionItems[0].id);
  });

  it('gives a room request ("can someone …") to whoever takes it', () => {
    const out = items([
      ['sam', 'can someone review the invoice list PR today?'],
      ['lena', 'on it'],
    ]);
    expect(out.actionItems).toEqual([
      expect.objectContaining({
        assignee: key('lena'),
        requestedBy: key('sam'),
        evidence: ['m1', 'm2'],
        due: '2026-11-09',
      }),
    ]);
  });

  it('assigns third-person and trailing-name requests', () => {
    expect(items([['dana', 'Marco will handle the refund script tomorrow']]).actionItems[0]?.assignee).toBe(
      key('marco'),
    );
    expect(
      items([['dana', 'we need Lena to sign the backfill plan by Friday']]).actionItems[0]?.assignee,
    ).toBe(key('lena'));
    expect(items([['dana', 'can you take a look at the flaky test, Sam?']]).actionItems[0]?.assignee).toBe(
      key('sam'),
    );
    // Work split in the present tense: "Lena writes it up, I check the numbers".
    const split = items([['dana', 'ok, the memo goes out Thursday. Lena writes it up, I check the numbers']]);
    expect(split.actionItems).toContainEqual(expect.objectContaining({ assignee: key('lena') }));
    expect(items([['dana', 'Lena writes great release notes']]).actionItems).toEqual([]);
    // An acknowledgement that also hands out work.
    const acked = items([
      ['marco', '@Dana Whitfield can you get the memo out Thursday?'],
      ['dana', "👍 we'll send it Thursday. Sam writes it up, I check the numbers"],
    ]);
    expect(acked.actionItems.map((item) => item.assignee).sort()).toEqual([key('dana'), key('sam')]);
  });

  it("reads a due date in the speaker's own zone when the profile has one", () => {
    // 04:30 UTC Monday is still Sunday evening in Los Angeles: "tomorrow" is Monday there.
    const people = [
      { key: key('dana'), name: 'Dana Whitfield', timezone: 'America/Los_Angeles' },
      { key: key('lena'), name: 'Lena Vogel' },
    ];
    const input = conversation([['dana', '@Lena Vogel can you send the numbers tomorrow?']], { people });
    input.messages[0].ts = '2026-11-09T04:30:00.000Z';
    expect(annotateHeuristically(input).actionItems[0]?.due).toBe('2026-11-09');
  });

  it('completes an item when its assignee shares the deliverable, but not a PR that still waits for review', () => {
    const open = {
      openItems: [
        {
          itemId: 'doc',
          assignee: key('priya'),
          summary: 'write the billing handover doc with the runbooks',
          at: '2026-11-08T10:00:00Z',
        },
      ],
    };
    const shared = conversation(
      [['priya', 'billing handover doc for @Marco Rossi: runbooks, the cron zoo, tax API quirks']],
      open,
    );
    shared.messages[0].attachment = true;
    expect(annotateHeuristically(shared).completions).toEqual([expect.objectContaining({ itemId: 'doc' })]);
    const waiting = conversation(
      [['priya', 'the billing handover doc PR is up, it needs your review before I can merge']],
      open,
    );
    waiting.messages[0].attachment = true;
    expect(annotateHeuristically(waiting).completions).toEqual([]);
  });

  it('reads an uncontracted "I will …" as the speaker\'s commitment, and "me, I\'ll grab it" as taking a room request', () => {
    expect(items([['lena', 'I will fix the flaky checkout test']]).actionItems).toEqual([
      expect.objectContaining({ assignee: key('lena') }),
    ]);
    const taken = items([
      ['dana', 'who can pick up the flaky login test?'],
      ['sam', "me, I'll grab it"],
    ]).actionItems;
    expect(taken).toEqual([expect.objectContaining({ assignee: key('sam'), requestedBy: key('dana') })]);
  });

  it('reads work under way as a commitment: "my bad, reissuing in EUR today", not "loving the new dashboard today"', () => {
    expect(
      items([
        ['dana', '@marco the customer says they were invoiced in USD instead of EUR'],
        ['marco', 'my bad, reissuing in EUR today'],
      ]).actionItems,
    ).toEqual([expect.objectContaining({ assignee: key('marco') })]);
    expect(items([['marco', 'loving the new dashboard today']]).actionItems).toEqual([]);
    expect(items([['marco', 'thinking about the roadmap today']]).actionItems).toEqual([]);
  });

  it('puts a statement followed by a bare "anyone?" to whoever takes it, a guess before taking it on included', () => {
    const out = items([
      ['dana', "the customer can't log in since friday, the reset emails never arrive. anyone?"],
      ['sam', 'probably the spam filter again? cheking the mail logs'],
      ['sam', 'sent them the allowlist instructions'],
    ]);
    expect(out.actionItems).toEqual([
      expect.objectContaining({ assignee: key('sam'), requestedBy: key('dana') }),
    ]);
    expect(out.completions).toEqual([expect.objectContaining({ itemId: out.actionItems[0].id })]);
  });

  it('in a thread, "can you …?" with no name goes to the author it answers', () => {
    const input = conversation([
      ['marco', 'the refund batch for the twelve accounts is ready, your call on the credit'],
      ['dana', 'approved. can you run it and tell the customer yourself?'],
    ]);
    input.messages[1].thread = 'm1';
    expect(annotateHeuristically(input).actionItems).toEqual([
      expect.objectContaining({ assignee: key('marco'), requestedBy: key('dana') }),
    ]);
    const unthreaded = conversation([
      ['marco', 'the refund batch for the twelve accounts is ready'],
      ['dana', 'can you believe how long that took?'],
    ]);
    expect(annotateHeuristically(unthreaded).actionItems).toEqual([]);
  });
});
