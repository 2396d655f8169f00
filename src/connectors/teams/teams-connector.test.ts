import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChannelUpdated } from '../../domain/channel.js';
import type { EventEnvelope } from '../../domain/events.js';
import { MessageDeleted, MessagePosted, ReactionAdded } from '../../domain/message.js';
import { PersonUpdated } from '../../domain/person.js';
import type { IngestItem } from '../connector.js';
import { discordConnector } from '../discord/discord-connector.js';
import { teamsConnector } from './teams-connector.js';
import { skipNote } from '../../test-support/skip-note.js';
import { mapTeamsExport } from './teams-export.js';

type Json = Record<string, unknown>;

const CHAT = '19:8b081ef6-4792-4def-b2c9-c363a1bf41d5_5031bb31-22c0-4f6f-9f73-91d34ab2b32d@unq.gbl.spaces';
const user = (id: string, displayName: string | null) => ({
  application: null,
  device: null,
  user: { id, displayName, userIdentityType: 'aadUser' },
});
const app = (id: string, displayName: string) => ({
  application: { id, displayName, applicationIdentityType: 'bot' },
  device: null,
  user: null,
});
const alex = user('u-alex', 'Alex Lee');
const sam = user('u-sam', 'Sam Roe');

let clock = Date.parse('2024-05-01T09:00:00Z');
function chatMessage(fields: Json = {}): Json {
  clock += 60_000;
  const at = new Date(clock).toISOString();
  return {
    id: String(clock),
    replyToId: null,
    etag: String(clock),
    messageType: 'message',
    createdDateTime: at,
    lastModifiedDateTime: at,
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: null,
    chatId: CHAT,
    channelIdentity: null,
    importance: 'normal',
    from: alex,
    body: { contentType: 'text', content: 'hello' },
    attachments: [],
    mentions: [],
    reactions: [],
    eventDetail: null,
    ...fields,
  };
}

const listOf = (value: unknown[], extra: Json = {}) =>
  JSON.stringify({
    '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#chats('${encodeURIComponent(CHAT)}')/messages`,
    value,
    ...extra,
  });

