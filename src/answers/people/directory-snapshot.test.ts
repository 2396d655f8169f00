import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { personLinked, personUpdated } from '../../domain/event-builders.js';
import type { PersonUpdated } from '../../domain/person.js';
import { EventLog } from '../../memory/event-log.js';
import { MIGRATIONS } from '../../memory/migrations/index.js';
import { openDatabase, type SqliteDatabase } from '../../memory/sqlite.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { peopleNames } from '../ask/retrieval/people-names.js';
import { loadPeopleDirectory } from './directory-snapshot.js';
import type { PeopleDirectory } from './people-directory.js';

function profile(id: string, names: string[], handles: string[] = [], emails: string[] = []): PersonUpdated {
  return {
    key: `slack:W:${id}`,
    source: 'slack',
    workspace: 'W',
    nativeId: id,
    names,
    handles,
    emails,
    isBot: false,
  };
}

const AT = '2026-10-01T09:00:00.000Z';

/** What a reader sees of a directory: every lookup the commands make. */
function seen(directory: PeopleDirectory, texts: string[]): unknown {
  const names = peopleNames(directory);
  return {
    humans: directory.humans,
    found: texts.map((text) => directory.find(text)?.id ?? null),
    chat: texts.map((text) => names.resolve(text) ?? null),
    inText: names.inText('Priya and @sokafor said Nair approved it'),
    identities: directory.humans.map((human) => directory.identities(human)),
    links: directory.humans.map((human) => directory.linksOf(human)),
    reader: directory.findReader(['Sam Lee']),
    hint: directory.unmatchedHint(['Prya']),
  };
}

const TEXTS = [
  'Priya',
  'priya nair',
  '@pj_dev',
  'Sam',
  'Okafor',
  'sokafor',
  'slee',
  'nobody',
  'priya@acme.io',
];

describe('loadPeopleDirectory', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: SqliteDatabase;
  let log: EventLog;

  beforeEach(() => {
    temp = makeTempDir('outro-people-snapshot-');
    db = openDatabase(join(temp.dir, 'outro.db'), { migrations: MIGRATIONS });
    log = new EventLog(db);
    log.appendAll([
      personUpdated(profile('U1', ['Priya', 'Priya Nair'], ['priya'], ['priya@acme.io']), AT),
      personUpdated(profile('D1', ['pj_dev'], ['pj_dev']), AT),
      personUpdated(profile('U2', ['Sam O.', 'Sam Okafor'], ['sokafor']), AT),
      personUpdated(profile('U3', ['Sam Lee'], ['slee']), AT),
      personLinked({ a: 'slack:W:U1', b: 'slack:W:D1', method: 'alias', confidence: 1, basis: 'config' }, AT),
    ]);
  });

  afterEach(() => {
    db.close();
    temp.cleanup();
  });

  it('reads a directory back from the kept snapshot that answers as the one built from the log', () => {
    const built = loadPeopleDirectory(db);
    const kept = db.prepare('SELECT count(*) AS n FROM people_snapshot').get() as { n: number };
    expect(kept.n).toBe(1);
    const read = loadPeopleDirectory(db);
    expect(read.keptChatNames()).toBeDefined();
    expect(built.keptChatNames()).toBeUndefined();
    expect(seen(read, TEXTS)).toEqual(seen(built, TEXTS));
    expect(read.find('Okafor')?.name).toBe('Sam Okafor');
  });

  it('builds the directory again once a person event comes after the snapshot', () => {
    loadPeopleDirectory(db);
    log.appendAll([personUpdated(profile('U4', ['Wen Zhou'], ['wen']), AT)]);
    const after = loadPeopleDirectory(db);
    expect(after.keptChatNames()).toBeUndefined();
    expect(after.find('Wen')?.id).toBe('slack:W:U4');
    expect(loadPeopleDirectory(db).find('Wen')?.id).toBe('slack:W:U4');
  });

  it('still finds names when another reader replaces the snapshot it was read from', () => {
    loadPeopleDirectory(db);
    const read = loadPeopleDirectory(db);
    const expected = seen(loadPeopleDirectory(db), TEXTS);
    // Another reader keeps a newer directory: the rows this one looks names up in are gone.
    log.appendAll([personUpdated(profile('U4', ['Wen Zhou'], ['wen']), AT)]);
    loadPeopleDirectory(db);
    expect(seen(read, TEXTS)).toEqual(expected);
    expect(read.find('Wen')).toBeUndefined();
  });

  it('builds without keeping anything on a store opened read only', () => {
    db.close();
    db = openDatabase(join(temp.dir, 'outro.db'), { migrations: MIGRATIONS, readonly: true });
    expect(loadPeopleDirectory(db).find('Priya')?.id).toBe('slack:W:D1');
    const kept = db.prepare('SELECT count(*) AS n FROM people_snapshot').get() as { n: number };
    expect(kept.n).toBe(0);
  });
});
