import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from './heuristic-annotate.js';
import { conversation, key } from './testing/conversation-builder.js';

const run = (lines: Array<[string, string]>) => annotateHeuristically(conversation(lines));
const itemFor = (text: string, author = 'dana') => run([[author, text]]).actionItems[0]?.assignee ?? null;

describe('chat forms of asking someone', () => {
  it('reads a name without a comma before "can you", "any", "mind", "I need" as speaking to them', () => {
    expect(itemFor('Marco can you restart the worker?')).toBe(key('marco'));
    expect(itemFor('marco can you restart the worker pls')).toBe(key('marco'));
    expect(itemFor('Sam mind taking the Acme call on Thursday?')).toBe(key('sam'));
    expect(itemFor('Priya I need the Q3 numbers from you by Friday')).toBe(key('priya'));
    expect(run([['priya', 'dana any objection if I take Friday off?']]).questions[0]?.addressees).toEqual([
      key('dana'),
    ]);
  });

  it('puts "…, Dana?" and "Dana: your call on …" to Dana, and reads "got a sec to look at X?" as a request', () => {
    expect(run([['sam', 'wondering if we should delay the launch, Dana?']]).questions[0]?.addressees).toEqual(
      [key('dana')],
    );
    expect(run([['sam', 'is the owner still Priya?']]).questions[0]?.addressees ?? []).toEqual([]);
    const call = run([['sam', 'Dana: your call on whether we ship Friday']]).questions[0];
    expect([call?.kind, call?.addressees]).toEqual(['approval', [key('dana')]]);
    expect(itemFor('hey Dana, got a sec to look at the pricing doc?', 'sam')).toBe(key('dana'));
    // A phone call is no decision left to someone.
    expect(
      run([['sam', '@dana for the action item from your call: the vendor contact is Ruth.']]).questions,
    ).toEqual([]);
  });

  it('keeps a question open when the reply says the answer comes later', () => {
    const asked = run([
      ['marco', '@dana do we have budget for a second designer next quarter?'],
      ['dana', "I'll check with finance and get back to you"],
    ]).questions[0];
    expect(asked?.answered).toBeNull();
  });

  it('reads a request put to a name after a comma as its own, saying what "them" is', () => {
    const items = run([
      ['sam', 'stuck on the vendor keys from Initech, Dana can you nudge them?'],
    ]).actionItems;
    expect(items.map((item) => [item.assignee, item.summary])).toEqual([
      [key('dana'), 'can you nudge them? (stuck on the vendor keys from Initech)'],
    ]);
  });

  it('gives each of several people asked "can you both …" an item, and one of "@a / @b can you …" one', () => {
    const both = run([
      ['dana', '@lena @sam can you both add your holiday dates to the calendar by Wednesday?'],
    ]);
    expect(both.actionItems.map((item) => item.assignee)).toEqual([key('lena'), key('sam')]);
    expect(new Set(both.actionItems.map((item) => item.id)).size).toBe(2);
    const either = run([['dana', '@lena / @sam can you look at the flaky export test?']]);
    expect(either.actionItems).toHaveLength(1);
  });

  it('reads "could I get X by <day>?" as a request, and "consider it done" as taking the work, not finishing it', () => {
    expect(itemFor('marco, could I get the churn numbers by Thursday?')).toBe(key('marco'));
    expect(itemFor('marco, could I get a coffee?')).toBeNull();
    const taken = run([
      ['dana', 'who can own the vendor review?'],
      ['priya', 'consider it done'],
    ]);
    expect(taken.actionItems.map((item) => item.assignee)).toEqual([key('priya')]);
    expect(taken.completions).toEqual([]);
  });

  it('does not read a name followed by what they do as speaking to them', () => {
    expect(run([['dana', 'Marco can handle the restart tomorrow']]).actionItems).toEqual([]);
    expect(run([['dana', 'Lena when she is back will sort the invoices']]).questions).toEqual([]);
  });

  it('puts "quick one for Dana: …?" to Dana and asks the room "thoughts on …?"', () => {
    expect(
      run([['sam', 'quick one for Dana: are we renewing the Datadog contract?']]).questions[0]?.addressees,
    ).toEqual([key('dana')]);
    expect(run([['marco', 'thoughts on moving the retro to Thursday?']]).questions).toHaveLength(1);
  });

  it('reads "do you have time to", "if you could" as requests, "can you hold off" as none', () => {
    expect(itemFor('Marco do you have time to look at the flaky test today?')).toBe(key('marco'));
    expect(itemFor('Lena if you could send me the deck before 3 that would be great')).toBe(key('lena'));
    expect(itemFor('Marco can you hold off on the release until legal replies?')).toBeNull();
  });
});

