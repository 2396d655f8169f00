import { describe, expect, it } from 'vitest';
import type { PersonLinked, PersonUpdated } from '../../domain/person.js';
import { LINK_CONFIDENCE } from './link-confidence.js';
import { linkPeople } from './link-people.js';
import { groupHumans } from './people.js';
import { person } from './test-support/person-record.js';

const discord = (id: string, nickname: string | undefined, handle: string): PersonUpdated =>
  person(`discord:global:${id}`, nickname === undefined ? [handle] : [nickname, handle], {
    handles: [handle],
  });
const tess = person('slack:T1:U1', ['Tess', 'Teresa Okoro', 'tess.okoro'], {
  handles: ['tess.okoro'],
  emails: ['tess@acme.io'],
});

/** The identities grouped into humans (several members only), as sorted key lists. */
const groups = (profiles: PersonUpdated[], links: PersonLinked[] = linkPeople(profiles)): string[][] =>
  groupHumans(profiles, links)
    .filter((human) => human.keys.length > 1)
    .map((human) => human.keys);
const linkOf = (links: PersonLinked[], a: string, b: string) =>
  links.find((link) => [link.a, link.b].sort().join() === [a, b].sort().join());

describe('linkPeople: full names once decoration is undone', () => {
  it('links "Okoro, Teresa", `Teresa "Tess" Okoro` and accents to the same core name', () => {
    const profiles = [
      tess,
      person('teams:aad:t1', ['Okoro, Teresa']),
      person('calendar:email:x@y.io', ['Inês Carvalho'], { emails: ['x@y.io'] }),
      person('teams:aad:t2', ['Carvalho, Ines']),
    ];
    const links = linkPeople(profiles);
    expect(linkOf(links, 'slack:T1:U1', 'teams:aad:t1')).toMatchObject({
      method: 'coreName',
      confidence: LINK_CONFIDENCE.coreName,
      basis: 'teresa okoro',
    });
    expect(linkOf(links, 'calendar:email:x@y.io', 'teams:aad:t2')).toMatchObject({
      method: 'coreName',
      basis: 'ines carvalho',
    });
  });

  it('links a full name whose first name is a nickname the other human is known by', () => {
    const profiles = [tess, person('teams:aad:t1', ['Tess Okoro (External)'])];
    expect(linkOf(linkPeople(profiles), 'slack:T1:U1', 'teams:aad:t1')).toMatchObject({
      method: 'nickname',
      confidence: LINK_CONFIDENCE.nickname,
      basis: 'teresa okoro ~ tess okoro',
    });
    const quoted = [person('slack:T1:U2', ['Lou Ferreira']), person('teams:aad:t2', ['Luís "Lou" Ferreira'])];
    expect(linkOf(linkPeople(quoted), 'slack:T1:U2', 'teams:aad:t2')?.method).toBe('nickname');
  });
});

describe('linkPeople: handles that spell a name', () => {
  it.each([
    ['tokoro', 'Teresa Okoro', LINK_CONFIDENCE.handleFull],
    ['leilamoreau', 'Leila Moreau', LINK_CONFIDENCE.handleFull],
    ['yunli_dev', 'Yun Li', LINK_CONFIDENCE.handleFull],
    ['mdelgado.cvt', 'Maria Delgado', LINK_CONFIDENCE.handleFull],
    ['hana.k', 'Hana Kobayashi', LINK_CONFIDENCE.handleInitial],
  ])('links Discord %s to %s', (handle, name, confidence) => {
    const links = linkPeople([person('slack:T1:U1', [name]), discord('d1', undefined, handle)]);
    expect(links).toEqual([
      expect.objectContaining({ a: 'discord:global:d1', b: 'slack:T1:U1', method: 'handle', confidence }),
    ]);
  });

  it('links nobody when the handle spells two humans', () => {
    const profiles = [
      person('slack:T1:U1', ['Teresa Okoro']),
      person('slack:T1:U2', ['Tomas Okoro']),
      discord('d1', undefined, 'tokoro'),
    ];
    expect(linkPeople(profiles)).toEqual([]);
  });

  it('lets a nickname tell two humans a handle spells apart', () => {
    const profiles = [
      person('slack:T1:U1', ['Teresa Okoro']),
      person('slack:T1:U2', ['Tomas Okoro']),
      discord('d1', 'Tomas', 'tokoro'),
    ];
    expect(groups(profiles)).toEqual([['discord:global:d1', 'slack:T1:U2']]);
  });
});

