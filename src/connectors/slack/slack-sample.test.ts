import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { openZipTree } from '../tree.js';
import { readSlackExport } from './test-support/slack-export-fixture.js';
import { skipNote } from '../../test-support/skip-note.js';

const SAMPLE = resolve(process.cwd(), '../shared/datasets/samples/slack/testarchive.zip');
const missing = !existsSync(SAMPLE);
if (missing) console.warn(`skipping the Slack sample tests: ${SAMPLE} is not there`);

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** Unzips with the same tree reader the connector uses, into a fresh temp folder. */
async function unzip(file: string): Promise<string> {
  const temp = makeTempDir('outro-slack-sample-');
  cleanups.push(temp.cleanup);
  const tree = await openZipTree(file);
  try {
    for (const entry of tree.list()) {
      const target = join(temp.dir, 'testarchive', ...entry.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, await tree.read(entry));
    }
  } finally {
    await tree.close();
  }
  return join(temp.dir, 'testarchive');
}

const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length;

describe.skipIf(missing)(
  skipNote(
    'slack connector on the real sample export (testarchive.zip)',
    missing,
    `${SAMPLE} is absent (the shared datasets are not checked out beside the repo)`,
  ),
  () => {
    it('reads every message, user, channel, bot, file share, edit and reaction it holds', async () => {
      const result = await readSlackExport(SAMPLE);
      expect(result.problems).toEqual([]);
      // Counted by reading the JSON files: 2 channels, 17 day files, 158 messages.
      expect(
        result.channels.map((channel) => [channel.nativeId, channel.name, channel.members.length]),
      ).toEqual([
        ['C0JGLMMNX', 'enrique', 4],
        ['C0JL6CGQ2', 'traveling-sailor', 4],
      ]);
      expect(result.batches).toHaveLength(2 + 17);
      expect(result.posted).toHaveLength(158);
      expect(count(result.posted, (message) => message.channel === 'C0JGLMMNX')).toBe(102);
      expect(count(result.posted, (message) => message.kind === 'join')).toBe(8);
      expect(count(result.posted, (message) => message.kind === 'bot')).toBe(94);
      expect(count(result.posted, (message) => message.kind === 'system')).toBe(3);
      expect(count(result.posted, (message) => message.kind === 'message')).toBe(53);
      expect(count(result.posted, (message) => (message.files?.length ?? 0) > 0)).toBe(4);
      expect(count(result.posted, (message) => message.editedAt !== null)).toBe(1);
      expect(result.reactions.map((event) => [event.payload.emoji, event.payload.user])).toEqual([
        ['botman', 'slack:T0BMHLSRH:U0BMYT2FL'],
      ]);
      expect(result.deleted).toEqual([]);
      const users = result.people.filter((person) => !person.isBot);
      const bots = result.people.filter((person) => person.isBot);
      expect(users.map((person) => person.names[0]).sort()).toEqual([
        'abilinski',
        'doubledeez',
        'hamza',
        'heroeshannibal',
      ]);
      expect(bots.map((person) => [person.nativeId, person.names])).toEqual([
        ['B0JL6RASU', ['github']],
        ['B0VJZKVHC', ['github']],
        ['B0JL6UFSL', ['github']],
      ]);
      expect(new Set(result.posted.map((message) => message.workspace))).toEqual(new Set(['T0BMHLSRH']));
    });

    it('renders bot attachments and mentions as readable text', async () => {
      const { posted } = await readSlackExport(SAMPLE);
      expect(posted.find((message) => message.id === '1452837352.000006')?.text).toBe(
        '@abilinski: Created an issue for a setup.py so that it can be installed to a standard place',
      );
      const commit = posted.find((message) => message.id === '1454892394.000004');
      expect(commit?.text).toBe(
        '[enrique:master] 1 new commit by Anthony Bilinski:\ned1acbe (https://github.com/mesos-magellan/enrique/commit/ed1acbe9837b5ddf91e93606b604df3c2b4e128f): executor with simulated annealing rough draft - Anthony Bilinski',
      );
      expect(commit?.author).toBe('slack:T0BMHLSRH:B0JL6RASU');
    });

    it('gives identical events for the zip and the same files unzipped', async () => {
      const fromZip = await readSlackExport(SAMPLE);
      const fromFolder = await readSlackExport(await unzip(SAMPLE));
      expect(fromFolder.problems).toEqual([]);
      expect(fromFolder.events).toEqual(fromZip.events);
    });
  },
);