function read(text: string, path = '/exports/teams.json') {
  const result = mapTeamsExport(text, path);
  const events = result.events ?? [];
  const of = <P>(type: string) => events.filter((event) => event.type === type) as EventEnvelope<P>[];
  return {
    ...result,
    events,
    posted: of<MessagePosted>('message.posted').map((event) => event.payload),
    deleted: of<MessageDeleted>('message.deleted'),
    people: of<PersonUpdated>('person.updated').map((event) => event.payload),
    channels: of<ChannelUpdated>('channel.updated').map((event) => event.payload),
    reactions: of<ReactionAdded>('reaction.added'),
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
  'message.deleted': MessageDeleted,
  'reaction.added': ReactionAdded,
};

const options = { now: new Date('2024-06-01T00:00:00Z'), calendarPastDays: 30, calendarFutureDays: 30 };
const samples = resolve(process.cwd(), '../shared/datasets/samples/teams-graph/');
const channelSample = resolve(samples, 'graph-docs__channel-list-messages__v1.0-example-response.json');
const chatSample = resolve(samples, 'graph-docs__chat-list-messages__v1.0-example1-response.json');

describe('teamsConnector on the published Graph samples', () => {
  it.skipIf(!existsSync(channelSample))(
    skipNote(
      'reads the channel sample: messages, resolved mentions, entities and the reaction',
      !existsSync(channelSample),
      `${channelSample} is absent (the shared datasets are not checked out beside the repo)`,
    ),
    () => {
      const { posted, people, channels, reactions, problems } = read(
        readFileSync(channelSample, 'utf8'),
        channelSample,
      );
      expect(problems).toEqual([]);
      expect(channels).toEqual([
        expect.objectContaining({
          key: 'teams:303d2c1c-f1c5-40ce-b68e-544343d7f42b:19:fec4b0f2825d4c8c82abc09027a64184@thread.skype',
          kind: 'channel',
          name: 'fec4b0f2825d4c8c82abc09027a64184',
          members: [],
        }),
      ]);
      expect(posted.map((m) => [m.id, m.text, m.mentions])).toEqual([
        [
          '1548100547534',
          'Just a reminder to everyone to please update your monthly reports by this Friday!',
          [],
        ],
        [
          '1548100551644',
          "I've added an Excel tab to the channel containing the P&L Summary. @Isaiah Langer and team, please review the Sale Summary tab in particular, and make any necessary updates.",
          ['teams:aad:b525e831-bd00-45e5-860c-a4329ef5f5d8'],
        ],
        [
          '1555375673184',
          'Nice to join this team. @Megan Bowen, have we got the March report ready please?',
          ['teams:aad:5d8d505c-864f-4804-88c7-4583c966cde8'],
        ],
      ]);
      expect(
        posted.every((m) => m.kind === 'message' && m.thread === null && m.author.startsWith('teams:aad:')),
      ).toBe(true);
      expect(people.map((p) => p.names[0]).sort()).toEqual([
        'Adele Vance',
        'Isaiah Langer',
        'Megan Bowen',
        'Miriam Graham',
      ]);
      expect(reactions.map((r) => [r.occurredAt, r.payload.id, r.payload.emoji, r.payload.user])).toEqual([
        [
          '2019-01-21T19:55:51.893Z',
          '1548100551644',
          'like',
          'teams:aad:e1ecb745-c10f-40af-a9d4-cab946c80ac7',
        ],
      ]);
    },
  );

  it.skipIf(!existsSync(chatSample))(
    skipNote(
      'reports the malformed createdDateTime of the chat sample and keeps the message',
      !existsSync(chatSample),
      `${chatSample} is absent (the shared datasets are not checked out beside the repo)`,
    ),
    () => {
      const { posted, channels, problems } = read(readFileSync(chatSample, 'utf8'), chatSample);
      expect(problems).toEqual([
        expect.objectContaining({ severity: 'warning', reason: expect.stringMatching(/@odata\.nextLink/) }),
        {
          path: chatSample,
          severity: 'warning',
          recordIndex: 2,
          reason: expect.stringMatching(
            /createdDateTime "2021-03-1706:47:05.123Z" is malformed; read it as 2021-03-17T06:47:05.123Z/,
          ),
        },
      ]);
      expect(posted.map((m) => [m.id, m.ts, m.kind, m.text])).toEqual([
        [
          '1615943825123',
          '2021-03-17T06:47:05.123Z',
          'system',
          'Someone renamed the chat to "Graph Members"',
        ],
        ['1615971548136', '2021-03-17T08:59:08.136Z', 'message', '[image]'],
        ['1616964509832', '2021-03-28T20:48:29.832Z', 'message', 'Hello world'],
      ]);
      expect(posted[0].author).toBe('teams:aad:1fb8890f-423e-4154-8fbf-db6809bc8756');
      expect(channels).toEqual([
        expect.objectContaining({
          key: 'teams:chats:19:2da4c29f6d7041eca70b638b43d45437@thread.v2',
          name: 'Graph Members',
          kind: 'group_dm',
          members: ['teams:aad:8ea0e38b-efb3-4757-924a-5f94061cf8c2'],
        }),
      ]);
    },
  );

  it.skipIf(!existsSync(samples))(
    skipNote(
      'is sniffed as Teams and not as Discord, and reads the same ids twice',
      !existsSync(samples),
      `${samples} is absent (the shared datasets are not checked out beside the repo)`,
    ),
    async () => {
      for (const name of readdirSync(samples)) {
        const text = readFileSync(resolve(samples, name), 'utf8');
        expect(teamsConnector.sniffFile!(text.slice(0, 64 * 1024))).toBe(true);
        expect(discordConnector.sniffFile!(text)).toBe(false);
        const input = { format: 'teams-graph-json' as const, path: name, container: 'file' as const, text };
        const ids = (items: IngestItem[]) =>
          items.flatMap((item) => (item.kind === 'batch' ? item.events.map((event) => event.id) : []));
        const first = ids(await collect(teamsConnector.read(input, options)));
        expect(first.length).toBeGreaterThan(3);
        for (const event of mapTeamsExport(text, name).events ?? [])
          expect(() => SCHEMAS[event.type].parse(event.payload)).not.toThrow();
        expect(ids(await collect(teamsConnector.read(input, options)))).toEqual(first);
      }
    },
  );
});

describe('teamsConnector threads and replies', () => {
  it('threads replies under their root, and the root under itself only when it has replies', () => {
    const root = chatMessage({
      id: 'root',
      chatId: undefined,
      channelIdentity: { teamId: 'team-1', channelId: '19:general@thread.tacv2' },
      subject: 'Q3 plan',
    });
    const reply = chatMessage({
      id: 'r1',
      replyToId: 'root',
      chatId: undefined,
      channelIdentity: { teamId: 'team-1', channelId: '19:general@thread.tacv2' },
    });
    const lonely = chatMessage({
      id: 'solo',
      chatId: undefined,
      channelIdentity: { teamId: 'team-1', channelId: '19:general@thread.tacv2' },
    });
    const { posted, channels } = read(JSON.stringify([root, reply, lonely]));
    expect(posted.map((m) => [m.id, m.thread, m.replyTo, m.workspace])).toEqual([
      ['root', 'root', null, 'team-1'],
      ['r1', 'root', 'root', 'team-1'],
      ['solo', null, null, 'team-1'],
    ]);
    expect(posted[0].text).toBe('Q3 plan\nhello');
    expect(channels[0]).toMatchObject({
      key: 'teams:team-1:19:general@thread.tacv2',
      kind: 'channel',
      name: 'general',
    });
  });

  it('turns a quoted reply into "> quoted text" and a reply to the quoted message', () => {
    const quote = {
      id: '1700000000001',
      contentType: 'messageReference',
      contentUrl: null,
      content: JSON.stringify({
        messageId: '1700000000001',
        messagePreview: 'can you &amp; Kim review?',
        messageSender: { user: { id: 'u-sam', displayName: 'Sam Roe' } },
      }),
      name: null,
    };
    const { posted } = read(
      listOf([
        chatMessage({
          body: {
            contentType: 'html',
            content: '<attachment id="1700000000001"></attachment><p>Sure, today</p>',
          },
          attachments: [quote],
        }),
      ]),
    );
    expect(posted[0]).toMatchObject({
      text: '> can you & Kim review?\nSure, today',
      replyTo: '1700000000001',
      thread: null,
    });
  });
});

describe('teamsConnector message bodies', () => {
  it('reads channel reply quotes written as a schema.skype.com/Reply blockquote', () => {
    const html =
      '<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="1616964509832"><strong itemprop="mri" itemid="8:orgid:u-sam">Sam Roe</strong><span itemprop="time" itemid="1616964509832">3/28/2021 8:48 PM</span><p itemprop="preview">Is the deploy done?</p></blockquote><p>Yes, at 9</p>';
    const { posted } = read(listOf([chatMessage({ body: { contentType: 'html', content: html } })]));
    expect(posted[0]).toMatchObject({ text: '> Is the deploy done?\nYes, at 9', replyTo: '1616964509832' });
  });

  it('renders <at> mentions with the person from mentions[], joins split names, and decodes entities', () => {
    const mentions = [
      { id: 0, mentionText: 'Sam', mentioned: sam },
      { id: 1, mentionText: 'Roe', mentioned: sam },
      { id: 2, mentionText: 'Designers', mentioned: { tag: { id: 'tag-1', displayName: 'Designers' } } },
      {
        id: 3,
        mentionText: 'General',
        mentioned: {
          conversation: {
            id: '19:general@thread.tacv2',
            displayName: 'General',
            conversationIdentityType: 'channel',
          },
        },
      },
    ];
    const html =
      '<p><at id="0">Sam</at>&nbsp;<at id="1">Roe</at> &amp; <at id="2">Designers</a></at>: ship it &#8212; see <a href="https://wiki.test/q3?x=1&amp;y=2">Q3 plan</a> &#x1F680;</p><p><at id="3">General</at> FYI</p>';
    const { posted, people } = read(
      listOf([chatMessage({ body: { contentType: 'html', content: html }, mentions })]),
    );
    expect(posted[0]).toMatchObject({
      text: '@Sam Roe & @Designers: ship it — see Q3 plan (https://wiki.test/q3?x=1&y=2) 🚀\n@General FYI',
      mentions: ['teams:aad:u-sam'],
      mentionsAll: true,
      links: ['https://wiki.test/q3?x=1&y=2'],
    });
    expect(people.map((p) => p.key).sort()).toEqual(['teams:aad:u-alex', 'teams:aad:u-sam']);
  });

  it('lists file attachments and keeps the edit time', () => {
    const file = {
      id: 'f1',
      contentType: 'reference',
      contentUrl: 'https://contoso.sharepoint.com/sites/x/Shared%20Documents/Budget%202024.xlsx',
      content: null,
      name: null,
    };
    const { posted } = read(
      listOf([
        chatMessage({
          attachments: [file],
          body: { contentType: 'html', content: '<p>numbers <attachment id="f1"></attachment></p>' },
          lastEditedDateTime: '2024-05-01T10:00:00.5Z',
        }),
      ]),
    );
    expect(posted[0]).toMatchObject({
      text: 'numbers',
      files: [{ name: 'Budget 2024.xlsx' }],
      editedAt: '2024-05-01T10:00:00.500Z',
    });
  });

  it('marks application senders as bots and keeps their card text', () => {
    const card = {
      id: 'c1',
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: JSON.stringify({
        type: 'AdaptiveCard',
        body: [
          { type: 'TextBlock', text: 'Build 42 failed' },
          { type: 'TextBlock', text: 'main branch' },
        ],
      }),
    };
    const { posted, people } = read(
      listOf([
        chatMessage({
          from: app('app-ci', 'CI Bot'),
          body: { contentType: 'html', content: '<attachment id="c1"></attachment>' },
          attachments: [card],
        }),
      ]),
    );
    expect(posted[0]).toMatchObject({
      author: 'teams:app:app-ci',
      kind: 'bot',
      text: 'Build 42 failed\nmain branch',
    });
    expect(people).toEqual([
      expect.objectContaining({ key: 'teams:app:app-ci', workspace: 'app', names: ['CI Bot'], isBot: true }),
    ]);
  });

  it('adds reactions by reactor, with unicode reaction types, and skips typing indicators', () => {
    const reactions = [
      { reactionType: '👍', displayName: 'Like', createdDateTime: '2024-05-02T08:00:00Z', user: sam },
      { reactionType: 'heart', createdDateTime: null, user: { user: null, application: null } },
    ];
    const {
      posted,
      reactions: added,
      problems,
    } = read(
      listOf([chatMessage({ id: 'm1', reactions }), chatMessage({ id: 't1', messageType: 'typing' })]),
    );
    expect(posted.map((m) => m.id)).toEqual(['m1']);
    expect(added.map((r) => [r.payload.emoji, r.payload.user, r.occurredAt])).toEqual([
      ['👍', 'teams:aad:u-sam', '2024-05-02T08:00:00.000Z'],
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', reason: expect.stringMatching(/^1 reaction\(s\)/) }),
    ]);
  });
});

describe('teamsConnector system events and deletions', () => {
  it('describes system events from eventDetail, with names learned elsewhere in the file', () => {
    const added = chatMessage({
      id: 'e1',
      messageType: 'systemEventMessage',
      from: null,
      body: { contentType: 'html', content: '<systemEventMessage/>' },
      eventDetail: {
        '@odata.type': '#microsoft.graph.membersAddedEventMessageDetail',
        members: [
          { id: 'u-sam', displayName: 'Sam Roe' },
          { id: 'u-kim', displayName: 'Kim Ode' },
        ],
        initiator: user('u-alex', null),
      },
    });
    const call = chatMessage({
      id: 'e2',
      messageType: 'systemEventMessage',
      from: null,
      eventDetail: {
        '@odata.type': '#microsoft.graph.callEndedEventMessageDetail',
        callDuration: 'PT12M3S',
        initiator: alex,
      },
    });
    const left = chatMessage({
      id: 'e3',
      messageType: 'chatEvent',
      from: null,
      eventDetail: {
        '@odata.type': '#microsoft.graph.membersLeftEventMessageDetail',
        members: [{ id: 'u-kim', displayName: null }],
      },
    });
    const other = chatMessage({
      id: 'e4',
      messageType: 'systemEventMessage',
      from: null,
      eventDetail: { '@odata.type': '#microsoft.graph.teamJoiningDisabledEventMessageDetail' },
    });
    const group = (message: Json) => ({ ...message, chatId: '19:5e4b7c@thread.v2' });
    const { posted, channels } = read(
      JSON.stringify([added, call, left, other, chatMessage({ id: 'm1' })].map(group)),
    );
    expect(posted.map((m) => [m.id, m.kind, m.author, m.text])).toEqual([
      ['e1', 'join', 'teams:aad:u-alex', 'Alex Lee added Sam Roe and Kim Ode'],
      ['e2', 'system', 'teams:aad:u-alex', 'call ended after 12 minutes'],
      ['e3', 'leave', 'teams:system:unknown', 'Kim Ode left'],
      ['e4', 'system', 'teams:system:unknown', 'team joining disabled'],
      ['m1', 'message', 'teams:aad:u-alex', 'hello'],
    ]);
    expect(channels[0]).toMatchObject({
      kind: 'group_dm',
      name: 'Alex Lee, Kim Ode, Sam Roe',
      members: ['teams:aad:u-sam', 'teams:aad:u-kim', 'teams:aad:u-alex'],
    });
  });

  it('emits only message.deleted for a deleted message with an empty body, and both when a body remains', () => {
    const gone = chatMessage({
      id: 'd1',
      deletedDateTime: '2024-05-03T12:00:00Z',
      body: { contentType: 'html', content: '' },
    });
    const kept = chatMessage({
      id: 'd2',
      deletedDateTime: '2024-05-03T13:00:00Z',
      body: { contentType: 'text', content: 'oops' },
    });
    const { posted, deleted, events } = read(listOf([gone, kept]));
    expect(posted.map((m) => m.id)).toEqual(['d2']);
    expect(deleted.map((e) => [e.payload.id, e.payload.deletedAt, e.occurredAt])).toEqual([
      ['d1', '2024-05-03T12:00:00.000Z', '2024-05-03T12:00:00.000Z'],
      ['d2', '2024-05-03T13:00:00.000Z', '2024-05-03T13:00:00.000Z'],
    ]);
    const times = events.map((event) => event.occurredAt);
    expect(times).toEqual([...times].sort());
  });
});

describe('teamsConnector finding the conversation', () => {
  const bare = (fields: Json = {}) =>
    chatMessage({ chatId: undefined, channelIdentity: undefined, ...fields });

  it('reads plain arrays, and judges chat kinds from the chat id', () => {
    const meeting = '19:meeting_NjY4ZTk2@thread.v2';
    const { channels } = read(JSON.stringify([chatMessage(), chatMessage({ chatId: meeting })]));
    expect(channels.map((c) => [c.key, c.kind])).toEqual([
      [`teams:chats:${CHAT}`, 'dm'],
      [`teams:chats:${meeting}`, 'meeting_chat'],
    ]);
  });

  it('falls back to the channel named by @odata.context, URL-decoded', () => {
    const context =
      "https://graph.microsoft.com/v1.0/$metadata#teams('team-9')/channels('19%3Aabc%40thread.tacv2')/messages";
    const { posted, problems } = read(JSON.stringify({ '@odata.context': context, value: [bare()] }));
    expect(problems).toEqual([]);
    expect(posted[0]).toMatchObject({ workspace: 'team-9', channel: '19:abc@thread.tacv2' });
  });

  it('falls back to the file name with a warning when nothing names the conversation', () => {
    const people = [alex, sam, user('u-kim', 'Kim Ode')];
    const { posted, channels, problems } = read(
      JSON.stringify(people.map((from) => bare({ from }))),
      '/exports/standup-chat.json',
    );
    expect(posted.map((m) => m.channel)).toEqual(['standup-chat', 'standup-chat', 'standup-chat']);
    expect(channels[0]).toMatchObject({ key: 'teams:file:standup-chat', kind: 'group_dm' });
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        reason: expect.stringMatching(/filed under "standup-chat"/),
      }),
    ]);
  });
});

