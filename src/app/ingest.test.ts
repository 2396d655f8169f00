import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  baseExport,
  slackMessage,
  writeExport,
} from '../connectors/slack/test-support/slack-export-fixture.js';
import { CONNECTORS } from '../connectors/registry.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { PeopleDirectory } from '../answers/people/people-directory.js';
import { messagePosted, personUpdated } from '../domain/event-builders.js';
import type { MessagePosted } from '../domain/message.js';
import type { PersonUpdated } from '../domain/person.js';
import { allLinks, latestProfiles } from '../memory/people-queries.js';
import { ingestPaths, linkAcrossSources } from './ingest.js';
import { openStore, type Store } from './store.js';

describe('ingestPaths naming what it read', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: Store;
  beforeEach(() => {
    temp = makeTempDir('outro-ingest-names-');
    store = openStore(join(temp.dir, 'outro.db'));
  });
  afterEach(() => {
    store.close();
    temp.cleanup();
  });

  const options = {
    connectors: CONNECTORS,
    connectorOptions: { now: new Date('2026-03-01T12:00:00Z'), calendarPastDays: 30, calendarFutureDays: 90 },
  };

  it('reads a folder at its absolute path and names it, what is inside it and its problems as the user typed it', async () => {
    const work = join(temp.dir, 'work');
    await writeExport(
      join(work, 'acme'),
      baseExport({ 'general/2026-02-27.json': [slackMessage('1772193600.000100')] }),
    );
    mkdirSync(join(work, 'teams'));
    writeFileSync(join(work, 'teams', 'broken.json'), '{"value": [');
    const summary = await ingestPaths(
      store,
      [
        { path: work, shown: 'work' },
        { path: join(temp.dir, 'gone.json'), shown: '../gone.json' },
      ],
      options,
    );
    expect(summary.paths).toEqual(['work', '../gone.json']);
    expect(summary.inputs).toEqual([{ path: 'work/acme', format: 'slack-export' }]);
    expect(summary.problems.map((problem) => [problem.path, problem.reason.slice(0, 40)])).toEqual([
      ['work/teams/broken.json', 'work/teams/broken.json is not a format o'],
      ['../gone.json', '../gone.json does not exist or cannot be'],
    ]);
    // The store remembers the run and its problems by the same names (`outro status` shows them).
    expect(store.ingest.lastRun()?.paths).toEqual(['work', '../gone.json']);
    expect(store.ingest.problems(summary.runId).map((problem) => problem.path)).toEqual([
      'work/teams/broken.json',
      '../gone.json',
    ]);
  });
});

describe('linkAcrossSources and self-introductions', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: Store;
  beforeEach(() => {
    temp = makeTempDir('outro-ingest-intro-');
    store = openStore(join(temp.dir, 'outro.db'));
  });
  afterEach(() => {
    store.close();
    temp.cleanup();
  });

  const at = '2026-03-01T12:00:00.000Z';
  const profile = (key: string, names: string[], extra: Partial<PersonUpdated> = {}): PersonUpdated => {
    const [source, workspace, nativeId] = key.split(':');
    return {
      key,
      source: source === 'discord' ? 'discord' : 'slack',
      workspace,
      nativeId,
      names,
      handles: [],
      emails: [],
      isBot: false,
      ...extra,
    };
  };
  const said = (id: string, author: string, text: string, kind: MessagePosted['kind'] = 'message') =>
    messagePosted({
      source: 'discord',
      workspace: 'global',
      channel: 'c1',
      id,
      thread: null,
      replyTo: null,
      author,
      text,
      kind,
      mentions: [],
      editedAt: null,
      ts: at,
    });
  const leila = profile('slack:T1:U7', ['Leila Moreau'], { emails: ['leila@brightwater.io'] });
  const dana = profile('slack:T1:U8', ['Dana Whitfield'], { emails: ['dana@brightwater.io'] });
  const opaque = profile('discord:global:9', ['x9k'], { handles: ['x9k'] });
  const grouped = (): string[][] =>
    new PeopleDirectory(latestProfiles(store.db), allLinks(store.db)).humans.map((human) => human.keys);

  it('joins the author of "I\'m Leila from Brightwater" to Leila, as an introduction link every command sees', () => {
    store.log.appendAll([
      ...[leila, dana, opaque].map((person) => personUpdated(person, at)),
      said('1', 'discord:global:9', 'Hi all, I’m Leila from Brightwater — ping me about the rollout'),
    ]);
    expect(linkAcrossSources(store, [], new Date(at))).toBe(1);
    expect(allLinks(store.db)).toEqual([
      expect.objectContaining({ a: 'discord:global:9', b: 'slack:T1:U7', method: 'introduction' }),
    ]);
    expect(grouped()).toContainEqual(['discord:global:9', 'slack:T1:U7']);
    // Already in the log: a second ingest adds nothing.
    expect(linkAcrossSources(store, [], new Date(at))).toBe(0);
  });

  it('links nobody from a message that introduces no one, or from a bot post, or across a config exclude', () => {
    store.log.appendAll([
      ...[leila, dana, opaque].map((person) => personUpdated(person, at)),
      said('1', 'discord:global:9', 'I think Leila here is right about the rollout'),
      said('2', 'discord:global:9', 'Leila here — deploy finished', 'bot'),
    ]);
    expect(linkAcrossSources(store, [], new Date(at))).toBe(0);
    store.log.appendAll([said('3', 'discord:global:9', 'Leila here, from the Brightwater side')]);
    expect(
      linkAcrossSources(
        store,
        [{ name: 'Leila Moreau', ids: ['slack:U7'], exclude: ['discord:9'] }],
        new Date(at),
      ),
    ).toBe(1);
    expect(allLinks(store.db).map((link) => link.method)).toEqual(['notSame']);
    expect(grouped()).toContainEqual(['discord:global:9']);
  });
});
