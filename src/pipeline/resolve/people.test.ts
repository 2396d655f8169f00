import { describe, expect, it } from 'vitest';
import type { PersonLinked, PersonUpdated } from '../../domain/person.js';
import { groupHumans } from './people.js';
import { person } from './test-support/person-record.js';

const link = (a: string, b: string, method: PersonLinked['method'], confidence: number): PersonLinked => ({
  a,
  b,
  method,
  confidence,
  basis: 'test',
});
const keysOf = (profiles: PersonUpdated[], links: PersonLinked[]) =>
  groupHumans(profiles, links).map((human) => human.keys);

describe('groupHumans', () => {
  const profiles = [
    person('slack:T1:U1', ['Alex Kim']),
    person('slack:T1:U2', ['Alex Moreno']),
    person('discord:global:d1', ['Alex']),
  ];

  it('never joins two accounts of one chat workspace by a name link, whatever the order: the stronger link wins', () => {
    const links = [
      link('discord:global:d1', 'slack:T1:U2', 'firstName', 0.6),
      link('discord:global:d1', 'slack:T1:U1', 'handle', 0.75),
    ];
    expect(keysOf(profiles, links)).toEqual([['discord:global:d1', 'slack:T1:U1'], ['slack:T1:U2']]);
    expect(keysOf(profiles, [...links].reverse())).toEqual([
      ['discord:global:d1', 'slack:T1:U1'],
      ['slack:T1:U2'],
    ]);
  });

  it('lets an alias or a shared email join two accounts of one workspace', () => {
    expect(keysOf(profiles, [link('slack:T1:U1', 'slack:T1:U2', 'alias', 1)])).toEqual([
      ['discord:global:d1'],
      ['slack:T1:U1', 'slack:T1:U2'],
    ]);
    expect(keysOf(profiles, [link('slack:T1:U1', 'slack:T1:U2', 'email', 0.97)])).toEqual([
      ['discord:global:d1'],
      ['slack:T1:U1', 'slack:T1:U2'],
    ]);
  });

  it('keeps identities a notSame veto separates apart, even through a third identity or an alias', () => {
    const links = [
      link('discord:global:d1', 'slack:T1:U1', 'notSame', 0),
      link('discord:global:d1', 'teams:aad:t1', 'name', 0.85),
      link('slack:T1:U1', 'teams:aad:t1', 'alias', 1),
    ];
    const withTeams = [...profiles, person('teams:aad:t1', ['Alex Kim'])];
    expect(keysOf(withTeams, links)).toEqual([
      ['discord:global:d1'],
      ['slack:T1:U1', 'teams:aad:t1'],
      ['slack:T1:U2'],
    ]);
  });

  it('records the weakest link a human needs, not a redundant weaker one', () => {
    const three = [
      person('slack:T1:U1', ['Ana Diaz']),
      person('teams:aad:1', ['Ana Diaz']),
      person('calendar:email:ana@x.io', ['Ana']),
    ];
    const links = [
      link('slack:T1:U1', 'teams:aad:1', 'name', 0.85),
      link('calendar:email:ana@x.io', 'slack:T1:U1', 'email', 0.97),
      link('calendar:email:ana@x.io', 'teams:aad:1', 'firstName', 0.6),
    ];
    expect(groupHumans(three, links)[0].confidence).toBe(0.85);
  });
});
