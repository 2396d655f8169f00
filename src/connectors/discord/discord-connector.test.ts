import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChannelUpdated } from '../../domain/channel.js';
import type { EventEnvelope } from '../../domain/events.js';
import { MessagePosted, ReactionAdded } from '../../domain/message.js';
import { PersonUpdated } from '../../domain/person.js';
import type { IngestItem } from '../connector.js';
import { discordConnector } from './discord-connector.js';
import { mapDiscordExport } from './discord-export.js';
import { skipNote } from '../../test-support/skip-note.js';

type Json = Record<string, unknown>;

const alice = {
  id: '111',
  name: 'alice',
  discriminator: '0000',
  nickname: 'Alice A',
  color: null,
  isBot: false,
  roles: [],
  avatarUrl: 'https://cdn/a.png',
};
const bob = { id: '222', name: 'bob', discriminator: '4321', nickname: 'bob', isBot: false };
const helper = { id: '999', name: 'HelperBot', discriminator: '0001', nickname: 'HelperBot', isBot: true };

let nextId = 1000;
function message(fields: Json = {}): Json {
  return {
    id: String(nextId++),
    type: 'Default',
    timestamp: '2023-03-01T10:00:00.123+00:00',
    timestampEdited: null,
    callEndedTimestamp: null,
    isPinned: false,
    content: 'hello',
    author: alice,
    attachments: [],
    embeds: [],
    stickers: [],
    reactions: [],
    mentions: [],
    ...fields,
  };
}

function exportOf(messages: unknown, channel: Json = {}, guild: Json = {}): string {
  return JSON.stringify(
    {
      guild: { id: '5000', name: 'Acme', iconUrl: null, ...guild },
      channel: {
        id: '6000',
        type: 'GuildTextChat',
        categoryId: '1',
        category: 'Text',
        name: 'general',
        topic: 'all things',
        ...channel,
      },
      dateRange: { after: null, before: null },
      exportedAt: '2023-04-01T00:00:00+00:00',
      messages,
      messageCount: Array.isArray(messages) ? messages.length : 0,
    },
    null,
    2,
  );
}

function read(text: string, path = '/exports/general.json') {
  const result = mapDiscordExport(text, path);
  const events = result.events ?? [];
  const of = <P>(type: string) => events.filter((event) => event.type === type) as EventEnvelope<P>[];
  return {
    ...result,
    events,
    posted: of<MessagePosted>('message.posted').map((event) => event.payload),
    people: of<PersonUpdated>('person.updated').map((event) => event.payload),
    channels: of<ChannelUpdated>('channel.updated').map((event) => event.payload),
    reactions: of<ReactionAdded>('reaction.added').map((event) => event.payload),
  };
}

async function collect(items: AsyncIterable<IngestItem>): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const SCHEMAS: Record<string, { parse(value: unknown): unknown }> = {
  'channel.updated': ChannelUpdated,
  'person.updated': PersonUpdated,
  'message.posted': MessagePosted,
  'reaction.added': ReactionAdded,
};

const options = { now: new Date('2024-01-01T00:00:00Z'), calendarPastDays: 30, calendarFutureDays: 30 };