describe('chat forms of taking work on', () => {
  it('reads "gonna …" and "lemme …" with the speaker left out as commitments', () => {
    expect(itemFor('gonna patch the cert expiry alert after lunch', 'marco')).toBe(key('marco'));
    expect(itemFor('lemme check with finance and get back to you', 'marco')).toBe(key('marco'));
    expect(itemFor('gonna be a long day', 'marco')).toBeNull();
  });

  it('reads "tmrw" as tomorrow', () => {
    expect(run([['sam', 'will do the release notes tmrw']]).actionItems[0]?.due).toBe('2026-11-10');
  });
});

describe('ownership taken over', () => {
  it('reads "I\'ve taken over X from Sam" and "I took over X last week" as the speaker owning X', () => {
    for (const text of [
      "I've taken over the partner portal from Sam",
      'I took over the partner portal last week',
    ])
      expect(run([['lena', text]]).facts).toEqual([
        expect.objectContaining({
          subject: key('lena'),
          relation: 'owns',
          object: 'component:partner-portal',
        }),
      ]);
  });
});

describe('what waits on someone', () => {
  it('puts "still waiting on Dana to approve the PR" to Dana as a blocker', () => {
    expect(run([['marco', 'still waiting on Dana to approve the PR']]).questions).toEqual([
      expect.objectContaining({ kind: 'blocker', addressees: [key('dana')] }),
    ]);
    expect(run([['marco', 'still waiting on the vendor to reply']]).questions).toEqual([]);
  });

  it('reads "@Dana pls approve the PO" as an approval asked of Dana', () => {
    expect(run([['sam', '@Dana Whitfield pls approve the PO for the new laptops']]).questions).toEqual([
      expect.objectContaining({ kind: 'approval', addressees: [key('dana')] }),
    ]);
  });
});

describe('more ways to state a decision', () => {
  it.each([
    'Consensus: keep the old pricing until Q2.',
    'Final: the offsite is in Porto.',
    'Dana signed off on the new vendor.',
  ])('reads "%s" as a decision', (text) => {
    expect(run([['marco', text]]).decisions).toHaveLength(1);
  });

  it('reads "let\'s do Thursday then" as closing a choice, but not an approval of a PR', () => {
    expect(
      run([
        ['lena', 'Tuesday or Thursday for the demo?'],
        ['dana', "OK let's do Thursday then."],
      ]).decisions,
    ).toHaveLength(1);
    expect(run([['marco', 'Dana approved my PR, merging now']]).decisions).toEqual([]);
  });
});

describe('more ways to take work on', () => {
  it.each([
    ['sam', 'I owe you the numbers by Friday', 'sam'],
    ['sam', "I'm on the hook for the board deck", 'sam'],
    ['marco', 'On my list for tomorrow: rotate the staging keys', 'marco'],
    ['dana', 'Sam will circle back with pricing next week', 'sam'],
    ['dana', "Lena's going to draft the announcement", 'lena'],
  ])('%s: "%s" is an item for %s', (author, text, assignee) => {
    expect(itemFor(text, author)).toBe(key(assignee));
  });

  it('gives a "who is doing X?" to the person a reply names, and to a volunteer', () => {
    const named = run([
      ['dana', 'who is doing the release notes?'],
      ['marco', "Priya's on it"],
    ]).actionItems;
    expect(named).toEqual([expect.objectContaining({ assignee: key('priya'), evidence: ['m1', 'm2'] })]);
    const said = run([
      ['dana', "who's looking at the failed payouts?"],
      ['marco', "Lena said she'd take it after standup"],
      ['lena', 'looking now. my first guess is a retry loop in the payout job, more by EOD'],
    ]).actionItems;
    expect(said).toEqual([expect.objectContaining({ assignee: key('lena'), evidence: ['m1', 'm2', 'm3'] })]);
  });

  it('puts "Dana - thoughts on the new logo?" to Dana', () => {
    expect(run([['lena', 'Dana - thoughts on the new logo?']]).questions[0]?.addressees).toEqual([
      key('dana'),
    ]);
  });
});

