import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from './heuristic-annotate.js';
import { conversation, key } from './testing/conversation-builder.js';

const decisions = (lines: Array<[string, string]>, overrides = {}) =>
  annotateHeuristically(conversation(lines, overrides)).decisions;

describe('decisions', () => {
  it('records "decision: we\'ll go with X" with the proposal and the agreement as supporting evidence', () => {
    const out = decisions([
      ['lena', 'proposal: rebuild the search indexer on postgres instead of upgrading ES'],
      ['priya', '+1'],
      ['dana', "ok, decision: we'll go with Postgres for the search indexer. Lena leads it"],
    ]);
    expect(out).toEqual([
      expect.objectContaining({
        evidence: ['m3', 'm1', 'm2'],
        decidedBy: [key('dana'), key('lena'), key('priya')],
        reverses: null,
      }),
    ]);
    expect(out[0].summary).toMatch(/^we'll go with Postgres/);
    expect(out[0].about).toEqual(['component:search-indexer']);
  });

  it('records "let\'s not …" and "decided:" phrasings', () => {
    expect(decisions([['dana', "agreed. let's not deploy on Fridays anymore, hotfixes only"]])).toHaveLength(
      1,
    );
    expect(decisions([['priya', 'ok, decided: v3 drops Node 16, minimum is Node 18']])).toHaveLength(1);
  });

  it('reads "X is now Y (was Z)" and a party accepting a change as decisions, not a thing that accepts input', () => {
    expect(
      decisions([['lena', 'Sync notes: launch date is now March 3 (was Feb 24), pending QA']]),
    ).toHaveLength(1);
    expect(
      decisions([['marco', 'Their finance team accepted net 45 on the renewal, contract goes out today']]),
    ).toHaveLength(1);
    expect(decisions([['priya', 'the upload endpoint accepts files up to 5 MB']])).toEqual([]);
    expect(decisions([['priya', 'is the launch date now March 3?']])).toEqual([]);
  });

  it('links a reversal to the earlier decision about the same entity', () => {
    const prior = [
      {
        decisionId: 'dec-queue',
        about: ['component:billing'],
        summary: 'retries move to a queue worker',
        at: '2026-11-02T10:00:00Z',
      },
    ];
    const entities = [{ id: 'component:billing', name: 'billing', aliases: ['billing svc'] }];
    const out = decisions(
      [['dana', "ok, reversing last week's call: billing retries go back to the nightly cron"]],
      { priorDecisions: prior, entities },
    );
    expect(out).toEqual([expect.objectContaining({ reverses: 'dec-queue' })]);
    const scrap = decisions([
      ['dana', "decided: we'll ship the new nav in 2.14"],
      ['sofia', "scrap that, let's go back to shipping it in 2.15"],
    ]);
    expect(scrap[1].reverses).toBe(scrap[0].id);
  });

  it('reverses the decision its words and time point to, not the latest one of the conversation', () => {
    const prior = [
      {
        decisionId: 'dec-queue',
        about: ['component:billing'],
        summary: 'payment retries move to a queue worker, Marco builds it',
        at: '2026-11-02T10:00:00Z',
      },
    ];
    const entities = [{ id: 'component:billing', name: 'billing', aliases: [] }];
    const out = decisions(
      [
        ['marco', 'can we refund the double charges automatically?'],
        ['dana', "decided: automatic refunds for anything under 100, bigger ones go to Lena's team"],
        ['dana', "ok, reversing last week's call: the retries go back to the nightly job until keys land"],
      ],
      { priorDecisions: prior, entities },
    );
    expect(out.map((decision) => decision.reverses)).toEqual([null, 'dec-queue']);
    // Without a time word, the same words still point past the unrelated decision of this conversation;
    // a deictic "scrap that" (tested above) takes the latest one.
    const plain = decisions(
      [
        ['dana', "decided: automatic refunds for anything under 100, bigger ones go to Lena's team"],
        ['dana', 'change of plan for the retries: they go back to the nightly job'],
      ],
      { priorDecisions: prior, entities },
    );
    expect(plain.map((decision) => decision.reverses)).toEqual([null, 'dec-queue']);
  });

  it('does not record questions, hedges or a cat that decided something', () => {
    expect(
      decisions([
        ['sam', 'should we go with Postgres?'],
        ['lena', "maybe we'll go with Postgres, not sure yet"],
        ['lena', 'my cat has decided my keyboard is her bed now'],
      ]),
    ).toEqual([]);
  });
});
