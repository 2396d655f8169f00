import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from '../heuristic-annotate.js';
import { conversation, key } from '../testing/conversation-builder.js';
import type { AnnotateInput } from '../annotate-types.js';

type Line = [string, string];
const run = (lines: Line[], overrides: Partial<AnnotateInput> = {}) =>
  annotateHeuristically(conversation(lines, overrides));
/** "PRIYA owns component:billing" for each live (not retracted) owns fact. */
const owns = (lines: Line[], overrides: Partial<AnnotateInput> = {}): string[] => {
  const out = run(lines, overrides);
  const retracted = new Set(out.retractions.map((r) => r.factId));
  return out.facts
    .filter((fact) => fact.relation === 'owns' && !retracted.has(fact.id))
    .map((fact) => `${fact.subject.split(':U')[1]} owns ${fact.object}`);
};
const replying = (input: AnnotateInput, index: number, to: number): AnnotateInput => {
  input.messages[index].replyTo = input.messages[to].id;
  return input;
};

describe('ownership said sideways (slot filling)', () => {
  it.each([
    ["the export job is basically Marco's thing", 'MARCO owns component:export-job'],
    ['search indexer → ask Lena', 'LENA owns component:search-indexer'],
    ['Acme Corp is my account, so loop me in on pricing', 'DANA owns component:acme-corp'],
    ['payouts run through me, I will send the batch tonight', 'DANA owns component:payouts'],
    ['for anything legal, Priya', 'PRIYA owns component:legal'],
    ['hit up Sam about anything invoicing', 'SAM owns component:invoicing'],
    ['the vendor portal is with Lena', 'LENA owns component:vendor-portal'],
    [
      'Lena from the data team is the main contact for warehouse questions',
      'LENA owns component:warehouse-questions',
    ],
    ['please route anything about the SDK to Marco from Monday', 'MARCO owns component:sdk'],
  ])('reads %j', (text, expected) => {
    expect(owns([['dana', text]])).toEqual([expected]);
  });

  it('reads "billing questions → X" as X owning billing, when billing is known', () => {
    const entities = [{ id: 'component:billing', name: 'billing' }];
    expect(owns([['dana', 'billing questions → Marco']], { entities })).toEqual([
      'MARCO owns component:billing',
    ]);
    expect(owns([['dana', 'warehouse questions → Marco']])).toEqual([
      'MARCO owns component:warehouse-questions',
    ]);
  });

  it('makes one fact per pair of a list', () => {
    expect(owns([['dana', 'for anyone new: billing → Priya, the SDK → Marco, search → ask Lena']])).toEqual([
      'PRIYA owns component:billing',
      'MARCO owns component:sdk',
      'LENA owns component:search',
    ]);
    expect(
      owns([['dana', 'Sam for anything mobile, me for the contract. Lena if it is about the API itself.']]),
    ).toEqual(['SAM owns component:mobile', 'DANA owns component:contract', 'LENA owns component:api']);
  });

  it('gives a catch-all the scope its list names', () => {
    expect(
      owns([
        ['lena', 'for anyone joining Orion: dashboards → Sam, anything the client is unhappy about → me'],
      ]),
    ).toEqual(['SAM owns component:dashboards', 'LENA owns component:orion']);
  });

  it('keeps the template first and does not take blame for ownership', () => {
    expect(owns([['priya', 'I look after the billing service, so the outages are mine']])).toEqual([
      'PRIYA owns component:billing',
    ]);
  });

  it('resolves "she"/"he" to the person just named', () => {
    expect(owns([['dana', 'welcome @Sam Park, he runs our onboarding desk 👋']])).toEqual([
      'SAM owns component:onboarding-desk',
    ]);
    expect(
      owns([
        ['dana', 'say hi to Lena'],
        ['marco', 'she manages the partner program'],
      ]),
    ).toEqual(['LENA owns component:partner-program']);
  });

  it('resolves "you" to the addressee and "that" to what was talked about', () => {
    const dm = { dm: true, members: [key('dana'), key('priya')] };
    expect(
      owns(
        [['dana', 'legal wants the signer to be whoever owns the vendor relationship, which is you now']],
        dm,
      ),
    ).toEqual(['PRIYA owns component:vendor-relationship']);
    const redirect = conversation([
      ['sam', '@marco is the search indexer still flaky?'],
      ['marco', "that's Lena's now @lena"],
    ]);
    expect(
      annotateHeuristically(replying(redirect, 1, 0)).facts.map((fact) => `${fact.subject} ${fact.object}`),
    ).toEqual([`${key('lena')} component:search-indexer`]);
  });

  it('dates "from now on" at the message and "from Monday" at that Monday', () => {
    const [now] = run([['dana', 'Lena is the point person for vendor invoices from now on']]).facts;
    expect(now.validFrom).toBe('2026-11-09T08:00:00.000Z');
    const [monday] = run([['dana', 'so from monday, billing questions → Marco']]).facts;
    expect(monday.validFrom).toBe('2026-11-15T23:00:00.000Z');
  });

  it.each([
    ['as of Nov 16, billing questions → Marco', '2026-11-15T23:00:00.000Z'],
    ['starting next week Marco owns billing', '2026-11-15T23:00:00.000Z'],
    ['Marco owns billing from Wednesday 11th', '2026-11-10T23:00:00.000Z'],
  ])('reads when %j starts', (text, validFrom) => {
    const [fact] = run([['dana', text]]).facts;
    expect(fact).toEqual(expect.objectContaining({ subject: key('marco'), validFrom }));
    expect(fact.validTo).toBeUndefined();
  });

  it('reads when a holding ends: "until Friday", "through Nov 20", "my last day on X today"', () => {
    const [friday] = run([['dana', 'Marco owns billing until Friday']]).facts;
    expect(friday).toEqual(
      expect.objectContaining({
        subject: key('marco'),
        validFrom: '2026-11-09T08:00:00.000Z',
        validTo: '2026-11-13T23:00:00.000Z',
      }),
    );
    const [through] = run([['dana', 'from Wednesday, the vendor portal is with Lena through Nov 20']]).facts;
    expect(through).toEqual(
      expect.objectContaining({ validFrom: '2026-11-10T23:00:00.000Z', validTo: '2026-11-20T23:00:00.000Z' }),
    );
    for (const text of ['last day on the billing service today', "it's my last day on the billing service"]) {
      const [last] = run([['priya', text]]).facts;
      expect(last).toEqual(
        expect.objectContaining({
          subject: key('priya'),
          object: 'component:billing',
          validFrom: '2026-11-09T08:00:00.000Z',
          validTo: '2026-11-09T23:00:00.000Z',
        }),
      );
    }
  });

  it('ends the previous holder at a handover: the person moving on held it until the new holder starts', () => {
    const facts = run([
      [
        'dana',
        'team update: Lena is moving to the data team from Wednesday. Marco takes over billing then, he owns it from the 11th.',
      ],
    ]).facts.filter((fact) => fact.object === 'component:billing');
    expect(facts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subject: key('marco'), validFrom: '2026-11-10T23:00:00.000Z' }),
        expect.objectContaining({
          subject: key('lena'),
          validFrom: '2026-11-09T08:00:00.000Z',
          validTo: '2026-11-10T23:00:00.000Z',
        }),
      ]),
    );
    // No handover day, or nobody moving on: no earlier holder is made up.
    expect(owns([['dana', 'Lena is moving to the data team. Marco owns billing now']])).toEqual([
      'MARCO owns component:billing',
    ]);
    expect(owns([['dana', 'from Wednesday Marco owns billing']])).toEqual(['MARCO owns component:billing']);
  });

  it('keeps what a leaver held apart from where they move to, though one message says both', () => {
    const facts = run([
      [
        'dana',
        'reorg heads-up: from Thursday Marco owns the search indexer. Lena moves to the mobile app full time.',
      ],
    ]).facts;
    const lena = facts.filter((fact) => fact.subject === key('lena') && fact.relation === 'owns');
    expect(lena.map((fact) => fact.object).sort()).toEqual([
      'component:mobile-app',
      'component:search-indexer',
    ]);
    expect(lena.find((fact) => fact.object === 'component:search-indexer')?.validTo).toBeDefined();
  });

  it('does not read a clock time or a question as an end', () => {
    expect(
      run([['dana', 'Marco owns billing, the cron runs until 17:00']]).facts[0]?.validTo,
    ).toBeUndefined();
    expect(owns([['dana', 'is it your last day on billing?']])).toEqual([]);
  });
});