describe('discordConnector reading a guild channel', () => {
  it('describes the channel, the people and the messages with Discord keys', () => {
    const { posted, people, channels, problems } = read(
      exportOf([message({ id: '1', content: 'hi @bob see https://example.com/x.', mentions: [bob] })]),
    );
    expect(problems).toEqual([]);
    expect(channels).toEqual([
      {
        key: 'discord:5000:6000',
        source: 'discord',
        workspace: '5000',
        nativeId: '6000',
        name: 'general',
        kind: 'channel',
        members: [],
        topic: 'all things',
      },
    ]);
    expect(people).toEqual([
      {
        key: 'discord:global:111',
        source: 'discord',
        workspace: 'global',
        nativeId: '111',
        names: ['Alice A', 'alice'],
        handles: ['alice'],
        emails: [],
        isBot: false,
      },
      {
        key: 'discord:global:222',
        source: 'discord',
        workspace: 'global',
        nativeId: '222',
        names: ['bob'],
        handles: ['bob', 'bob#4321'],
        emails: [],
        isBot: false,
      },
    ]);
    expect(posted[0]).toMatchObject({
      source: 'discord',
      workspace: '5000',
      channel: '6000',
      id: '1',
      author: 'discord:global:111',
      text: 'hi @bob see https://example.com/x.',
      kind: 'message',
      mentions: ['discord:global:222'],
      links: ['https://example.com/x'],
      thread: null,
      replyTo: null,
      editedAt: null,
      ts: '2023-03-01T10:00:00.123Z',
    });
  });

  it('treats any reference into the same channel as a reply, whatever the message type', () => {
    const { posted } = read(
      exportOf([
        message({ id: '1' }),
        message({
          id: '2',
          type: 'Default',
          reference: { messageId: '1', channelId: '6000', guildId: '5000' },
        }),
        message({
          id: '3',
          type: 'Reply',
          reference: { messageId: '1', channelId: '6000', guildId: '5000' },
        }),
        message({ id: '4', reference: { messageId: '77', channelId: '8888', guildId: '5000' } }),
      ]),
    );
    expect(posted.map((m) => [m.id, m.replyTo])).toEqual([
      ['1', null],
      ['2', '1'],
      ['3', '1'],
      ['4', null],
    ]);
  });

  it('reads any offset and fraction length as UTC, and puts events in time order', () => {
    const { posted, events } = read(
      exportOf([
        message({ id: 'a', timestamp: '2023-03-01T15:30:00.1234567+05:30' }),
        message({ id: 'b', timestamp: '2023-03-01T01:00:00-08:00' }),
        message({ id: 'c', timestamp: '2023-03-01T09:59:59.5+00:00' }),
      ]),
    );
    expect(posted.map((m) => [m.id, m.ts])).toEqual([
      ['b', '2023-03-01T09:00:00.000Z'],
      ['c', '2023-03-01T09:59:59.500Z'],
      ['a', '2023-03-01T10:00:00.123Z'],
    ]);
    const times = events.map((event) => event.occurredAt);
    expect(times).toEqual([...times].sort());
  });

  it('keeps the edit time, files and @everyone', () => {
    const { posted } = read(
      exportOf([
        message({
          content: 'release notes @everyone',
          timestampEdited: '2023-03-01T11:00:00.0000000+01:00',
          attachments: [
            {
              id: '9',
              url: 'https://cdn.discordapp.com/attachments/1/2/notes.pdf',
              fileName: 'notes.pdf',
              fileSizeBytes: 1234,
            },
          ],
        }),
      ]),
    );
    expect(posted[0]).toMatchObject({
      editedAt: '2023-03-01T10:00:00.000Z',
      files: [{ name: 'notes.pdf' }],
      mentionsAll: true,
    });
  });

  it('marks bots, joins, leaves and pins, and describes system messages', () => {
    const { posted, people } = read(
      exportOf([
        message({ id: '1', author: helper, content: 'build green' }),
        message({ id: '2', type: 'GuildMemberJoin', content: '', author: bob }),
        message({
          id: '3',
          type: 'ChannelPinnedMessage',
          content: 'Alice A pinned a message',
          reference: { messageId: '1', channelId: '6000' },
        }),
        message({ id: '4', type: 'ThreadCreated', content: 'deploy plan' }),
        message({
          id: '5',
          type: 'Call',
          content: '',
          timestamp: '2023-03-01T10:00:00.123+00:00',
          callEndedTimestamp: '2023-03-01T10:25:10+00:00',
        }),
        message({ id: '6', type: 'GuildBoostTier1', content: '' }),
      ]),
    );
    expect(posted.map((m) => [m.id, m.kind, m.text])).toEqual([
      ['1', 'bot', 'build green'],
      ['2', 'join', 'joined the server'],
      ['3', 'system', 'pinned a message'],
      ['4', 'system', 'started a thread: deploy plan'],
      ['5', 'system', 'started a call that lasted 25 minutes'],
      ['6', 'system', 'guild boost tier 1'],
    ]);
    expect(posted[2].replyTo).toBe('1');
    expect(people.find((p) => p.nativeId === '999')).toMatchObject({
      isBot: true,
      handles: ['HelperBot', 'HelperBot#0001'],
    });
  });

  it('gives every message of a thread export the thread id', () => {
    const { posted, channels } = read(
      exportOf([message({ id: '1' }), message({ id: '2' })], {
        id: '7000',
        type: 'GuildPublicThread',
        name: 'deploy plan',
        topic: null,
      }),
    );
    expect(posted.map((m) => m.thread)).toEqual(['7000', '7000']);
    expect(channels[0]).toMatchObject({ key: 'discord:5000:7000', kind: 'channel', name: 'deploy plan' });
    expect(channels[0].topic).toBeUndefined();
  });
});

