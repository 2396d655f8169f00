import { afterEach, describe, expect, it } from 'vitest';
import { ChannelUpdated } from '../../domain/channel.js';
import { PersonUpdated } from '../../domain/person.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { slackConnector } from './slack-connector.js';
import {
  baseExport,
  NOW,
  readSlackExport,
  slackMessage,
  slackUser,
  TEAM,
  writeExport,
  type ExportFiles,
} from './test-support/slack-export-fixture.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
function tempDir(): string {
  const temp = makeTempDir('outro-slack-');
  cleanups.push(temp.cleanup);
  return temp.dir;
}
const read = async (files: ExportFiles, as: 'folder' | 'zip' = 'folder') =>
  readSlackExport(await writeExport(tempDir(), files, as));

describe('slack connector: workspace metadata', () => {
  it('publishes every user as a person, display name first, with handle, email and flags', async () => {
    const { people, problems } = await read({
      'users.json': [
        slackUser('U1', 'dana', {
          profile: { display_name: 'Dana', real_name: 'Dana Scully', email: 'dana@fbi.gov', title: 'Agent' },
          real_name: 'Dana Scully',
          tz: 'America/New_York',
        }),
        slackUser('U2', 'fox', {
          profile: { display_name: '', real_name: 'Fox Mulder' },
          real_name: 'Fox Mulder',
          deleted: true,
        }),
        slackUser('B0T', 'deploybot', { is_bot: true }),
        slackUser('A0P', 'app', { is_app_user: true }),
        { id: 'USLACKBOT', name: 'slackbot', real_name: 'Slackbot', profile: {} },
      ],
    });
    expect(problems).toEqual([]);
    for (const person of people) PersonUpdated.parse(person);
    expect(people[0]).toEqual({
      key: `slack:${TEAM}:U1`,
      source: 'slack',
      workspace: TEAM,
      nativeId: 'U1',
      names: ['Dana', 'Dana Scully', 'dana'],
      handles: ['dana'],
      emails: ['dana@fbi.gov'],
      isBot: false,
      title: 'Agent',
      timezone: 'America/New_York',
      deleted: false,
    });
    expect(people[1]).toMatchObject({ names: ['Fox Mulder', 'fox'], emails: [], deleted: true });
    expect(people.map((person) => person.isBot)).toEqual([false, false, true, true, true]);
    expect(people[4].workspace).toBe(TEAM);
  });

  it('dates a person by its profile update time, else by now', async () => {
    const { events } = await read({
      'users.json': [
        slackUser('U1', 'dana', { updated: 1700000000 }),
        slackUser('U2', 'fox', { updated: undefined }),
      ],
    });
    expect(events.map((event) => event.occurredAt)).toEqual(['2023-11-14T22:13:20.000Z', NOW.toISOString()]);
  });

  it('publishes channels, private channels, DMs and group DMs with their kind, members, topic and purpose', async () => {
    const { channels, posted, problems } = await read(
      baseExport({
        'groups.json': [
          {
            id: 'G1',
            name: 'leads',
            created: 1600000100,
            members: ['U1'],
            is_archived: true,
            purpose: { value: 'Secret' },
          },
        ],
        'dms.json': [{ id: 'D1', created: 1600000200, members: ['U1', 'U2'] }],
        'mpims.json': [
          { id: 'G2', name: 'mpdm-dana--fox--walt-1', created: 1600000300, members: ['U1', 'U2', 'U3'] },
        ],
        'general/2024-01-01.json': [slackMessage('1704103200.000100')],
        'leads/2024-01-01.json': [slackMessage('1704103200.000200')],
        'D1/2024-01-01.json': [slackMessage('1704103200.000300')],
        'mpdm-dana--fox--walt-1/2024-01-01.json': [slackMessage('1704103200.000400')],
      }),
    );
    expect(problems).toEqual([]);
    for (const channel of channels) ChannelUpdated.parse(channel);
    expect(channels.map((channel) => [channel.nativeId, channel.kind, channel.name])).toEqual([
      ['C1', 'channel', 'general'],
      ['G1', 'private', 'leads'],
      ['D1', 'dm', 'dana, fox'],
      ['G2', 'group_dm', 'mpdm-dana--fox--walt-1'],
    ]);
    expect(channels[0]).toMatchObject({
      key: `slack:${TEAM}:C1`,
      members: [`slack:${TEAM}:U1`, `slack:${TEAM}:U2`],
      topic: 'Everything',
      archived: false,
    });
    expect(channels[0].purpose).toBeUndefined();
    expect(channels[1]).toMatchObject({ purpose: 'Secret', archived: true });
    // Each folder's messages land in the conversation the metadata names for it.
    expect(posted.map((message) => message.channel).sort()).toEqual(['C1', 'D1', 'G1', 'G2']);
  });

  it('dates a channel by its creation time', async () => {
    const { batches } = await read(baseExport());
    expect(batches.map((batch) => [batch.path.split('/').pop(), batch.events[0].occurredAt])).toEqual([
      ['users.json', '2023-11-14T22:13:20.000Z'],
      ['channels.json', '2020-09-13T12:26:40.000Z'],
    ]);
  });

  it('takes channel ids, names and kinds from folder names when the metadata files are missing', async () => {
    const { channels, posted, batches } = await read({
      'users.json': [slackUser('U1', 'dana')],
      'general/2024-01-01.json': [slackMessage('1704103200.000100')],
      'D0ABCDEF12/2024-01-01.json': [slackMessage('1704103200.000200')],
      'mpdm-dana--fox-1/2024-01-01.json': [slackMessage('1704103200.000300')],
    });
    expect(
      channels.map((channel) => [channel.nativeId, channel.kind, channel.name, channel.members]),
    ).toEqual([
      ['D0ABCDEF12', 'dm', 'D0ABCDEF12', []],
      ['general', 'channel', 'general', []],
      ['mpdm-dana--fox-1', 'group_dm', 'mpdm-dana--fox-1', []],
    ]);
    expect(posted.map((message) => message.channel)).toEqual(['D0ABCDEF12', 'general', 'mpdm-dana--fox-1']);
    expect(batches.find((batch) => batch.path.endsWith('/general'))?.events[0].occurredAt).toBe(
      NOW.toISOString(),
    );
  });

  it('reads an export wrapped in one top-level folder exactly like an unwrapped one', async () => {
    const files = baseExport({
      'general/2024-01-01.json': [slackMessage('1704103200.000100', { text: 'hi <@U2>' })],
    });
    const wrapped = Object.fromEntries(
      Object.entries(files).map(([name, value]) => [`Acme Slack export Jan 1 2024/${name}`, value]),
    );
    const plain = await read(files, 'zip');
    const inFolder = await read(wrapped, 'zip');
    expect(inFolder.problems).toEqual([]);
    expect(inFolder.events).toEqual(plain.events);
    expect(inFolder.batches.map((batch) => batch.path.slice(batch.path.indexOf('export.zip/')))).toEqual([
      'export.zip/Acme Slack export Jan 1 2024/users.json',
      'export.zip/Acme Slack export Jan 1 2024/channels.json',
      'export.zip/Acme Slack export Jan 1 2024/general/2024-01-01.json',
    ]);
  });

  it('gives the same event ids every time it reads the same export', async () => {
    const path = await writeExport(
      tempDir(),
      baseExport({
        'general/2024-01-01.json': [
          slackMessage('1704103200.000100', { reactions: [{ name: '+1', users: ['U2'] }] }),
        ],
      }),
    );
    const first = await readSlackExport(path);
    const second = await readSlackExport(path);
    expect(second.events.map((event) => event.id)).toEqual(first.events.map((event) => event.id));
    expect(new Set(first.events.map((event) => event.id)).size).toBe(first.events.length);
  });

  it('takes the workspace id from users.json, else from messages, else calls it default', async () => {
    const fromMessages = await read({
      'users.json': [slackUser('U1', 'dana', { team_id: undefined, profile: {} })],
      'general/2024-01-01.json': [slackMessage('1704103200.000100', { team: 'T0FROMMSG' })],
    });
    expect(fromMessages.posted[0].workspace).toBe('T0FROMMSG');
    expect(fromMessages.people[0].key).toBe('slack:T0FROMMSG:U1');
    const unnamed = await read({
      'channels.json': [],
      'general/2024-01-01.json': [slackMessage('1704103200.000100')],
    });
    expect(unnamed.posted[0]).toMatchObject({ workspace: 'default', author: 'slack:default:U1' });
  });

  it('recognises export listings and refuses single files', async () => {
    expect(slackConnector.sniffTree?.(['users.json', 'general/2024-01-01.json'])).toBe(true);
    expect(slackConnector.sniffTree?.(['Export/channels.json', 'Export/general/2024-01-01.json'])).toBe(true);
    expect(slackConnector.sniffTree?.(['messages.json'])).toBe(false);
    const items = [];
    for await (const item of slackConnector.read(
      { format: 'slack-export', path: '/x/users.json', container: 'file', text: '[]' },
      { now: NOW, calendarPastDays: 0, calendarFutureDays: 0 },
    ))
      items.push(item);
    expect(items).toEqual([
      {
        kind: 'problem',
        problem: expect.objectContaining({ path: '/x/users.json', severity: 'skipped-file' }),
      },
    ]);
  });
});
