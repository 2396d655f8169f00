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