describe('teamsConnector with bad input', () => {
  it('falls back to lastModifiedDateTime, and skips messages with no time at all', () => {
    const { posted, problems } = read(
      listOf([
        chatMessage({ id: 'a', createdDateTime: 'yesterday', lastModifiedDateTime: '2024-05-01T10:00:00Z' }),
        chatMessage({ id: 'b', createdDateTime: null, lastModifiedDateTime: 'never' }),
        chatMessage({ id: 'c', createdDateTime: '2024-05-01T11:00:00Z' }),
      ]),
    );
    expect(posted.map((m) => [m.id, m.ts.slice(0, 16)])).toEqual([
      ['a', '2024-05-01T10:00'],
      ['c', '2024-05-01T11:00'],
    ]);
    expect(problems.map((p) => [p.severity, p.recordIndex])).toEqual([
      ['warning', 0],
      ['skipped-record', 1],
    ]);
    expect(problems[0].reason).toMatch(/used lastModifiedDateTime/);
  });

  it('skips bad records by index and ingests the rest', () => {
    const { posted, problems } = read(listOf([42, chatMessage({ id: null }), chatMessage({ id: 'ok' })]));
    expect(posted.map((m) => m.id)).toEqual(['ok']);
    expect(problems.map((p) => [p.severity, p.recordIndex])).toEqual([
      ['skipped-record', 0],
      ['skipped-record', 1],
    ]);
  });

  it('skips truncated files and files of another shape', () => {
    const text = listOf([chatMessage()]);
    expect(read(text.slice(0, -30)).problems).toEqual([
      expect.objectContaining({ severity: 'skipped-file', reason: expect.stringMatching(/not valid JSON/) }),
    ]);
    expect(read('{"value": {"id": 1}}')).toMatchObject({
      events: [],
      problems: [expect.objectContaining({ severity: 'skipped-file' })],
    });
    expect(read('"just a string"').problems[0].severity).toBe('skipped-file');
  });
});