describe('hedges and questions', () => {
  it('keeps a hedge at low confidence, marked hedged', () => {
    const [fact] = run([['sam', 'the retry worker is probably Marco’s thing now?']]).facts;
    expect(fact).toEqual(expect.objectContaining({ subject: key('marco'), hedged: true }));
    expect(fact.confidence).toBeLessThanOrEqual(0.4);
  });

  it('reads a question about ownership as hedged at most', () => {
    const facts = run([['sam', "the invoicing job is Priya's baby, right?"]]).facts;
    expect(facts.every((fact) => fact.hedged && fact.confidence <= 0.4)).toBe(true);
  });
});

describe('corrections by someone else', () => {
  it('retracts the corrected claim and asserts the corrector, in a reply', () => {
    const input = replying(
      conversation([
        ['sam', "the export job is Priya's thing, right?"],
        ['marco', "small correction: the export job lives in the billing service, so that's me"],
      ]),
      1,
      0,
    );
    const out = annotateHeuristically(input);
    const wrong = out.facts.find((fact) => fact.subject === key('priya'));
    expect(out.retractions).toEqual([{ factId: wrong?.id, by: key('marco'), messageId: 'm2' }]);
    expect(out.facts.find((fact) => fact.subject === key('marco'))).toEqual(
      expect.objectContaining({ object: wrong?.object, hedged: false }),
    );
  });

  it('retracts on "actually" with another owner for the same thing', () => {
    const out = run([
      ['sam', 'Lena handles the search indexer'],
      ['priya', 'actually the search indexer is with Marco'],
    ]);
    expect(out.retractions).toHaveLength(1);
    expect(out.retractions[0].factId).toBe(out.facts.find((fact) => fact.subject === key('lena'))?.id);
  });

  it('retracts a claim its owner negates', () => {
    const out = run([
      ['sam', 'Lena handles the search indexer'],
      ['lena', "no, I don't handle the search indexer"],
    ]);
    expect(out.retractions).toEqual([expect.objectContaining({ by: key('lena'), messageId: 'm2' })]);
  });

  it('does not retract a handover, the same speaker, or a claim about another thing', () => {
    expect(
      run([
        ['sam', 'Lena handles the search indexer'],
        ['dana', 'from Monday Marco owns the search indexer'],
      ]).retractions,
    ).toEqual([]);
    expect(
      run([
        ['sam', 'Lena handles the search indexer'],
        ['sam', 'actually the search indexer is with Marco'],
      ]).retractions,
    ).toEqual([]);
    expect(
      run([
        ['sam', 'Lena handles the search indexer'],
        ['priya', 'actually the billing service is with Marco'],
      ]).retractions,
    ).toEqual([]);
  });
});

