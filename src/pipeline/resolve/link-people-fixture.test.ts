import { describe, expect, it } from 'vitest';
import { personLinked } from '../../domain/event-builders.js';
import { linkPeople } from './link-people.js';
import { groupHumans } from './people.js';
import { MULTI_SOURCE } from './test-support/multi-source-people.js';

/**
 * The multi-source fixture: 35 identities of 15 humans (and two bots). Linking by email and exact
 * name alone (before name forms) found 32 humans; the Discord "Alex | Acme" with an opaque handle
 * must stay apart (two Alexes), so 16 is the best the names allow.
 */
const profiles = MULTI_SOURCE.map((entry) => entry.profile);
const truth = new Map(MULTI_SOURCE.map((entry) => [entry.profile.key, entry.truth]));

describe('linkPeople on a multi-source workspace', () => {
  const links = linkPeople(profiles);
  const humans = groupHumans(profiles, links).filter((human) => !human.isBot);

  it('finds 16 humans for 15, with no false merge', () => {
    const falseMerges = humans.filter((human) => new Set(human.keys.map((key) => truth.get(key))).size > 1);
    expect(falseMerges).toEqual([]);
    expect(humans).toHaveLength(16);
    const apart = humans.filter((human) => human.keys.length === 1).map((human) => human.keys[0]);
    expect(apart).toEqual(['discord:global:d09', 'discord:global:d14', 'slack:T1:U09', 'slack:T1:U11']);
  });

  it('names each human by its full name', () => {
    const named = (key: string) => humans.find((human) => human.keys.includes(key))?.name;
    expect(
      [
        'discord:global:d01',
        'discord:global:d02',
        'discord:global:d03',
        'discord:global:d04',
        'discord:global:d08',
      ].map(named),
    ).toEqual(['Teresa Okoro', 'Lou Ferreira', 'Maria Delgado', 'Ines Carvalho', 'Hana Kobayashi']);
  });

  it('gives the same links, and the same link event ids, whatever the order of the profiles', () => {
    const again = linkPeople([...profiles].reverse());
    expect(again).toEqual(links);
    const ids = (list: typeof links) => list.map((link) => personLinked(link, '2026-01-01T00:00:00.000Z').id);
    expect(ids(again)).toEqual(ids(links));
  });
});
