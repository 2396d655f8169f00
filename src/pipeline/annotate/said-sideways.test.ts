import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from './heuristic-annotate.js';
import { conversation, key } from './testing/conversation-builder.js';

const run = (lines: Array<[string, string]>) => annotateHeuristically(conversation(lines));
const owns = (lines: Array<[string, string]>) =>
  run(lines).facts.map((fact) => [fact.subject, fact.relation, fact.object, fact.hedged]);
const assignees = (lines: Array<[string, string]>) => run(lines).actionItems.map((item) => item.assignee);

describe('ownership said sideways', () => {
  it('reads "it" and "those" as the thing the message set first', () => {
    expect(owns([['sam', 'the badge printer? I think Lena might still own it, not sure']])).toEqual([
      [key('lena'), 'owns', 'component:badge-printer', true],
    ]);
    expect(owns([['marco', "the team's build agents... pretty sure Priya maintains those"]])).toEqual([
      [key('priya'), 'owns', 'component:build-agents', true],
    ]);
  });

  it('reads "handed it to Sam" as the thing named before the pronoun', () => {
    expect(
      owns([['marco', "fyi I'm not on the hook for the status page anymore, handed it to Sam on Friday"]]),
    ).toEqual([[key('sam'), 'owns', 'component:status-page', false]]);
  });

  it('reads "that moved to Lena" and "that\'s with Sam now" as the thing passing to them', () => {
    const moved = run([
      ['marco', "backups for the file server are Sam's"],
      ['priya', 'no, that moved to Lena in October'],
    ]);
    expect(moved.facts.map((fact) => [fact.subject, fact.object])).toEqual([
      [key('sam'), 'component:file-server'],
      [key('lena'), 'component:file-server'],
    ]);
    expect(moved.retractions).toHaveLength(1);
    expect(
      owns([['lena', "heads up: I no longer handle the release checklist, that's with Sam now"]]),
    ).toEqual([[key('sam'), 'owns', 'component:release-checklist', false]]);
  });

  it('keeps two things named together as two holdings', () => {
    expect(
      owns([['priya', 'I look after the partner portal and the payment settings, ping me for those']]),
    ).toEqual([
      [key('priya'), 'owns', 'component:partner-portal', false],
      [key('priya'), 'owns', 'component:payment-settings', false],
    ]);
  });

  it('reads a full name, "your person for", "falls under X\'s team" and "if you hit X, ask Y"', () => {
    expect(owns([['lena', 'Priya Nair knows the Vault policies inside out, go to her']])).toEqual([
      [key('priya'), 'expert_in', 'component:vault-policies', false],
    ]);
    expect(owns([['sam', "Lena's your person for ad billing issues"]])).toEqual([
      [key('lena'), 'owns', 'component:ad-billing', false],
    ]);
    expect(owns([['sam', "the label printers fall under Marco's team"]])).toEqual([
      [key('marco'), 'owns', 'component:label-printers', false],
    ]);
    expect(
      owns([['sam', 'if you hit weird stuff with the render queue, ask Lena, she wrote most of it']]),
    ).toEqual([[key('lena'), 'expert_in', 'component:render-queue', false]]);
  });

  it('reads a guessed or explained name as the answer to "who handles X?"', () => {
    expect(
      owns([
        ['dana', '@priya who deals with the customs broker nowadays?'],
        ['priya', 'I think it might be Sam? he was on the last emails'],
      ]),
    ).toEqual([[key('sam'), 'owns', 'component:customs-broker', true]]);
    expect(
      owns([
        ['priya', '@lena who runs the GPU queue on the cluster now?'],
        ['lena', 'Marco Rossi, since he took over from the IT office'],
      ]),
    ).toEqual([[key('marco'), 'owns', 'component:gpu-queue', false]]);
    expect(
      owns([
        ['lena', '@marco who looks after the booking engine these days?'],
        ['marco', "that's Priya's baby since the summer"],
      ]),
    ).toEqual([[key('priya'), 'owns', 'component:booking-engine', false]]);
  });
});

describe('requests turned down, notes to self, work taken without "I\'ll"', () => {
  it('makes no item of a request its addressee turns down', () => {
    expect(
      assignees([
        ['dana', 'Marco, can you join the vendor call at 4?'],
        ['marco', "can't, dentist, sorry"],
      ]),
    ).toEqual([]);
    expect(
      assignees([
        ['sam', 'Lena can you take the Thursday night shift?'],
        ['lena', "no, can't, family thing. sorry!"],
      ]),
    ).toEqual([]);
    // Turned down, then taken after all: still theirs.
    expect(
      assignees([
        ['dana', 'Marco, can you join the vendor call at 4?'],
        ['marco', "sorry, I'll be there"],
      ]),
    ).toEqual([key('marco')]);
  });

  it('reads "note to self: X by the 20th" as the speaker\'s item', () => {
    const items = run([
      ['marco', 'note to self: update the VPN client on the lab laptops by the 20th'],
    ]).actionItems;
    expect(items.map((item) => [item.assignee, item.summary, item.due])).toEqual([
      [key('marco'), 'update the VPN client on the lab laptops by the 20th', '2026-11-20'],
    ]);
  });

  it('reads "taking this" after a report and "gonna redo X" as taking the work', () => {
    expect(
      assignees([
        ['lena', 'crash when loading level 4 with a full inventory, repro 100%'],
        ['sam', 'taking this'],
      ]),
    ).toEqual([key('sam')]);
    expect(
      assignees([['priya', 'gonna redo the footstep sounds for the snow level, they sound like gravel']]),
    ).toEqual([key('priya')]);
  });

  it('reads "…, please handle it" and "Name, X by tomorrow?" as requests', () => {
    expect(
      assignees([['dana', 'Sam, the annual equipment inventory is due end of month, please handle it']]),
    ).toEqual([key('sam')]);
    expect(assignees([['dana', 'Priya, survey draft by tomorrow?']])).toEqual([key('priya')]);
  });
});

describe('a choice settled', () => {
  it('reads "A or B?" answered and settled ("B it is") as a decision for B', () => {
    const decisions = run([
      ['priya', '@dana Monday or Tuesday for the shoot?'],
      ['dana', 'Tuesday'],
      ['priya', "Tuesday it is, I'll tell the photographer"],
    ]).decisions;
    expect(decisions.map((decision) => decision.summary)).toEqual([
      '@dana Monday or Tuesday for the shoot? → Tuesday for the shoot',
    ]);
    // Without "your call" or a settling word, a factual either-or stays a question.
    expect(
      run([
        ['priya', 'is the bug in prod or staging?'],
        ['dana', 'prod'],
      ]).decisions,
    ).toEqual([]);
  });
});