describe('handovers', () => {
  it('keeps the effective date of a handover', () => {
    const [fact] = run([['dana', 'Marco takes over the SDK from Mon Nov 16']]).facts;
    expect(fact).toEqual(
      expect.objectContaining({
        subject: key('marco'),
        object: 'component:sdk',
        validFrom: '2026-11-15T23:00:00.000Z',
      }),
    );
    const [today] = run([['dana', 'as of today Lena owns the retry worker']]).facts;
    expect(today).toEqual(
      expect.objectContaining({ subject: key('lena'), validFrom: '2026-11-09T08:00:00.000Z' }),
    );
  });
});

describe('not ownership', () => {
  it.each([
    'how was everyone’s weekend?',
    'my bad, reissuing the invoice today',
    'mine died 5 min before the demo',
    'added mine',
    "that's Marco on the call",
    'who owns the retry worker?',
    '@priya can you own the postmortem doc?',
    "I'll handle it",
    'Priya handled the angry customer really well',
    'the doc is with Lena',
    "I'm on it",
    'Sam is on vacation this week',
    'Marco + Lena for anything billing',
    'the 3 refunds above €200 are with Lena',
    'ask Marco, he knows',
    'thanks Sam for the review',
    'I will ask Marco about the invoice',
    'Marco is a nice guy',
    'anything else, Sam?',
  ])('makes no fact from %j', (text) => {
    expect(owns([['dana', text]])).toEqual([]);
  });

  it('never makes a fact whose object is a generic word', () => {
    expect(owns([['dana', "that thing is Marco's now"]])).toEqual([]);
    expect(owns([['dana', "it's all Lena's"]])).toEqual([]);
  });
});

