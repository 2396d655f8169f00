import { openGraphStore } from '../../memory/graph/open-graph.js';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENT, makeEvent } from '../../domain/events.js';
import type { PersonLinked } from '../../domain/person.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { openAskSources } from '../ask/open-sources.js';
import { composeBrief } from '../brief/build-brief.js';
import { openTestStore, person } from '../brief/test-support/brief-builders.js';
import type { PeopleDirectory } from './people-directory.js';

/**
 * The brief and ask read people through their own entry points (composeBrief, openAskSources);
 * both must see the same humans under the same names, whatever links the log holds.
 */
const NOW = new Date('2026-11-20T08:30:00.000Z');
const K = {
  priyaSlack: 'slack:T1:U1',
  priyaDiscord: 'discord:G1:D1',
  tomSlack: 'slack:T1:U2',
  tomTeams: 'teams:aad:t2',
  lenaSlack: 'slack:T1:U3',
  lenaDiscord: 'discord:G1:D3',
};

function link(a: string, b: string, method: PersonLinked['method'], confidence: number, basis: string) {
  return makeEvent<PersonLinked>({
    id: `link:${a}|${b}`,
    type: EVENT.personLinked,
    stream: `link:${a}|${b}`,
    occurredAt: '2026-11-01T00:00:00.000Z',
    payload: { a, b, method, confidence, basis },
  });
}

let temp: ReturnType<typeof makeTempDir>;
let store: ReturnType<typeof openTestStore>;

beforeEach(() => {
  temp = makeTempDir('outro-people-');
  store = openTestStore(join(temp.dir, 'outro.db'));
  store.log.appendAll([
    person('slack', 'T1', 'U1', ['Priya', 'Priya Nair'], { handles: ['priya'], emails: ['priya@acme.io'] }),
    person('discord', 'G1', 'D1', ['pj_dev'], { handles: ['pj_dev'] }),
    person('slack', 'T1', 'U2', ['Tom Hughes'], { handles: ['tom'] }),
    person('teams', 'aad', 't2', ['Hughes, Tom']),
    person('slack', 'T1', 'U3', ['Lena'], { handles: ['lena.s'] }),
    person('discord', 'G1', 'D3', ['Lena'], { handles: ['lena_d'] }),
    link(K.priyaDiscord, K.priyaSlack, 'alias', 1, 'Priya Nair'),
    link(K.tomSlack, K.tomTeams, 'name', 0.85, 'tom hughes'),
    // Under the floor: a guess nobody should act on, in the brief or in ask.
    link(K.lenaDiscord, K.lenaSlack, 'name', 0.5, 'lena'),
  ]);
});
afterEach(() => {
  store.close();
  temp.cleanup();
});

const grouping = (people: PeopleDirectory): string[][] =>
  [...new Set(Object.values(K).map((key) => people.human(key).keys.join(' ')))]
    .sort()
    .map((keys) => keys.split(' '));

describe('brief and ask', () => {
  it('group the same identities into the same humans, under the same names, leaving a low-confidence link apart', async () => {
    const briefPeople = composeBrief(store, { me: 'pj_dev', now: NOW, timezone: 'UTC' }).context.people;
    const { sources, close } = await openAskSources({
      db: store.db,
      openGraph: () => openGraphStore(join(temp.dir, 'graph')),
      me: ['pj_dev'],
      now: NOW,
    });
    try {
      const expected = [
        [K.priyaDiscord, K.priyaSlack],
        [K.lenaDiscord],
        [K.tomSlack, K.tomTeams],
        [K.lenaSlack],
      ];
      expect(grouping(briefPeople)).toEqual(expected);
      expect(grouping(sources.people)).toEqual(expected);
      for (const key of Object.values(K)) expect(sources.people.human(key)).toEqual(briefPeople.human(key));
      expect(Object.values(K).map((key) => sources.people.name(key))).toEqual([
        'Priya Nair',
        'Priya Nair',
        'Tom Hughes',
        'Tom Hughes',
        'Lena',
        'Lena',
      ]);
    } finally {
      await close();
    }
  });

  it('resolve the reader to the same keys, and not across a low-confidence link', async () => {
    const { sources, close } = await openAskSources({
      db: store.db,
      openGraph: () => openGraphStore(join(temp.dir, 'graph')),
      me: [],
      now: NOW,
    });
    try {
      for (const me of ['pj_dev', 'priya@acme.io', 'lena.s', 'lena_d']) {
        expect(composeBrief(store, { me, now: NOW, timezone: 'UTC' }).brief.reader.keys).toEqual(
          sources.people.keysOf([me]),
        );
      }
      expect(sources.people.keysOf(['lena.s'])).toEqual([K.lenaSlack]);
    } finally {
      await close();
    }
  });
});