describe('teamsConnector.sniffFile', () => {
  const sniff = (text: string) => teamsConnector.sniffFile!(text);

  it('recognises list responses, plain arrays and empty message pages', () => {
    expect(sniff(listOf([chatMessage()]))).toBe(true);
    expect(sniff(JSON.stringify([chatMessage()], null, 2))).toBe(true);
    expect(
      sniff(
        JSON.stringify({
          '@odata.context': "https://graph.microsoft.com/beta/$metadata#chats('x')/messages",
          value: [],
        }),
      ),
    ).toBe(true);
    expect(
      sniff(
        JSON.stringify({
          value: [{ id: '1', createdDateTime: '2024-01-01T00:00:00Z', body: { content: 'x' }, from: alex }],
        }),
      ),
    ).toBe(true);
  });

  it('rejects Discord exports, Slack day files and other JSON', () => {
    const discord = JSON.stringify({
      guild: { id: '1' },
      channel: { id: '2' },
      messages: [{ id: '3', timestamp: '2024-01-01T00:00:00Z', content: 'createdDateTime messageType' }],
    });
    expect(sniff(discord)).toBe(false);
    expect(
      sniff(
        JSON.stringify([
          { type: 'message', ts: '1479823429.000012', user: 'U1', text: 'hi', createdDateTime: 'x' },
        ]),
      ),
    ).toBe(false);
    expect(
      sniff(
        JSON.stringify({
          '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users',
          value: [{ id: 'u', displayName: 'A' }],
        }),
      ),
    ).toBe(false);
    expect(sniff('BEGIN:VCALENDAR')).toBe(false);
    expect(discordConnector.sniffFile!(listOf([chatMessage()]))).toBe(false);
  });
});

