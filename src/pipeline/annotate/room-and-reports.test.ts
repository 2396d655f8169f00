import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from './heuristic-annotate.js';
import { conversation, key } from './testing/conversation-builder.js';

const run = (lines: Array<[string, string]>) => annotateHeuristically(conversation(lines));

describe('requests to the room, to several people, and reports of work done', () => {
  it('reads "who\'s free to cover X?" as work for whoever takes it', () => {
    const out = run([
      ['dana', "who's free to cover the front desk on Thursday morning?"],
      ['sam', 'I can'],
    ]);
    expect(out.actionItems.map((item) => item.assignee)).toEqual([key('sam')]);
    expect(
      run([
        ['dana', "who's free for lunch today?"],
        ['sam', 'me'],
      ]).actionItems,
    ).toEqual([]);
  });

  it('reads a lone 👀 after "can someone look at X?" as taking it', () => {
    const out = run([
      ['dana', 'can someone look at the broken staging login?'],
      ['marco', '👀'],
    ]);
    expect(out.actionItems.map((item) => item.assignee)).toEqual([key('marco')]);
    expect(
      run([
        ['dana', 'the staging login page has a new logo'],
        ['marco', '👀'],
      ]).actionItems,
    ).toEqual([]);
  });

  it('gives each of two people asked for "your slides" an item, and closes the one sent', () => {
    const out = run([
      ['dana', '@priya @lena need your budget notes by Monday for the review'],
      ['lena', 'sent'],
    ]);
    expect(out.actionItems.map((item) => item.assignee)).toEqual([key('priya'), key('lena')]);
    expect(out.completions.map((completion) => completion.by)).toEqual([key('lena')]);
  });

  it('gives each of the people named together before a request an item ("Sam, Lena: please …")', () => {
    const assignees = (text: string) => run([['dana', text]]).actionItems.map((item) => item.assignee);
    expect(assignees('Sam, Lena: please sync on the launch checklist and send me a summary by EOD')).toEqual([
      key('sam'),
      key('lena'),
    ]);
    expect(assignees('Priya and Marco - can you pair on the flaky login test tomorrow?')).toEqual([
      key('priya'),
      key('marco'),
    ]);
    // A word that is nobody's name makes no joint address.
    expect(assignees('Sam and the interns: please tidy the test fixtures')).toEqual([]);
  });

  it('reads "checked, all good" as doing the "double check" asked for', () => {
    const out = run([
      ['sam', 'can you double check the shipping rates, Priya?'],
      ['priya', 'checked, all good'],
    ]);
    expect(out.completions.map((completion) => completion.by)).toEqual([key('priya')]);
  });

  it('reads "… so Sam will handle X" as work for Sam', () => {
    const items = run([['marco', 'Lena is away on Friday so Sam will handle the vendor call']]).actionItems;
    expect(items.map((item) => item.assignee)).toEqual([key('sam')]);
  });
});

describe('decisions taken back and suggested', () => {
  it('reads "changing plans: we won\'t X after all" as a decision taking one back', () => {
    const decisions = run([
      ['dana', 'we decided to move the support tooling to the new vendor in January'],
      ['dana', "Changing plans: we won't move the support tooling this winter after all"],
    ]).decisions;
    expect(decisions).toHaveLength(2);
    expect(decisions[1]?.reverses).toBe(decisions[0]?.id);
  });

  it('drops "I\'d suggest we" from an agreed suggestion', () => {
    const decisions = run([
      ['sam', "I'd suggest we hold the retro on Thursdays from now on"],
      ['marco', 'works for me'],
    ]).decisions;
    expect(decisions.map((decision) => decision.summary)).toEqual([
      'hold the retro on Thursdays from now on',
    ]);
  });
});

describe('what waits on a person without a question mark', () => {
  it('reads "Waiting on @dana\'s sign-off before I can …" as blocked on Dana', () => {
    const asked = run([['sam', "Waiting on @dana's sign-off before I can order the new laptops"]]).questions;
    expect(asked.map((question) => [question.kind, question.addressees])).toEqual([
      ['blocker', [key('dana')]],
    ]);
  });

  it('reads "Dana — need a yes/no on X by Thursday" as a call asked of Dana', () => {
    const asked = run([
      ['lena', 'Dana — need a yes/no on the booth at the trade fair by Thursday'],
    ]).questions;
    expect(asked.map((question) => [question.kind, question.addressees])).toEqual([
      ['approval', [key('dana')]],
    ]);
  });
});

describe('requests with "you" left out, and deliverables owned', () => {
  it('reads "@sam can cover X?" and "@lena mind double-checking X?" as requests to them', () => {
    const covered = run([
      ['priya', "I'm off tomorrow, @sam can cover the support rota?"],
      ['sam', 'yep'],
    ]).actionItems;
    expect(covered.map((item) => item.assignee)).toEqual([key('sam')]);
    const checked = run([
      ['marco', '@lena mind double-checking the pricing sheet before Thursday?'],
    ]).actionItems;
    expect(checked.map((item) => [item.assignee, item.due])).toEqual([[key('lena'), '2026-11-12']]);
    expect(run([['priya', '@sam can the build wait until Monday?']]).actionItems).toEqual([]);
    // Put to a group, "can one of you …" stays a question to its members.
    expect(run([['priya', '@lena can one of you cover the stand on Friday?']]).questions).toHaveLength(1);
  });

  it('reads "Sam owns the release notes" as owning them, and "the notes are mine" as nothing', () => {
    const owned = (text: string) => run([['dana', text]]).facts.map((fact) => [fact.subject, fact.object]);
    expect(owned('Sam owns the release notes going forward')).toEqual([
      [key('sam'), 'component:release-notes'],
    ]);
    expect(owned('Sam owns the notes')).toEqual([]);
  });
});

describe('asks by name without a comma', () => {
  it('gives "sam write the ADR by fri" and "Mosaic. sam order 20kg today pls" to Sam, with their days', () => {
    const out = (text: string) =>
      annotateHeuristically(conversation([['dana', text]])).actionItems.map((item) => [
        item.assignee,
        item.due,
      ]);
    expect(out('going with Feast. sam write the ADR by fri')).toEqual([[key('sam'), '2026-11-13']]);
    expect(out('Mosaic. sam order 20kg today pls')).toEqual([[key('sam'), '2026-11-09']]);
  });
});
