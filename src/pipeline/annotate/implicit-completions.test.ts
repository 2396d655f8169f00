import { describe, expect, it } from 'vitest';
import type { AnnotatePerson, OpenItem } from './annotate-types.js';
import { annotateHeuristically } from './heuristic-annotate.js';
import { conversation, key, TEAM } from './testing/conversation-builder.js';

const items = (lines: Array<[string, string]>, overrides = {}) =>
  annotateHeuristically(conversation(lines, overrides));

const open = (assignee: string, summary: string, extra: Partial<OpenItem> = {}): OpenItem => ({
  itemId: 'item-1',
  conversationId: 'conv-0',
  channel: 'slack:T1:CENG',
  assignee: key(assignee),
  summary,
  at: '2026-11-08T10:00:00Z',
  ...extra,
});

const doneIds = (out: ReturnType<typeof items>): string[] => out.completions.map((c) => c.itemId);

describe('completions said without a completion word', () => {
  it('reads the past form of the promised verb as done: "will test it" … "Tested the import"', () => {
    const out = items([['priya', 'Tested the import with 300 rows, two of them rejected as expected']], {
      openItems: [open('priya', 'will test it on Monday')],
    });
    expect(doneIds(out)).toEqual(['item-1']);
  });

  it('reads irregular and -e verbs: "I\'ll stage the export" … "export staged", "I\'ll write it up" … "wrote it up"', () => {
    expect(
      doneIds(
        items([['marco', 'export staged: 40 files, waiting on your sign-off']], {
          openItems: [open('marco', "I'll stage the export tonight")],
        }),
      ),
    ).toEqual(['item-1']);
    expect(
      doneIds(
        items([['lena', 'wrote up the migration notes, they are in the wiki']], {
          openItems: [open('lena', "I'll write up the migration notes")],
        }),
      ),
    ).toEqual(['item-1']);
  });

  it('does not read a past form in a plan or a question as done', () => {
    const planned = items([['priya', 'once it is tested I will tell you']], {
      openItems: [open('priya', 'will test it on Monday')],
    });
    expect(doneIds(planned)).toEqual([]);
    const asked = items([['priya', 'has anyone tested the import yet?']], {
      openItems: [open('priya', 'will test it on Monday')],
    });
    expect(doneIds(asked)).toEqual([]);
  });

  it('reads "Confirmed, …" as keeping a promise to confirm', () => {
    const out = items([['sam', 'Confirmed, the cache was cold after the release. Warm-up added.']], {
      openItems: [open('sam', 'Will confirm tomorrow.')],
    });
    expect(doneIds(out)).toEqual(['item-1']);
  });
});

describe('a bare "sent ✅" later in the same channel', () => {
  it("completes the speaker's one open item from that channel", () => {
    const out = items([['dana', 'sent ✅ short version: yes from me']], {
      channel: 'slack:T1:DDANA',
      dm: true,
      openItems: [open('dana', 'can you send me your notes by Thursday?', { channel: 'slack:T1:DDANA' })],
    });
    expect(doneIds(out)).toEqual(['item-1']);
  });

  it('leaves an item from another channel, or one of two from this channel, open', () => {
    const elsewhere = items([['dana', 'done ✅']], {
      openItems: [open('dana', 'could you pull the churn numbers?', { channel: 'slack:T1:COPS' })],
    });
    expect(doneIds(elsewhere)).toEqual([]);
    const two = items([['dana', 'sent ✅']], {
      openItems: [
        open('dana', 'could you pull the churn numbers?'),
        open('dana', 'can you draft the invite?', { itemId: 'item-2' }),
      ],
    });
    expect(doneIds(two)).toEqual([]);
  });

  it('leaves an item older than a week open', () => {
    const out = items([['dana', 'done ✅']], {
      openItems: [open('dana', 'could you pull the churn numbers?', { at: '2026-10-20T10:00:00Z' })],
    });
    expect(doneIds(out)).toEqual([]);
  });
});

describe('a completion that asks for a check', () => {
  it('reads "fixed, can you check?" as done', () => {
    const out = items([
      ['marco', 'the export drops the last row'],
      ['priya', 'looking into it, fixing it now'],
      ['priya', 'fixed, can you check?'],
    ]);
    expect(out.actionItems).toHaveLength(1);
    expect(doneIds(out)).toEqual([out.actionItems[0].id]);
  });

  it('still reads "done? can you check" as a question', () => {
    const out = items([
      ['marco', 'the export drops the last row'],
      ['priya', 'looking into it, fixing it now'],
      ['priya', 'is it done? can you check?'],
    ]);
    expect(doneIds(out)).toEqual([]);
  });
});