describe('discordConnector reading direct messages', () => {
  it('reads a DM export in the "0" guild with its participants', () => {
    const dm = exportOf(
      [
        message({ id: '1', author: alice }),
        message({
          id: '2',
          author: bob,
          type: 'Reply',
          reference: { messageId: '1', channelId: '6100', guildId: null },
        }),
      ],
      { id: '6100', type: 'DirectTextChat', name: 'bob', topic: null, category: 'Private' },
      { id: '0', name: 'Direct Messages' },
    );
    const { channels, posted } = read(dm);
    expect(channels[0]).toMatchObject({
      key: 'discord:0:6100',
      kind: 'dm',
      members: ['discord:global:111', 'discord:global:222'],
    });
    expect(posted.map((m) => [m.workspace, m.replyTo])).toEqual([
      ['0', null],
      ['0', '1'],
    ]);
  });

  it('reads group DMs, with people added and leaving', () => {
    const group = exportOf(
      [
        message({ id: '1', type: 'RecipientAdd', content: '', author: alice, mentions: [bob] }),
        message({ id: '2', type: 'RecipientRemove', content: '', author: bob, mentions: [bob] }),
        message({ id: '3', type: 'RecipientRemove', content: '', author: alice, mentions: [helper] }),
      ],
      { id: '6200', type: 'DirectGroupTextChat', name: 'alice, bob' },
      { id: '0' },
    );
    const { channels, posted } = read(group);
    expect(channels[0].kind).toBe('group_dm');
    expect(posted.map((m) => [m.kind, m.text])).toEqual([
      ['join', 'added bob to the group'],
      ['leave', 'left the group'],
      ['leave', 'removed HelperBot from the group'],
    ]);
  });
});

describe('discordConnector reactions', () => {
  it('adds one reaction per listed user and warns once about reactions without users', () => {
    const { reactions, problems, people } = read(
      exportOf([
        message({
          id: '1',
          reactions: [
            {
              emoji: { id: '', name: '👍', code: 'thumbsup', isAnimated: false, imageUrl: '' },
              count: 2,
              users: [bob, helper],
            },
            { emoji: { id: '', name: '🎉', code: 'tada' }, count: 3 },
          ],
        }),
        message({
          id: '2',
          reactions: [
            {
              emoji: { id: '42', name: 'partyparrot', code: 'partyparrot', isAnimated: true },
              count: 1,
              users: [],
            },
          ],
        }),
      ]),
    );
    expect(reactions.map((r) => [r.id, r.emoji, r.user])).toEqual([
      ['1', 'thumbsup', 'discord:global:222'],
      ['1', 'thumbsup', 'discord:global:999'],
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        reason: expect.stringMatching(/^2 reaction\(s\) list no users/),
      }),
    ]);
    expect(people.map((p) => p.nativeId).sort()).toEqual(['111', '222', '999']);
  });
});