describe('teamsConnector naming team channels', () => {
  const TEAM = '8d3e5f1a-7c2b-4e9d-a16f-0b4c9e2d7a53';
  const CHANNEL = '19:7f3c1a9e5b2d4c8e9a0f6b1d3e5c7a9b@thread.tacv2';
  const channelMessages = JSON.stringify({
    '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#teams('${TEAM}')/channels('${encodeURIComponent(CHANNEL)}')/messages`,
    value: [chatMessage({ chatId: undefined })],
  });
  const channel = (fields: Json = {}): Json => ({
    id: CHANNEL,
    createdDateTime: '2026-01-05T10:00:00Z',
    displayName: 'payments-partner',
    description: 'Brightwave integration',
    membershipType: 'standard',
    email: '',
    webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(CHANNEL)}/payments-partner?groupId=${TEAM}&tenantId=t-1`,
    ...fields,
  });
  const channelList = (value: unknown[], context = `#teams('${TEAM}')/channels`) =>
    JSON.stringify({ '@odata.context': `https://graph.microsoft.com/v1.0/$metadata${context}`, value });

  it('marks a team channel named from its id when its messages are all there is', () => {
    const { channels } = read(channelMessages);
    expect(channels).toEqual([
      expect.objectContaining({
        key: `teams:${TEAM}:${CHANNEL}`,
        name: '7f3c1a9e5b2d4c8e9a0f6b1d3e5c7a9b',
        nameFromId: true,
      }),
    ]);
  });

  it('names the channel from config teams.channels, by channel id', () => {
    const named = mapTeamsExport(channelMessages, '/x.json', { [CHANNEL]: 'payments-partner' })
      .events!.filter((event) => event.type === 'channel.updated')
      .map((event) => event.payload as ChannelUpdated);
    expect(named).toEqual([expect.objectContaining({ name: 'payments-partner' })]);
    expect(named[0]).not.toHaveProperty('nameFromId');
  });

  it('reads a channel list response: one channel.updated per channel, keyed like its messages', () => {
    const result = read(
      channelList([
        channel(),
        channel({ id: '19:general@thread.tacv2', displayName: 'General', description: null }),
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(result.posted).toEqual([]);
    expect(result.channels).toEqual([
      {
        key: `teams:${TEAM}:${CHANNEL}`,
        source: 'teams',
        workspace: TEAM,
        nativeId: CHANNEL,
        name: 'payments-partner',
        kind: 'channel',
        members: [],
        purpose: 'Brightwave integration',
      },
      expect.objectContaining({ key: `teams:${TEAM}:19:general@thread.tacv2`, name: 'General' }),
    ]);
    expect(result.channels.map((c) => ChannelUpdated.parse(c))).toHaveLength(2);
  });

  it('finds the team in the webUrl when the list has no context, and skips a channel that names none', () => {
    const { channels, problems } = read(
      JSON.stringify({ value: [channel(), channel({ id: '19:x@thread.tacv2', webUrl: null })] }),
    );
    expect(channels.map((c) => c.workspace)).toEqual([TEAM]);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'skipped-record',
        recordIndex: 1,
        reason: expect.stringMatching(/says which team/),
      }),
    ]);
  });

  it('sniffs a channel list as Teams, with or without its context, and not a users list', () => {
    const sniff = (text: string) => teamsConnector.sniffFile!(text);
    expect(sniff(channelList([channel()]))).toBe(true);
    expect(sniff(channelList([], `#teams('${TEAM}')/allChannels`))).toBe(true);
    expect(sniff(JSON.stringify({ value: [channel()] }, null, 2))).toBe(true);
    expect(sniff(JSON.stringify({ value: [{ id: 'u', displayName: 'A', membershipType: 'x' }] }))).toBe(
      false,
    );
    expect(discordConnector.sniffFile!(channelList([channel()]))).toBe(false);
  });
});
