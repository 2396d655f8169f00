import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from './heuristic-annotate.js';
import { conversation, key } from './testing/conversation-builder.js';

const run = (lines: Array<[string, string]>) => annotateHeuristically(conversation(lines));

describe('who answered a question put to someone', () => {
  it('counts a flat answer from someone else, right after, as answered for them', () => {
    const [question] = run([
      ['dana', '@priya is build 904 on the beta track yet?'],
      ['lena', 'yes, installed it this morning'],
    ]).questions;
    expect(question.answered).toEqual(expect.objectContaining({ by: key('lena') }));
  });

  it('does not count "no idea" from someone else, or the one asked asking something else', () => {
    expect(
      run([
        ['marco', '@sam is the big meeting room booked for thursday?'],
        ['priya', 'no idea, ask facilities'],
      ]).questions[0].answered,
    ).toBeNull();
    expect(
      run([
        ['dana', "@marco what's the error rate on the new release so far?"],
        ['lena', 'the new banner is live btw'],
        ['marco', 'also did anyone see my headphones'],
        ['lena', 'nope'],
      ]).questions[0].answered,
    ).toBeNull();
  });
});

describe('a due day bargained', () => {
  it('moves the item to the day the one asked offered and the one who asked agreed to', () => {
    const [item] = run([
      ['dana', 'marco I need the quarterly numbers by wed'],
      ['marco', 'wed is tight, thursday morning?'],
      ['dana', 'ok thursday morning'],
    ]).actionItems;
    expect(item).toEqual(
      expect.objectContaining({ assignee: key('marco'), due: '2026-11-12', evidence: ['m1', 'm2', 'm3'] }),
    );
  });

  it('keeps the day asked for when the one who asked does not agree', () => {
    const [item] = run([
      ['dana', 'marco I need the quarterly numbers by wed'],
      ['marco', 'wed is tight, thursday morning?'],
      ['dana', 'no, the board meets thursday, I need it wed'],
    ]).actionItems;
    expect(item.due).toBe('2026-11-11');
  });
});

describe('a way picked after the options', () => {
  it('reads "ok we do it in the office" as the decision', () => {
    expect(
      run([
        ['sam', 'the venue cancelled. the hotel wants 900, or we do it here in the office'],
        ['dana', 'ok we do it in the office. not paying 900 for one evening'],
      ]).decisions.map((d) => d.evidence),
    ).toEqual([['m2']]);
  });
});

describe("leave asked for one's own work", () => {
  it('is no work for the one asked: "@dana … ok to merge before the freeze?"', () => {
    const out = run([
      ['marco', '@dana the PR doubles the cache size and halves our bill. ok to merge before the freeze?'],
      ['dana', '👍 ship it'],
    ]);
    expect(out.actionItems.filter((item) => item.assignee === key('dana'))).toEqual([]);
  });
});

describe('work taken on in other words', () => {
  it('reads "I take X" / "I fix it" (a promise in the present) as the speaker\'s work, not "I take the bus"', () => {
    const assignees = (lines: Array<[string, string]>) => run(lines).actionItems.map((item) => item.assignee);
    expect(
      assignees([
        ['dana', "follow-ups from the outage, let's split them"],
        ['marco', 'I take the alert on queue lag.'],
        ['marco', 'alert is live already btw'],
      ]),
    ).toEqual([key('marco')]);
    expect(assignees([['marco', 'I take the bus to work, so I can be late']])).toEqual([]);
    expect(assignees([['marco', 'I handle the store page, send those requests to me']])).toEqual([]);
  });

  it("reads an offer put as a question, taken up, as the offerer's work", () => {
    expect(
      run([
        ['sam', 'i could do the customer-facing timeline for the postmortem?'],
        ['dana', 'yes sam, and have priya review it before it goes out'],
      ]).actionItems.map((item) => item.assignee),
    ).toContain(key('sam'));
  });

  it('reads "priya + sam: go through X by friday" as asks of both', () => {
    expect(
      run([
        ['dana', 'priya + sam: go through the open support threads and tag the real bugs. by friday'],
        ['sam', 'ok!'],
      ])
        .actionItems.map((item) => item.assignee)
        .sort(),
    ).toEqual([key('priya'), key('sam')].sort());
  });
});

describe('work taken over by someone else', () => {
  it("is the taker's, not the first one asked, once the one who asked agrees", () => {
    expect(
      run([
        ['dana', 'sam pls call the depot about the late buses complaint'],
        ['priya', 'I know their ops manager pretty well, I can take that one'],
        ['dana', 'ok priya takes it then'],
      ]).actionItems.map((item) => item.assignee),
    ).toEqual([key('priya')]);
  });

  it('stays with the one asked while nobody agrees to the offer', () => {
    expect(
      run([
        ['dana', 'sam pls call the depot about the late buses complaint'],
        ['priya', 'I can take that one'],
        ['dana', 'no, sam knows the history'],
      ])
        .actionItems.map((item) => item.assignee)
        .sort(),
    ).toEqual([key('priya'), key('sam')].sort());
  });
});
