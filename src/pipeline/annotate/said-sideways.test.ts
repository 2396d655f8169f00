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
      'Monday or Tuesday for the shoot? → Tuesday for the shoot',
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

describe('work done, said with a wink, and due days taken from the ask', () => {
  it('closes a request with a reply that opens with the work done, however long', () => {
    const out = run([
      ['priya', 'Sam could you look at the label printers on floor 3, they print blank pages'],
      ['sam', 'sorted ✅ it was the driver update, rolled it back and restarted the spooler'],
    ]);
    expect(out.completions.map((completion) => completion.by)).toEqual([key('sam')]);
  });

  it('makes no item of a promise said with a wink', () => {
    expect(
      assignees([['marco', "I'll fix the physics bug right after I rewrite the engine in Rust 🙃"]]),
    ).toEqual([]);
  });

  it("gives a taken-on wish the ask's day, and reads a full name before a request", () => {
    const items = run([
      ['dana', "would be great if staging got a fresh snapshot before tomorrow's load test"],
      ['marco', 'let me do that now'],
    ]).actionItems;
    expect(items.map((item) => [item.assignee, item.due])).toEqual([[key('marco'), '2026-11-10']]);
    const named = run([
      ['dana', 'Marco Rossi, please get the quotes for the new racking by Thursday'],
    ]).actionItems;
    expect(named.map((item) => [item.assignee, item.due])).toEqual([[key('marco'), '2026-11-12']]);
  });

  it('reads no ownership into "I can\'t run it" or "I tried running X"', () => {
    expect(owns([['sam', "so I don't think I can run it"]])).toEqual([]);
    expect(owns([['sam', 'how do i install it? i tried running the installer twice']])).toEqual([]);
    expect(
      owns([['sam', 'well when I run into problems and then I figure out how to fix it, I learn']]),
    ).toEqual([]);
  });
});

describe('decisions stated as rules, lines drawn and approvals', () => {
  const decided = (lines: Array<[string, string]>) =>
    run(lines).decisions.map((decision) => decision.summary);

  it.each([
    'from now on every dataset goes into the shared drive with a README, no exceptions',
    "after talking to legal: we won't store card numbers at all, tokens only",
    'decision for the record: Sam leads the migration, Lena backs him up',
  ])('reads %j as a decision', (text) => {
    expect(decided([['dana', text]])).toEqual([text]);
  });

  it('reads "ok so we keep X and switch Y" answered "makes sense" as a decision', () => {
    expect(
      decided([
        ['sam', 'ok so we keep DHL for Germany and switch Austria to the cheaper carrier'],
        ['marco', 'makes sense'],
      ]),
    ).toEqual(['ok so we keep DHL for Germany and switch Austria to the cheaper carrier']);
  });

  it.each([
    "we won't make it in time for the Friday release, sadly",
    "Lena's leave request was approved by HR yesterday",
    'quote is out, the client says their budget is approved',
    'from now on I will take notes in the retro',
  ])('reads %j as no decision', (text) => {
    expect(decided([['dana', text]])).toEqual([]);
  });
});

