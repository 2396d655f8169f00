import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from './heuristic-annotate.js';
import { conversation, key } from './testing/conversation-builder.js';

const run = (lines: Array<[string, string]>, overrides = {}) =>
  annotateHeuristically(conversation(lines, overrides));
const triples = (lines: Array<[string, string]>, overrides = {}) =>
  run(lines, overrides).facts.map((fact) => `${fact.subject.split(':U')[1]} ${fact.relation} ${fact.object}`);

describe('facts', () => {
  it.each([
    ['Priya owns billing', 'PRIYA owns component:billing'],
    ["billing is Priya's baby", 'PRIYA owns component:billing'],
    ['ping Priya for anything billing', 'PRIYA owns component:billing'],
    ['Priya is the go-to for the billing service', 'PRIYA owns component:billing'],
    ['Priya is the point person for billing svc', 'PRIYA owns component:billing'],
    ['Priya maintains the billing service', 'PRIYA owns component:billing'],
    ['the billing service is owned by Priya', 'PRIYA owns component:billing'],
  ])('reads ownership from %j', (text, expected) => {
    expect(triples([['dana', text]])).toEqual([expected]);
  });

  it('reads holders and experts named with a lower-case first name, as chat writes them', () => {
    expect(
      triples([
        ['dana', 'who do I talk to about the tachograph downloads?'],
        ['marco', "that's lena's baby, she does all the card stuff"],
      ]),
    ).toEqual(['LENA owns component:tachograph-downloads']);
    expect(
      triples([['dana', 'for anything touching the plugin API, ping marco, he wrote most of it']]),
    ).toEqual(['MARCO expert_in component:plugin-api']);
    const hedged = run([
      ['marco', 'the old BMS is throwing alarms, who knows that thing?'],
      ['priya', "sam's the one who knows the old BMS config I think"],
    ]).facts;
    expect(hedged.map((fact) => [fact.subject, fact.relation, fact.hedged])).toEqual([
      [key('sam'), 'expert_in', true],
    ]);
    const answered = run([
      ['sam', 'who maintains the docs site these days?'],
      ['lena', 'I think marco still does? he migrated it last year'],
    ]).facts;
    expect(answered.map((fact) => [fact.subject, fact.object, fact.hedged])).toEqual([
      [key('marco'), 'component:docs-site', true],
    ]);
  });

  it('reads "gave that to marco" as the thing asked about passed on, and the asking as no claim', () => {
    const out = run([
      ['sam', 'lena you still manage the Vimeo account right?'],
      ['lena', 'nope, gave that to marco when I moved to VO work'],
    ]);
    expect(out.facts.map((fact) => [fact.subject, fact.object])).toEqual([
      [key('marco'), 'component:vimeo-account'],
    ]);
  });

  it('reads holdings said in passing: taking it over, questions going to someone, been on it, has it now', () => {
    expect(
      triples([
        [
          'priya',
          "heads up: I'm rolling off Revit template maintenance, lena's taking it over starting today",
        ],
      ]),
    ).toEqual(['LENA owns component:revit-template-maintenance']);
    expect(triples([['sam', "GTFS feed questions go to lena now btw, I'm off it as of today"]])).toEqual([
      'LENA owns component:gtfs-feed',
    ]);
    expect(
      triples([
        ['priya', "who's looking after the canning line these days? seamer's leaking again"],
        ['lena', "marco's been on it since sept"],
      ]),
    ).toEqual(['MARCO owns component:canning-line']);
    expect(triples([['dana', 'fyi priya has the distributor accounts now']])).toEqual([
      'PRIYA owns component:distributor-accounts',
    ]);
    expect(triples([['dana', 'Priya asked again this morning. who can take it?']])).toEqual([]);
  });

  it('reads "i think it moved to lena" after "X, is that still marco?" as a hedged holding of X', () => {
    const facts = run([
      ['sam', 'minibar restocking, is that still marco?'],
      ['priya', 'i think it moved to lena when marco went to days? might be wrong'],
    ]).facts;
    expect(facts.map((fact) => [fact.subject, fact.object, fact.hedged])).toEqual([
      [key('lena'), 'component:minibar-restocking', true],
    ]);
  });

  it('reads "priya knows the VDK protocol" as expertise in it', () => {
    expect(triples([['marco', 'I think priya knows the VDK protocol? not 100% sure']])).toEqual([
      'PRIYA expert_in component:vdk',
    ]);
  });

  it("reads a lower-case word that is no one's first name as no person", () => {
    expect(triples([['dana', "that's grace's baby, she does all the card stuff"]])).toEqual([]);
  });

  it('leaves time words out of what is owned', () => {
    expect(triples([['dana', 'Priya, you are the owner of the billing alerts going forward']])).toEqual([
      'PRIYA owns component:billing-alerts',
    ]);
  });

  it('resolves I/me/mine to the speaker and "you" to the addressee', () => {
    expect(triples([['marco', "ok officially: billing's mine now"]])).toEqual([
      'MARCO owns component:billing',
    ]);
    expect(triples([['priya', 'I maintain acme-sdk these days']])).toEqual(['PRIYA owns component:acme-sdk']);
    expect(triples([['marco', "I'll own the retry worker from here"]])).toEqual([
      'MARCO owns component:retry-worker',
    ]);
    expect(triples([['dana', '@Sam Park you own the deploy pipeline so your call']])).toEqual([
      'SAM owns component:deploy-pipeline',
    ]);
  });

  it('dates a handover from its effective day', () => {
    const out = run([
      ['dana', 'team news: Marco is taking over billing from Priya starting Monday (the 16th)'],
    ]);
    expect(out.facts).toEqual([
      expect.objectContaining({
        subject: key('marco'),
        relation: 'owns',
        object: 'component:billing',
        validFrom: '2026-11-15T23:00:00.000Z',
      }),
    ]);
  });

  it('reads works-on and expertise', () => {
    expect(triples([['lena', "Sam's working on the search indexer this week"]])).toEqual([
      'SAM works_on component:search-indexer',
    ]);
    expect(triples([['dana', '@Sam Park you know the billing DB better than anyone']])).toEqual([
      'SAM expert_in component:billing',
    ]);
  });

  it('gives hedged statements low confidence', () => {
    const [fact] = run([['sam', 'I think Lena might own the search indexer?']]).facts;
    expect(fact).toEqual(expect.objectContaining({ subject: key('lena'), hedged: true }));
    expect(fact.confidence).toBeLessThan(0.5);
  });

  it('retracts the corrected fact and asserts the right one', () => {
    const out = run([
      ['sam', 'I think Marco might own the search indexer?'],
      ['lena', "correction: it's Lena, not Marco. the indexer is mine"],
    ]);
    const wrong = out.facts.find((fact) => fact.subject === key('marco'));
    expect(out.retractions).toEqual([{ factId: wrong?.id, by: key('lena'), messageId: 'm2' }]);
    expect(out.facts.filter((fact) => fact.subject === key('lena')).map((fact) => fact.object)).toEqual([
      'component:search-indexer',
    ]);
  });

  it('retracts on "scratch that, it\'s X" and "I meant X, not Y"', () => {
    const scratch = run([
      ['sam', 'Marco owns the search indexer'],
      ['sam', "scratch that, it's Lena. she owns the search indexer"],
    ]);
    expect(scratch.retractions).toEqual([
      expect.objectContaining({
        factId: scratch.facts.find((fact) => fact.subject === key('marco'))?.id,
        messageId: 'm2',
      }),
    ]);
    const meant = run([
      ['sam', 'ping Marco for anything billing'],
      ['sam', 'I meant Priya, not Marco'],
    ]);
    expect(meant.retractions).toHaveLength(1);
    expect(meant.facts.map((fact) => fact.subject)).toEqual([key('marco'), key('priya')]);
  });

  it('does not make facts from lookalikes', () => {
    expect(
      triples([
        ['sam', 'who owns the search indexer?'],
        ['lena', "I'm working on the empty states next"],
        ['marco', 'it owns me at this point lol'],
      ]),
    ).toEqual([]);
  });
});

describe('more fact phrasings', () => {
  it.each([
    ['the billing service owner is Priya', 'PRIYA owns component:billing'],
    ['Priya is our billing lead', 'PRIYA owns component:billing'],
    ['Lena works on the search indexer', 'LENA works_on component:search-indexer'],
    ['Sam is on the search indexer team', 'SAM works_on component:search-indexer'],
  ])('reads %j', (text, expected) => {
    const out = annotateHeuristically(
      conversation([['dana', text]], {
        entities: [{ id: 'component:search-indexer', name: 'search indexer' }],
      }),
    );
    expect(out.facts.map((fact) => `${fact.subject.split(':U')[1]} ${fact.relation} ${fact.object}`)).toEqual(
      [expected],
    );
  });
});