describe('discordConnector with bad input', () => {
  it('skips a truncated file', () => {
    const text = exportOf([message()]);
    const result = read(text.slice(0, text.length - 40));
    expect(result.events).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: 'skipped-file', reason: expect.stringMatching(/not valid JSON/) }),
    ]);
  });

  it('skips files with the wrong shape or no messages array', () => {
    expect(read('[1,2,3]').problems[0]).toMatchObject({
      severity: 'skipped-file',
      reason: expect.stringMatching(/"guild" and "channel"/),
    });
    expect(read(JSON.stringify({ guild: { id: '1' }, channel: {}, messages: [] })).problems[0].severity).toBe(
      'skipped-file',
    );
    expect(read(exportOf({ not: 'an array' })).problems[0]).toMatchObject({
      severity: 'skipped-file',
      reason: expect.stringMatching(/"messages" array/),
    });
  });

  it('skips bad records by index and ingests the rest', () => {
    const { posted, problems } = read(
      exportOf([
        message({ id: 'ok1' }),
        'oops',
        message({ id: undefined }),
        message({ id: 'bad-time', timestamp: '2023-13-45T99:00:00Z' }),
        message({ id: 'no-author', author: null }),
        message({ id: 'ok2' }),
      ]),
    );
    expect(posted.map((m) => m.id)).toEqual(['ok1', 'ok2']);
    expect(problems.map((p) => [p.severity, p.recordIndex])).toEqual([
      ['skipped-record', 1],
      ['skipped-record', 2],
      ['skipped-record', 3],
      ['skipped-record', 4],
    ]);
    expect(problems[2].reason).toMatch(/bad-time has no readable timestamp/);
  });

  it('skips a message whose content is not text (an array, an object, a number), reads missing or null content as empty', () => {
    const { posted, problems } = read(
      exportOf([
        message({ id: 'ok1' }),
        message({ id: 'listed', content: ['hello', 'world'] }),
        message({ id: 'boxed', content: { text: 'hello' } }),
        message({ id: 'counted', content: 42 }),
        message({ id: 'empty', content: null }),
        message({ id: 'none', content: undefined }),
      ]),
    );
    expect(posted.map((m) => [m.id, m.text])).toEqual([
      ['ok1', expect.any(String)],
      ['empty', ''],
      ['none', ''],
    ]);
    expect(problems.map((p) => [p.severity, p.recordIndex, p.reason])).toEqual([
      ['skipped-record', 1, 'message listed has content that is an array, not text; skipped.'],
      ['skipped-record', 2, 'message boxed has content that is an object, not text; skipped.'],
      ['skipped-record', 3, 'message counted has content that is a number, not text; skipped.'],
    ]);
  });
});

describe('discordConnector as a Connector', () => {
  it('gives the same event ids when the same text is read twice', async () => {
    const text = exportOf([
      message({ id: '1', reactions: [{ emoji: { name: '👍', code: 'thumbsup' }, count: 1, users: [bob] }] }),
      message({ id: '2' }),
    ]);
    const input = {
      format: 'discord-json' as const,
      path: '/x/general.json',
      container: 'file' as const,
      text,
    };
    const first = await collect(discordConnector.read(input, options));
    const second = await collect(discordConnector.read(input, options));
    const ids = (items: IngestItem[]) =>
      items.flatMap((item) => (item.kind === 'batch' ? item.events.map((event) => event.id) : []));
    expect(ids(first)).toHaveLength(6);
    expect(ids(second)).toEqual(ids(first));
    expect(first.filter((item) => item.kind === 'batch')).toHaveLength(1);
    for (const item of first)
      if (item.kind === 'batch')
        for (const event of item.events) expect(() => SCHEMAS[event.type].parse(event.payload)).not.toThrow();
  });

  it('reports a folder input as a skipped file instead of throwing', async () => {
    const items = await collect(
      discordConnector.read(
        { format: 'discord-json', path: '/x', container: 'tree', tree: undefined as never },
        options,
      ),
    );
    expect(items).toEqual([
      { kind: 'problem', problem: expect.objectContaining({ severity: 'skipped-file' }) },
    ]);
  });
});

describe('discordConnector.sniffFile', () => {
  const sniff = (text: string) => discordConnector.sniffFile!(text);

  it('recognises pretty-printed and minified exports from their head', () => {
    const pretty = exportOf([message(), message()]);
    expect(sniff(pretty)).toBe(true);
    expect(sniff(JSON.stringify(JSON.parse(pretty)))).toBe(true);
    expect(sniff(pretty.slice(0, 400))).toBe(true);
  });

  it('rejects Teams, Slack day files and other JSON', () => {
    expect(
      sniff(
        JSON.stringify({
          '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#chats('x')/messages",
          value: [],
        }),
      ),
    ).toBe(false);
    expect(
      sniff(JSON.stringify([{ type: 'message', ts: '1479823429.000012', user: 'U1', text: 'hi' }])),
    ).toBe(false);
    expect(sniff('{"channel": {"id": 1}, "messages": []}')).toBe(false);
    expect(sniff('BEGIN:VCALENDAR')).toBe(false);
  });

  const samples = resolve(process.cwd(), '../shared/datasets/samples/teams-graph/');
  const hasSamples = (() => {
    try {
      return readdirSync(samples).length > 0;
    } catch {
      return false;
    }
  })();
  it.skipIf(!hasSamples)(
    skipNote('does not claim the published Teams samples', !hasSamples, `${samples} is absent or empty`),
    () => {
      for (const name of readdirSync(samples))
        expect(sniff(readFileSync(resolve(samples, name), 'utf8'))).toBe(false);
    },
  );
});