describe('linkPeople: one-word names', () => {
  it('links a decorated one-word name to the one human of that first name, higher when the org matches', () => {
    const links = linkPeople([
      tess,
      discord('d1', 'Tess | Acme', 'tess_o'),
      person('teams:aad:t1', ['Tess | Berlin']),
    ]);
    expect(linkOf(links, 'discord:global:d1', 'slack:T1:U1')).toMatchObject({
      method: 'firstName',
      confidence: LINK_CONFIDENCE.firstNameBacked,
      basis: 'tess (acme)',
    });
    // "Berlin" is no org anyone else names: it neither backs nor blocks the link.
    expect(linkOf(links, 'slack:T1:U1', 'teams:aad:t1')).toMatchObject({
      method: 'firstName',
      confidence: LINK_CONFIDENCE.firstName,
    });
  });

  it('backs "Priya K" by the surname initial', () => {
    const links = linkPeople([
      person('slack:T1:U1', ['Priya Kumar']),
      person('slack:T1:U2', ['Priya Nair']),
      discord('d1', 'Priya K', 'pk_77'),
    ]);
    expect(links).toEqual([
      expect.objectContaining({
        a: 'discord:global:d1',
        b: 'slack:T1:U1',
        method: 'firstName',
        confidence: LINK_CONFIDENCE.firstNameBacked,
      }),
    ]);
  });

  it('links one-word namesakes when no human with a surname has that name and each source has one', () => {
    const links = linkPeople([person('slack:T1:U1', ['lena']), person('discord:global:5', ['Lena'])]);
    expect(links).toEqual([
      expect.objectContaining({ method: 'firstName', confidence: LINK_CONFIDENCE.firstName }),
    ]);
  });

  it('does not link across a known org that differs', () => {
    const profiles = [
      person('slack:T1:U1', ['Maria Delgado'], { emails: ['maria@acme.io'] }),
      person('calendar:email:bo@cedarvalley.com', ['Bo Lind'], { emails: ['bo@cedarvalley.com'] }),
      discord('d1', 'Maria @ Cedar Valley', 'mariacv'),
    ];
    expect(linkPeople(profiles)).toEqual([]);
  });
});

describe('linkPeople never merges two humans', () => {
  it('leaves a one-word "Alex" apart when two humans are called Alex', () => {
    const profiles = [
      person('slack:T1:U1', ['Alex', 'Alex Kim'], { emails: ['alex.kim@acme.io'] }),
      person('slack:T1:U2', ['Alex', 'Alex Moreno'], { emails: ['alex.moreno@acme.io'] }),
      discord('d1', 'Alex | Acme', 'lexi99'),
      person('teams:aad:t1', ['Alex']),
    ];
    expect(linkPeople(profiles)).toEqual([]);
  });

  it('keeps Sam Lee and Sam Li apart', () => {
    const profiles = [
      person('slack:T1:U1', ['Sam Lee', 'sam'], { handles: ['sam'] }),
      person('teams:aad:t1', ['Sam Li (Guest)']),
      discord('d1', 'Sam L', 'sam_l'),
      discord('d2', undefined, 'slee'),
    ];
    expect(groups(profiles)).toEqual([]);
  });

  it('links nobody by a first name two people share', () => {
    const profiles = [
      tess,
      person('slack:T1:U2', ['Tess Brown']),
      discord('d1', 'Tess | Acme', 'tb_42'),
      person('teams:aad:t1', ['Tess']),
    ];
    expect(linkPeople(profiles).filter((link) => link.method === 'firstName')).toEqual([]);
  });

  it('links nobody to an org-only name', () => {
    const profiles = [
      discord('d1', 'Support | Acme', 'acme_support'),
      person('slack:T1:U1', ['Support', 'support'], { handles: ['support'] }),
      person('teams:aad:t1', ['Support | Acme']),
    ];
    expect(linkPeople(profiles)).toEqual([]);
  });

  it('never links two accounts of one workspace by name', () => {
    const profiles = [
      person('slack:T1:U1', ['Tess Okoro']),
      person('slack:T1:U2', ['Teresa "Tess" Okoro']),
      discord('d1', 'Tess', 'tokoro'),
      discord('d2', 'Tess', 'tess_o'),
    ];
    expect(groups(profiles)).toEqual([]);
  });

  it('links nobody when two accounts of one workspace point at the same human', () => {
    expect(linkPeople([tess, discord('d1', 'Tess | Acme', 'xq_1'), discord('d2', 'Tess', 'zz_2')])).toEqual(
      [],
    );
  });

  it('never links bots', () => {
    expect(
      linkPeople([
        person('slack:T1:B1', ['Jira'], { isBot: true }),
        person('discord:global:1', ['Jira'], { isBot: true }),
        person('teams:aad:1', ['Jira Bot'], { isBot: true }),
      ]),
    ).toEqual([]);
  });
});

describe('config exclude', () => {
  const profiles = [
    person('slack:T1:U123', ['Lou', 'Lou Ferreira']),
    discord('d1', 'Lou (Acme Support)', 'lou_acme'),
  ];

  it('vetoes a link the names would make, and groupHumans keeps the two apart', () => {
    expect(groups(profiles)).toEqual([['discord:global:d1', 'slack:T1:U123']]);
    const links = linkPeople(profiles, [
      { name: 'Lou at Acme support', ids: ['discord:lou_acme'], exclude: ['slack:U123'] },
    ]);
    expect(links).toEqual([
      {
        a: 'discord:global:d1',
        b: 'slack:T1:U123',
        method: 'notSame',
        confidence: 0,
        basis: 'Lou at Acme support',
      },
    ]);
    expect(groups(profiles, links)).toEqual([]);
  });

  it('wins over an alias and over links already in the log', () => {
    const stale = linkPeople(profiles);
    const links = linkPeople(profiles, [
      { name: 'Lou', ids: ['discord:lou_acme', 'slack:U123'], exclude: ['slack:U123'] },
    ]);
    expect(links.map((link) => link.method)).toEqual(['notSame']);
    expect(groups(profiles, [...stale, ...links])).toEqual([]);
  });
});

describe('determinism', () => {
  it('gives the same links in the same order whatever the order of the profiles', () => {
    const profiles = [
      tess,
      discord('d1', 'Tess | Acme', 'tokoro'),
      person('teams:aad:t1', ['Okoro, Teresa']),
      person('slack:T1:U2', ['Lou Ferreira']),
      discord('d2', 'Lou', 'lou_acme'),
    ];
    expect(linkPeople([...profiles].reverse())).toEqual(linkPeople(profiles));
  });
});
