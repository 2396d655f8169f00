import { describe, expect, it } from 'vitest';
import { linkPeople, LINK_CONFIDENCE } from './link-people.js';
import { groupHumans } from './people.js';
import { person } from './test-support/person-record.js';

describe('linkPeople', () => {
  it('links identities that share an email, whatever the case', () => {
    const links = linkPeople([
      person('slack:T1:U1', ['priya'], { emails: ['Priya@Acme.io'] }),
      person('calendar:email:priya@acme.io', ['Priya N.'], { emails: ['priya@acme.io'] }),
    ]);
    expect(links).toEqual([
      {
        a: 'calendar:email:priya@acme.io',
        b: 'slack:T1:U1',
        method: 'email',
        confidence: LINK_CONFIDENCE.email,
        basis: 'priya@acme.io',
      },
    ]);
  });

  it('links an exact full name across sources, but not when the name is ambiguous in one source', () => {
    const links = linkPeople([
      person('slack:T1:U1', ['Marco Rossi']),
      person('teams:aad:g1', ['Marco Rossi']),
      person('slack:T1:U2', ['Sam Lee']),
      person('slack:T1:U3', ['Sam Lee']),
      person('discord:global:9', ['Sam Lee']),
    ]);
    expect(links.map((l) => [l.a, l.b, l.method])).toEqual([['slack:T1:U1', 'teams:aad:g1', 'name']]);
    expect(links[0].confidence).toBe(LINK_CONFIDENCE.fullName);
  });

  it('gives a one-word name match a lower confidence', () => {
    const [link] = linkPeople([person('slack:T1:U1', ['lena']), person('discord:global:5', ['Lena'])]);
    expect(link.confidence).toBe(LINK_CONFIDENCE.firstName);
  });

  it('links config aliases by native id, handle or email', () => {
    const profiles = [
      person('slack:T1:U1', ['Priya Nair'], { emails: ['priya@acme.io'] }),
      person('discord:global:77', ['pj'], { handles: ['pj_dev'] }),
      person('teams:aad:g9', ['P. Nair']),
    ];
    const links = linkPeople(profiles, [
      { name: 'Priya Nair', ids: ['discord:pj_dev', 'teams:g9', 'priya@acme.io'] },
    ]);
    expect(links.every((link) => link.method === 'alias' && link.confidence === 1)).toBe(true);
    const humans = groupHumans(profiles, links);
    expect(humans).toHaveLength(1);
    expect(humans[0]).toMatchObject({
      name: 'Priya Nair',
      keys: ['discord:global:77', 'slack:T1:U1', 'teams:aad:g9'],
    });
  });

  it('never links bots', () => {
    expect(
      linkPeople([
        person('slack:T1:B1', ['CI Bot'], { isBot: true }),
        person('discord:global:1', ['CI Bot'], { isBot: true }),
      ]),
    ).toEqual([]);
  });

  it('is deterministic', () => {
    const profiles = [
      person('slack:T1:U1', ['Ana Diaz'], { emails: ['ana@x.io'] }),
      person('teams:aad:1', ['Ana Diaz']),
      person('calendar:email:ana@x.io', ['Ana'], { emails: ['ana@x.io'] }),
    ];
    expect(linkPeople(profiles)).toEqual(linkPeople([...profiles].reverse()));
  });
});

describe('groupHumans', () => {
  it('ignores links under the confidence floor and records the weakest link', () => {
    const profiles = [
      person('slack:T1:U1', ['Ana Diaz']),
      person('teams:aad:1', ['Ana Diaz']),
      person('discord:global:1', ['ana']),
    ];
    const humans = groupHumans(profiles, [
      { a: 'slack:T1:U1', b: 'teams:aad:1', method: 'name', confidence: 0.85, basis: 'ana diaz' },
      { a: 'discord:global:1', b: 'slack:T1:U1', method: 'name', confidence: 0.5, basis: 'ana' },
    ]);
    expect(humans.map((h) => h.keys)).toEqual([['discord:global:1'], ['slack:T1:U1', 'teams:aad:1']]);
    expect(humans[1].confidence).toBe(0.85);
  });
});
