import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from './heuristic-annotate.js';
import { conversation, key } from './testing/conversation-builder.js';

const run = (lines: Array<[string, string]>) => annotateHeuristically(conversation(lines));
const items = (lines: Array<[string, string]>) =>
  run(lines).actionItems.map((item) => [item.assignee, item.summary]);

describe('work handed out by a label, asked as a state, or promised without "I"', () => {
  it('reads "Action item for @x:", "TODO(x):" and "AI - X:" as work for x, without the label in its words', () => {
    expect(items([['dana', 'Action item for @sam: chase the printer vendor for a refund']])).toEqual([
      [key('sam'), 'chase the printer vendor for a refund'],
    ]);
    expect(items([['priya', 'TODO(marco): upgrade the linter config']])).toEqual([
      [key('marco'), 'upgrade the linter config'],
    ]);
    expect(items([['dana', 'AI - Lena: circulate the hiring rubric']])).toEqual([
      [key('lena'), 'circulate the hiring rubric'],
    ]);
    expect(items([['priya', 'TODO: upgrade the linter config']])).toEqual([]);
  });

  it('reads "please make sure X is updated" as asking for it, not as saying it is done', () => {
    const out = run([['dana', 'Sam please make sure the roadmap page is updated before the offsite']]);
    expect(out.actionItems.map((item) => item.assignee)).toEqual([key('sam')]);
    expect(out.completions).toEqual([]);
  });

  it('reads "gonna …" and "going to …" with the speaker left out as their commitment, but not a fallback plan', () => {
    expect(items([['lena', 'gonna pick up the broken invoice export tomorrow']])).toEqual([
      [key('lena'), 'gonna pick up the broken invoice export tomorrow'],
    ]);
    expect(items([['marco', 'going to merge the schema change after lunch']])).toEqual([
      [key('marco'), 'going to merge the schema change after lunch'],
    ]);
    expect(items([['marco', "tell me soon, otherwise I'll pick up a different project"]])).toEqual([]);
    expect(items([['marco', 'going to lunch, back in 30']])).toEqual([]);
  });

  it('reads "can I get a quick review on X? @name" as a request to that person', () => {
    expect(items([['priya', 'Can I get a quick review on the retention query? @lena']])).toEqual([
      [key('lena'), 'Can I get a quick review on the retention query?'],
    ]);
  });
});

describe('decisions said by a label or by pointing at a proposal', () => {
  it('reads the words after "decision made —" as the decision', () => {
    const decisions = run([
      ['dana', 'ok folks, decision made — no customer demos on release days'],
    ]).decisions;
    expect(decisions.map((decision) => decision.summary)).toEqual(['no customer demos on release days']);
    expect(run([['dana', 'decision made on my side, thanks all']]).decisions).toEqual([]);
  });

  it('reads "lock it in: X", "agreed with legal — X" and "we\'re standardizing on X" as decisions', () => {
    const said = (text: string) => run([['dana', text]]).decisions.map((decision) => decision.summary);
    expect(said("Let's lock it in: the kickoff is on March 3")).toEqual([
      "Let's lock it in: the kickoff is on March 3",
    ]);
    expect(said("Agreed with finance — we'll pay contractors monthly")).toEqual([
      "we'll pay contractors monthly",
    ]);
    expect(said("it's official, Acme signed a 12-month contract")).toEqual([]);
    expect(said("We're standardizing on Vitest across all repos")).toEqual([
      "We're standardizing on Vitest across all repos",
    ]);
  });

  it('gives an agreed proposal its own words when the agreement only points at it', () => {
    const decisions = run([
      ['marco', 'thinking we should rotate the support pager weekly instead of daily'],
      ['dana', 'agreed, go for it'],
    ]).decisions;
    expect(decisions.map((decision) => decision.summary)).toEqual([
      'rotate the support pager weekly instead of daily',
    ]);
  });

  it('reads "@x can we push X to Thursday?" answered "fine by me" as a decision without the mention', () => {
    const decisions = run([
      ['sam', '@dana can we push the partner demo to Thursday? the build is flaky'],
      ['dana', 'fine by me'],
    ]).decisions;
    expect(decisions.map((decision) => [decision.summary, decision.decidedBy])).toEqual([
      ['push the partner demo to Thursday', [key('sam'), key('dana')]],
    ]);
  });
});