describe('rosters, withdrawn asks and work taken over from someone who declined', () => {
  it('gives each "Name — task" line of a roster to that person, "me:" to the speaker', () => {
    const items = run([
      [
        'dana',
        'audit prep:\n1. Marco — pull the KYC files for the sampled customers\n2. Sam — document the rule-change process\n3. me: sign off the insurance renewal by Friday',
      ],
    ]);
    expect(items.actionItems.map((item) => [item.assignee, item.summary, item.due])).toEqual([
      [key('marco'), 'pull the KYC files for the sampled customers', null],
      [key('sam'), 'document the rule-change process', null],
      [key('dana'), 'sign off the insurance renewal by Friday', '2026-11-13'],
    ]);
    expect(items.questions).toEqual([]);
    // One "Name: task" line alone is no roster.
    expect(assignees([['dana', 'Priya: interesting, the numbers look off']])).toEqual([]);
  });

  it('drops a request its asker withdraws', () => {
    expect(
      assignees([
        ['dana', 'Marco, could you set up the exam room laptops tomorrow?'],
        ['marco', 'sure'],
        ['dana', 'actually never mind — no need anymore, sorry for the noise'],
      ]),
    ).toEqual([]);
  });

  it('gives "I\'ll do it" after a refusal the request and its day', () => {
    const items = run([
      ['dana', 'Sam, can you drive the van to Potsdam tomorrow?'],
      ['sam', "can't, my licence is still suspended"],
      ['marco', "I'll do it"],
    ]).actionItems;
    expect(items.map((item) => [item.assignee, item.due])).toEqual([[key('marco'), '2026-11-10']]);
  });

  it('reads chat spellings: "cna you", "b4 fri", "wendesday"', () => {
    const items = run([
      ['dana', 'lena cna you call the fridge repair guy b4 fri'],
      ['lena', 'yup'],
    ]).actionItems;
    expect(items.map((item) => [item.assignee, item.due])).toEqual([[key('lena'), '2026-11-13']]);
  });
});

describe('more decisions and expertise', () => {
  const decided = (lines: Array<[string, string]>) =>
    run(lines).decisions.map((decision) => decision.summary);

  it('reads each line under "Agreed in today\'s meeting:" as a decision', () => {
    expect(
      decided([
        [
          'dana',
          "Agreed in today's meeting:\n• we keep the current mail provider, no migration\n• password rotation goes from 90 to 180 days",
        ],
      ]),
    ).toEqual([
      'we keep the current mail provider, no migration',
      'password rotation goes from 90 to 180 days',
    ]);
  });

  it('reads "We decide to X, ok?" as a decision without the tag or the request after it', () => {
    expect(
      decided([
        [
          'lena',
          'We decide to use Sentry instead of Crashlytics, ok? Marco you do the migration by Tuesday please',
        ],
      ]),
    ).toEqual(['We decide to use Sentry instead of Crashlytics']);
  });

  it('makes no decision of a joke or of "let\'s not go there"', () => {
    expect(
      decided([
        ['lena', "let's just rewrite it in Rust, that'll fix it 😂"],
        ['marco', 'ship it in 2031'],
      ]),
    ).toEqual([]);
    expect(decided([['dana', "let's not go there today"]])).toEqual([]);
  });

  it('reads "if anyone has questions about X, Lena is the person to ask" and "Lena might know how X works"', () => {
    expect(
      owns([
        ['dana', 'if anyone has questions about the gradebook export, Lena Vogel is the person to ask.'],
      ]),
    ).toEqual([[key('lena'), 'expert_in', 'component:gradebook-export', false]]);
    expect(owns([['marco', 'I think Lena might know how the donation receipts work']])).toEqual([
      [key('lena'), 'expert_in', 'component:donation-receipts', true],
    ]);
    expect(
      owns([
        ['sam', 'Lena, who handles the volunteer rota now?'],
        ['lena', 'me, since September'],
      ]),
    ).toEqual([[key('lena'), 'owns', 'component:volunteer-rota', false]]);
  });
});

describe('plans as lists', () => {
  it('reads a list of "Name does X" lines as a plan without a heading, the heading giving the day', () => {
    const items = run([
      [
        'dana',
        'for the inventory count tomorrow:\n- Marco prints the count sheets\n- Sam blocks the locations in the WMS',
      ],
    ]).actionItems;
    expect(items.map((item) => [item.assignee, item.due])).toEqual([
      [key('marco'), '2026-11-10'],
      [key('sam'), '2026-11-10'],
    ]);
  });

  it('gives each item of a list headed "Marco, … please:" to Marco', () => {
    const items = run([
      ['dana', 'Marco, for the demo please:\n1) fix the save corruption\n2) finish the controller remap'],
    ]).actionItems;
    expect(items.map((item) => [item.assignee, item.summary])).toEqual([
      [key('marco'), 'fix the save corruption'],
      [key('marco'), 'finish the controller remap'],
    ]);
  });
});
