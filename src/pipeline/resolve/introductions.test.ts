import { describe, expect, it } from 'vitest';
import { linksFromIntroductions, readIntroduction } from './introductions.js';
import { LINK_CONFIDENCE } from './link-confidence.js';
import { linkPeople } from './link-people.js';
import { person } from './test-support/person-record.js';

const said = (author: string, text: string) => ({ author, text, kind: 'message' as const });

describe('readIntroduction', () => {
  it.each([
    ["Lou here — I've taken over invoicing from Dana", { name: 'Lou', phrase: 'Lou here' }],
    [
      'Hi all, I’m Leila from Brightwater',
      { name: 'Leila', org: 'Brightwater', phrase: 'I’m Leila from Brightwater' },
    ],
    [
      'hey! this is Maria Delgado at Cedar Valley. Quick question',
      { name: 'Maria Delgado', org: 'Cedar Valley', phrase: 'this is Maria Delgado at Cedar Valley' },
    ],
    ["It's Yun, back from leave", { name: 'Yun', phrase: "It's Yun" }],
  ])('reads %s', (text, expected) => {
    expect(readIntroduction(text)).toEqual(expected);
  });

  it.each([
    "This is Dana's doc",
    'This is Dana, our new PM',
    'Is Dana here?',
    "I'm Sorry, late again",
    'I think Lou here is right',
    'lou here',
  ])('reads no introduction in %s', (text) => {
    expect(readIntroduction(text)).toBeUndefined();
  });
});

describe('linksFromIntroductions', () => {
  const leila = person('slack:T1:U7', ['Leila Moreau'], { emails: ['leila@brightwater.io'] });
  const dana = person('slack:T1:U8', ['Dana Whitfield'], { emails: ['dana@brightwater.io'] });
  const opaque = person('discord:global:9', ['x9k'], { handles: ['x9k'] });

  it('links the author to the one human the introduction names, at no more than the introduction confidence', () => {
    const links = linksFromIntroductions(
      [said('discord:global:9', 'Hi all, I’m Leila from Brightwater — ping me about the rollout')],
      [leila, dana, opaque],
    );
    expect(links).toEqual([
      {
        a: 'discord:global:9',
        b: 'slack:T1:U7',
        method: 'introduction',
        confidence: LINK_CONFIDENCE.introduction,
        basis: 'I’m Leila from Brightwater',
      },
    ]);
  });

  it('links nobody when the introduced name does not fit what the author is called, or names two humans', () => {
    const lou = person('discord:global:3', ['Lou (Acme Support)', 'lou_acme'], { handles: ['lou_acme'] });
    expect(linksFromIntroductions([said('discord:global:3', "I'm Leila")], [leila, dana, lou])).toEqual([]);
    const leila2 = person('teams:aad:n2', ['Leila Saleh']);
    expect(linksFromIntroductions([said('discord:global:9', "I'm Leila")], [leila, leila2, opaque])).toEqual(
      [],
    );
  });

  it('links nobody when one author introduces themselves as two different humans', () => {
    expect(
      linksFromIntroductions(
        [said('discord:global:9', "I'm Leila"), said('discord:global:9', 'Dana here.')],
        [leila, dana, opaque],
      ),
    ).toEqual([]);
  });

  it('adds nothing for an author already linked, and honours the links it is given', () => {
    const lou = [
      person('slack:T1:U2', ['Lou Ferreira']),
      person('discord:global:3', ['Lou (Acme Support)', 'lou_acme'], { handles: ['lou_acme'] }),
    ];
    expect(
      linksFromIntroductions(
        [said('discord:global:3', "Lou here — I've taken over invoicing from Dana")],
        lou,
        linkPeople(lou),
      ),
    ).toEqual([]);
    const vetoed = linkPeople(lou, [{ name: 'Lou', ids: ['discord:lou_acme'], exclude: ['slack:U2'] }]);
    expect(linksFromIntroductions([said('discord:global:3', 'Lou here')], lou, vetoed)).toEqual([]);
  });
});