describe("a question in a thread of one's own post", () => {
  it('puts a "you" to whoever answered in the thread last', () => {
    const input = conversation([
      ['lena', 'welcome to the partner thread, agenda for Wednesday below'],
      ['marco', 'hi Lena, sending the test cards today'],
      ['lena', 'also, who signs the addendum on your side?'],
    ]);
    for (const message of input.messages.slice(1)) message.thread = 'm1';
    input.messages[0].thread = 'm1';
    expect(annotateHeuristically(input).questions[0]?.addressees).toEqual([key('marco')]);
  });
});

describe('chat spelling and counter-decisions', () => {
  it('reads "can u" as "can you"', () => {
    expect(itemFor('Lena can u send me the deck?')).toBe(key('lena'));
  });

  it('reads a refusal that states the course instead as a decision', () => {
    const out = run([
      ['priya', 'should we switch to the new vendor?'],
      ['dana', "nope, let's keep the current vendor"],
    ]);
    expect(out.decisions).toEqual([
      expect.objectContaining({ summary: expect.stringContaining('keep the current vendor') }),
    ]);
    expect(
      run([
        ['priya', 'should we switch to the new vendor?'],
        ['dana', 'nope'],
      ]).decisions,
    ).toEqual([]);
  });
});

describe('what these forms leave alone', () => {
  it('does not read "assigned to Lena\'s team" or "let\'s take a break then" as work or a decision', () => {
    expect(run([['sam', "I was assigned to Lena's team last month"]]).actionItems).toEqual([]);
    expect(run([['dana', "ok let's take a break then"]]).decisions).toEqual([]);
  });
});

describe('a promise to pass something on', () => {
  it('is done when the speaker puts something to the person it named, not before', () => {
    const out = run([
      ['dana', 'does anyone know our API quota for Q1?'],
      ['marco', "not sure, I'll ask Sam"],
      ['marco', 'Lena, unrelated: is the deploy done?'],
      ['marco', '@Sam Park what is our API quota for Q1?'],
    ]);
    expect(out.actionItems).toEqual([expect.objectContaining({ assignee: key('marco') })]);
    expect(out.completions).toEqual([
      expect.objectContaining({ itemId: out.actionItems[0].id, messageId: 'm4', by: key('marco') }),
    ]);
  });

  it('is done in a later conversation too', () => {
    const open = [
      { itemId: 'item-ask-sam', assignee: key('marco'), summary: "I'll ask Sam", at: '2026-11-02T10:00:00Z' },
    ];
    const out = annotateHeuristically(
      conversation([['marco', '@Sam Park quick one: what is our API quota for Q1?']], { openItems: open }),
    );
    expect(out.completions).toEqual([expect.objectContaining({ itemId: 'item-ask-sam', messageId: 'm1' })]);
  });
});

describe('more forms of deciding and waiting', () => {
  it('reads a date moved, with the new date, as a decision; not a question about moving it', () => {
    expect(
      run([['dana', 'the launch is pushed to March 3, legal needs another week']]).decisions,
    ).toHaveLength(1);
    expect(run([['dana', 'standup has been moved to 10:30 from tomorrow']]).decisions).toHaveLength(1);
    expect(run([['dana', 'is the launch pushed to March 3?']]).decisions).toEqual([]);
    expect(run([['dana', 'I moved to Lisbon last year']]).decisions).toEqual([]);
  });

  it('reads "green light on X" given as a decision, and "need your green light" as an ask', () => {
    expect(run([['lena', 'green light on the new onboarding flow from my side']]).decisions).toHaveLength(1);
    const asked = run([['lena', '@Dana Whitfield need your green light on the onboarding flow']]);
    expect(asked.decisions).toEqual([]);
    expect(asked.questions[0]?.addressees).toEqual([key('dana')]);
  });

  it('reads a bare name closing a sentence to "you" as speaking to them, not "… to you and Dana"', () => {
    const waiting = run([['lena', 'waiting on you for the pricing approval Dana']]);
    expect(waiting.questions).toEqual([
      expect.objectContaining({ kind: 'approval', addressees: [key('dana')] }),
    ]);
    expect(run([['lena', 'I sent the approval form to you and Dana']]).questions).toEqual([]);
  });
});