describe('more forms', () => {
  it.each([
    ['ping Sam for anything deploys', 'SAM owns component:deploys'],
    ['Sam will be looking after the SDK', 'SAM owns component:sdk'],
    ['Lena moves to the rider app full time', 'LENA owns component:rider-app'],
    ['the vendor portal is basically Lena’s baby', 'LENA owns component:vendor-portal'],
    ['the SDK moves to Marco from Monday', 'MARCO owns component:sdk'],
    ['Lena is who you want for anything SSO', 'LENA owns component:sso'],
    ["anything payments-related, Marco's your guy", 'MARCO owns component:payments'],
    ['questions about SSO: Lena', 'LENA owns component:sso'],
    ['Sam is our Kubernetes person', 'SAM owns component:kubernetes'],
    ['Lena runs point on the Orion account', 'LENA owns component:orion-account'],
  ])('reads %j', (text, expected) => {
    expect(owns([['dana', text]])).toContain(expected);
  });

  it('leaves rotas to the on-call facts (extract-schedule.ts), not ownership', () => {
    const out = run([
      ['bot', 'On-call this week: *Priya Nair* (primary) · *Sam Park* (secondary). Page via the alias.'],
      ['lena', 'pager handover: Marco has the pager from Mon 09:00'],
    ]);
    expect(out.facts.filter((fact) => fact.relation === 'owns')).toEqual([]);
    expect(out.facts.map((fact) => fact.relation)).toContain('on_call');
  });

  it('does not let a known one-word name swallow a longer phrase', () => {
    const entities = [{ id: 'component:customer', name: 'customer' }];
    expect(owns([['dana', 'welcome @Sam Park, he runs our customer service desk']], { entities })).toEqual([
      'SAM owns component:customer-service-desk',
    ]);
  });

  it('makes no fact of a plan step at a clock time, or of "that\'s me" answering who signs', () => {
    expect(owns([['dana', 'me on the bridge with Marco from 04:45']])).toEqual([]);
    expect(
      owns(
        [
          ['sam', 'to ship the terminals we need the signed addendum. who signs on your side?'],
          ['dana', "That's me. I'll get it back to you by Friday."],
        ],
        { entities: [{ id: 'component:terminals', name: 'terminals' }] },
      ),
    ).toEqual([]);
  });

  it("reads \"that's X's now\" as the thing the question's possessive holds", () => {
    const input = conversation([
      ['sam', "@marco are Orion's predictions still jumpy? route 4 jumps around since Monday"],
      ['marco', "that's Lena's now :slightly_smiling_face: @lena"],
    ]);
    expect(
      annotateHeuristically(replying(input, 1, 0)).facts.map((fact) => `${fact.subject} ${fact.object}`),
    ).toEqual([`${key('lena')} component:predictions`]);
  });

  it('reads "that\'s me" answering who owns a thing', () => {
    expect(
      owns([
        ['sam', 'who owns the retry worker these days?'],
        ['lena', "that's me"],
      ]),
    ).toEqual(['LENA owns component:retry-worker']);
  });

  it('names one thing once per message', () => {
    expect(
      owns([['dana', 'from Monday Lena owns the ETA engine, so please route ETA stuff to Lena']]),
    ).toEqual(['LENA owns component:eta-engine']);
  });
});

describe('hedges, said anywhere before the claim', () => {
  it.each([
    'I think Marco might own the SMS gateway now?',
    'not 100% sure, but Lena handles the exports queue',
    'afaik Marco runs payroll',
    'last I heard, the vendor portal is with Lena',
  ])('keeps %j hedged and low', (text) => {
    const facts = run([['dana', text]]).facts.filter((fact) => fact.relation === 'owns');
    expect(facts.length).toBeGreaterThan(0);
    for (const fact of facts) {
      expect(fact.hedged).toBe(true);
      expect(fact.confidence).toBeLessThanOrEqual(0.4);
    }
  });
});

describe('"nobody owns it" from someone else', () => {
  const claim: Line = ['lena', 'I think Marco might own the SMS gateway now?'];
  it('retracts the claim it denies', () => {
    const out = run([claim, ['sam', "no, the SMS gateway is nobody's, Marco only rotated the key"]]);
    expect(out.retractions).toEqual([expect.objectContaining({ by: key('sam'), messageId: 'm2' })]);
  });

  it("does not retract on the speaker's own doubt, or when ownership only ended", () => {
    expect(run([claim, ['lena', "or is it nobody's since Bjorn left"]]).retractions).toEqual([]);
    expect(run([claim, ['sam', 'nobody owns the SMS gateway any more']]).retractions).toEqual([]);
  });
});