describe('promises to pass something on, in more words', () => {
  it('is done when "I\'ll take it to Dana" is followed by a message put to Dana', () => {
    const out = items([['sam', 'Dana: the vendor wants a credit for the outage, your call']], {
      openItems: [open('sam', "I'll take it to Dana today, we'll want a credit")],
    });
    expect(doneIds(out)).toEqual(['item-1']);
  });

  it('is done when "telling Lena" is followed by a message to Lena', () => {
    const out = items([['sam', '@Lena Vogel the sync is stable again, we added the retry']], {
      openItems: [open('sam', '🙌 telling Lena')],
    });
    expect(doneIds(out)).toEqual(['item-1']);
  });

  it('follows the speaker to another source: the same human under another key', () => {
    const people: AnnotatePerson[] = [
      ...TEAM,
      { key: 'discord:g:sam', name: 'Sam Park', aliases: ['sam.p'] },
      { key: 'discord:g:lena', name: 'Lena Vogel', aliases: ['lenav'] },
    ];
    const input = conversation([['sam', '@Lena Vogel the sync is stable again, we added the retry']], {
      channel: 'discord:g:support',
      ref: { source: 'discord', workspace: 'g', channel: 'support' },
      people,
      openItems: [open('sam', "I'll tell Lena")],
    });
    for (const message of input.messages) message.author = 'discord:g:sam';
    expect(doneIds(annotateHeuristically(input))).toEqual(['item-1']);
  });
});

describe('promises to come back', () => {
  it('is kept by the next substantive message from the promiser in that channel', () => {
    const out = items(
      [['lena', 'Our lawyers accept the shorter retention. The updated contract is out for signature.']],
      { openItems: [open('lena', "Got it, I'll come back to you Monday.")] },
    );
    expect(doneIds(out)).toEqual(['item-1']);
  });

  it('is not kept by a short aside or a question', () => {
    for (const text of ['thanks!', 'any news from legal on your side?'])
      expect(
        doneIds(
          items([['lena', text]], { openItems: [open('lena', "Got it, I'll get back to you Monday.")] }),
        ),
      ).toEqual([]);
  });
});

describe('more ways of saying it is done', () => {
  it('reads an approval as the review asked for', () => {
    const out = items([
      ['marco', 'retry PR is up, @Priya Nair can you review?'],
      ['priya', 'on it'],
      ['priya', 'approved, nice tests. ship it'],
    ]);
    expect(out.actionItems).toHaveLength(1);
    expect(doneIds(out)).toEqual([out.actionItems[0].id]);
  });

  it('reads "went out" as done', () => {
    const out = items([['lena', 'heads up: our offer went out to the candidate this morning 🎉']], {
      openItems: [open('lena', "sure, I'll send them the offer on Monday")],
    });
    expect(doneIds(out)).toEqual(['item-1']);
  });

  it('closes the same work promised twice with one "done" that names it', () => {
    const out = items([['dana', 'correction sent to all 5 trial customers ✅']], {
      openItems: [
        open('dana', "I'll send the trial customers a correction"),
        open('dana', "I'm sending a corrected note to all trial customers today", { itemId: 'item-2' }),
      ],
    });
    expect(doneIds(out).sort()).toEqual(['item-1', 'item-2']);
  });
});

describe('relays said in passing', () => {
  it('takes "🙌 telling Lena" as a promise, kept by "thanks Lena, …" to her', () => {
    const out = items([
      ['dana', 'can someone let Lena know the sync is fixed?'],
      ['sam', '🙌 telling Lena'],
      ['sam', 'thanks Lena, the sync is stable again, we added the retry'],
    ]);
    const relay = out.actionItems.find((item) => item.assignee === key('sam'));
    expect(relay).toBeDefined();
    expect(doneIds(out)).toContain(relay?.id);
  });

  it('does not make "let us know if it still happens" work for the reader', () => {
    const out = items([
      ['sam', '@Lena Vogel the sync should be stable now. let us know if it still happens'],
    ]);
    expect(out.actionItems).toEqual([]);
  });
});

describe('what is not a completion', () => {
  it('does not read "our office is closed Friday" as work done', () => {
    const out = items(
      [['lena', 'FYI our office is closed Fri Nov 13 (holiday), so the window is Thu or Mon']],
      {
        openItems: [open('lena', "I'll send the office details closer to the date")],
      },
    );
    expect(doneIds(out)).toEqual([]);
    const shut = items([['lena', 'closed the office ticket, all sorted']], {
      openItems: [open('lena', 'I will close the office ticket today')],
    });
    expect(doneIds(shut)).toEqual(['item-1']);
  });
});