describe('what answers a question', () => {
  it('does not take "checking, one sec" for the answer', () => {
    const out = run([
      ['marco', 'Dana, which vendor did we pick for the payroll migration?'],
      ['dana', 'checking, one sec'],
      ['sam', 'unrelated: lunch?'],
    ]);
    expect(out.questions[0]?.answered).toBeNull();
    const later = run([
      ['marco', 'Dana, which vendor did we pick for the payroll migration?'],
      ['dana', 'checking, one sec'],
      ['dana', 'it was the second one, Gusto'],
    ]);
    expect(later.questions[0]?.answered).toEqual(expect.objectContaining({ messageId: 'm3' }));
  });

  it('takes "Dana said yes in standup" as the answer of the person asked, not any remark naming her', () => {
    const relayed = run([
      ['marco', '@Dana Whitfield are we ok to sign the renewal at 8% off?'],
      ['lena', 'Dana said yes in standup'],
    ]);
    expect(relayed.questions[0]?.answered).toEqual(expect.objectContaining({ by: key('lena') }));
    const aside = run([
      ['marco', '@Dana Whitfield are we ok to sign the renewal at 8% off?'],
      ['lena', 'Sam said the budget review slipped'],
    ]);
    expect(aside.questions[0]?.answered).toBeNull();
  });

  it('reads "Dana — do we …?" as put to Dana, and "when you have 5 minutes" as no due day', () => {
    expect(
      run([['lena', 'Dana — do we renew the design seats or drop to 10?']]).questions[0]?.addressees,
    ).toEqual([key('dana')]);
    expect(
      run([['lena', '@Dana Whitfield let me know when you have 5 minutes']]).actionItems[0]?.due ?? null,
    ).toBeNull();
  });
});

describe('ownership answered and corrected in chat', () => {
  const owners = (lines: Array<[string, string]>) =>
    run(lines).facts.map((fact) => [fact.subject, fact.object, fact.hedged]);

  it('reads a name given alone to "who owns X?" as the owner, hedged when guessed', () => {
    expect(
      owners([
        ['dana', 'who owns the partner API these days?'],
        ['marco', 'Priya'],
      ]),
    ).toEqual([[key('priya'), 'component:partner-api', false]]);
    expect(
      owners([
        ['dana', 'who handles vendor renewals?'],
        ['marco', 'I think Sam does'],
      ]),
    ).toEqual([[key('sam'), 'component:vendor-renewals', true]]);
    expect(
      owners([
        ['dana', 'who is joining the call?'],
        ['marco', 'Priya'],
      ]),
    ).toEqual([]);
  });

  it('reads "for X, ask Y" across the comma, and "no, it is Sam" as correcting a guess', () => {
    expect(owners([['priya', 'for the data warehouse, ask Sam']])).toEqual([
      [key('sam'), 'component:data-warehouse', false],
    ]);
    const corrected = run([
      ['priya', 'I think Lena might own the analytics pipeline now?'],
      ['marco', 'no, it is Sam since the reorg'],
    ]);
    expect(corrected.facts.map((fact) => fact.subject)).toEqual([key('lena'), key('sam')]);
    expect(corrected.retractions).toEqual([expect.objectContaining({ factId: corrected.facts[0].id })]);
  });

  it('reads "scratch that" as reversing the decision before it', () => {
    const out = run([
      ['dana', 'we decided to move the launch to May'],
      ['dana', 'scratch that, launch stays in April'],
    ]);
    expect(out.decisions).toHaveLength(2);
    expect(out.decisions[1].reverses).toBe(out.decisions[0].id);
  });
});