describe('ownership given as the answer to "who is handling X?"', () => {
  const owns = (lines: Array<[string, string]>) =>
    run(lines).facts.map((fact) => [fact.subject, fact.object, fact.hedged, fact.confidence]);

  it('reads "that\'s me" and "me!" as the one answering holding it', () => {
    expect(
      owns([
        ['dana', "who's handling the visa paperwork for new hires?"],
        ['priya', "that's me, I've been on it since spring"],
      ]),
    ).toEqual([[key('priya'), 'component:visa-paperwork', false, 0.75]]);
    expect(
      owns([
        ['dana', "who's running the intern program?"],
        ['lena', 'me!'],
      ]),
    ).toEqual([[key('lena'), 'component:intern-program', false, 0.75]]);
  });

  it('keeps "Lena does, afaik" at low confidence, hedged', () => {
    expect(
      owns([
        ['sam', 'does anyone know who maintains the churn dashboard?'],
        ['priya', 'Lena does, afaik'],
      ]),
    ).toEqual([[key('lena'), 'component:churn-dashboard', true, 0.35]]);
  });

  it('reads "@priya" and "nope, that\'s Priya" as the name answering who holds it', () => {
    expect(
      owns([
        ['lena', 'who owns the expense tool these days?'],
        ['sam', '@priya'],
      ]),
    ).toEqual([[key('priya'), 'component:expense-tool', false, 0.75]]);
    // The guess is kept hedged, then retracted by the answer.
    const corrected = run([
      ['sam', 'not sure who owns the holiday calendar, maybe Lena?'],
      ['lena', "nope, that's Priya"],
    ]);
    expect(corrected.facts.map((fact) => [fact.subject, fact.object, fact.hedged, fact.confidence])).toEqual([
      [key('lena'), 'component:holiday-calendar', true, 0.35],
      [key('priya'), 'component:holiday-calendar', false, 0.75],
    ]);
    expect(corrected.retractions.map((retraction) => retraction.factId)).toEqual([corrected.facts[0].id]);
  });

  it('reads "Sam knows it best" after "who\'s our expert on X?" as Sam knowing X', () => {
    const facts = run([
      ['dana', "who's our expert on the tax rules?"],
      ['lena', 'Sam knows it best'],
    ]).facts;
    expect(facts.map((fact) => [fact.subject, fact.relation, fact.object])).toEqual([
      [key('sam'), 'expert_in', 'component:tax-rules'],
    ]);
  });

  it('reads "I\'ll take point on X" and "Sam is taking point on X" as holding X', () => {
    expect(owns([['lena', "I'll take point on the SOC2 audit"]]).map(([who, what]) => [who, what])).toEqual([
      [key('lena'), 'component:soc2-audit'],
    ]);
    expect(
      owns([['lena', 'Sam is taking point on the churn dashboard']]).map(([who, what]) => [who, what]),
    ).toEqual([[key('sam'), 'component:churn-dashboard']]);
  });

  it('reads "you\'re on point for X" and "if it\'s about X, ask me" as holding X and knowing X', () => {
    expect(
      owns([['dana', "@sam you're on point for the vendor contracts"]]).map(([who, what]) => [who, what]),
    ).toEqual([[key('sam'), 'component:vendor-contracts']]);
    expect(
      run([['marco', "if it's about invoices, ask me"]]).facts.map((fact) => [
        fact.subject,
        fact.relation,
        fact.object,
      ]),
    ).toEqual([[key('marco'), 'expert_in', 'component:invoices']]);
  });

  it('reads "I\'m taking over X" like "I am taking over X"', () => {
    expect(owns([['priya', "heads up, I'm taking over the travel bookings from Marco"]])).toEqual([
      [key('priya'), 'component:travel-bookings', false, 0.85],
    ]);
  });

  it('reads "handed over X to Y" with "over" before the thing', () => {
    expect(
      owns([['priya', "I've handed over the payroll integration to Sam, he's the owner from today"]]).map(
        ([subject, object]) => [subject, object],
      ),
    ).toEqual([[key('sam'), 'component:payroll-integration']]);
  });
});
