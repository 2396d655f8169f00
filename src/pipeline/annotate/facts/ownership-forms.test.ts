import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from '../heuristic-annotate.js';
import { conversation } from '../testing/conversation-builder.js';

const triples = (lines: Array<[string, string]>) =>
  annotateHeuristically(conversation(lines)).facts.map(
    (fact) => `${fact.subject.split(':U')[1]} ${fact.relation} ${fact.object}`,
  );

describe('who holds a thing, said as a role, a say or a habit', () => {
  it.each([
    ["lena's the admin on the build server", 'LENA owns component:build-server'],
    ['dana has the final say on pricing', 'DANA owns component:pricing'],
    ["fyi marco's been handling vendor contracts since last week", 'MARCO owns component:vendor-contracts'],
  ])('reads %j', (text, expected) => {
    expect(triples([['sam', text]])).toEqual([expected]);
  });
});

describe('who holds a thing, said after turning it down', () => {
  it.each([
    "I'm not the right person for the ad SDK, that's always been marco",
    'I am not the right person for the ad SDK, that has always been marco',
  ])('reads %j as Marco holding the ad SDK', (text) => {
    expect(
      triples([
        ['dana', 'sam, the ad SDK update is blocking the build, can you look?'],
        ['sam', text],
      ]),
    ).toContain('MARCO owns component:ad-sdk');
  });
});

describe('who knows a thing', () => {
  it.each([
    ['priya is our accessibility nerd, she would know', 'PRIYA expert_in component:accessibility'],
    [
      "ping marco, he's the only one who understands our signing certificates",
      'MARCO expert_in component:signing-certificates',
    ],
    ['marco might know, he touched the billing exporter last', 'MARCO expert_in component:billing-exporter'],
  ])('reads %j', (text, expected) => {
    expect(triples([['lena', text]])).toEqual([expected]);
  });

  it('holds "might know" as a hedge, at low confidence', () => {
    const facts = annotateHeuristically(
      conversation([['lena', 'marco might know, he touched the billing exporter last']]),
    ).facts;
    expect(facts[0]?.confidence).toBeLessThan(0.5);
  });
});

describe('holdings said in passing', () => {
  it.each([
    ['lena knows the map layer better than me honestly', 'LENA expert_in component:map-layer'],
    ['and customer escalations always go to priya first', 'PRIYA owns component:customer-escalations'],
  ])('reads %j', (text, expected) => {
    expect(triples([['marco', text]])).toEqual([expected]);
  });

  it('holds "X might be lena\'s?" as a guess', () => {
    const facts = annotateHeuristically(
      conversation([['sam', "the old reporting database might be lena's? not sure tbh"]]),
    ).facts;
    expect(facts.map((fact) => [fact.subject.split(':U')[1], fact.relation])).toEqual([['LENA', 'owns']]);
    expect(facts[0].confidence).toBeLessThan(0.5);
  });

  it('reads "you do" to "who owns X now?" as the one who asked holding it', () => {
    expect(
      triples([
        ['sam', '@dana who owns the release notes now?'],
        ['dana', 'you do 🙂'],
      ]),
    ).toEqual(['SAM owns component:release-notes']);
  });
});
