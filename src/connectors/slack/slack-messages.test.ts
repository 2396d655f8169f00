import { afterEach, describe, expect, it } from 'vitest';
import { MessageDeleted, MessagePosted, ReactionAdded } from '../../domain/message.js';
import { PersonUpdated } from '../../domain/person.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import {
  baseExport,
  readSlackExport,
  slackMessage,
  TEAM,
  writeExport,
} from './test-support/slack-export-fixture.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
/** Reads the base export plus the given day files. */
async function readDays(days: Record<string, unknown[]>) {
  const temp = makeTempDir('outro-slack-');
  cleanups.push(temp.cleanup);
  const result = await readSlackExport(await writeExport(temp.dir, baseExport(days)));
  for (const posted of result.posted) MessagePosted.parse(posted);
  for (const deleted of result.deleted) MessageDeleted.parse(deleted);
  for (const reaction of result.reactions) ReactionAdded.parse(reaction.payload);
  for (const person of result.people) PersonUpdated.parse(person);
  return result;
}
const key = (id: string) => `slack:${TEAM}:${id}`;

describe('slack connector: messages', () => {
  it('yields one batch per day file with its events sorted by ts', async () => {
    const { batches } = await readDays({
      'general/2024-01-01.json': [
        slackMessage('1704103300.000002'),
        slackMessage('1704103200.000001'),
        slackMessage('1704103300.000001'),
      ],
      'general/2024-01-02.json': [slackMessage('1704189600.000001')],
    });
    const dayBatches = batches.filter((batch) => batch.path.includes('/general/'));
    expect(dayBatches.map((batch) => batch.path.split('/').pop())).toEqual([
      '2024-01-01.json',
      '2024-01-02.json',
    ]);
    expect(dayBatches[0].events.map((event) => (event.payload as MessagePosted).id)).toEqual([
      '1704103200.000001',
      '1704103300.000001',
      '1704103300.000002',
    ]);
  });

  it('maps a plain message with its author, time, edit time and mentions', async () => {
    const { posted } = await readDays({
      'general/2024-01-01.json': [
        slackMessage('1704103200.000100', {
          text: 'ask <@U2> in <#C1>',
          edited: { user: 'U1', ts: '1704103260.000000' },
        }),
      ],
    });
    expect(posted[0]).toEqual({
      source: 'slack',
      workspace: TEAM,
      channel: 'C1',
      id: '1704103200.000100',
      thread: null,
      replyTo: null,
      author: key('U1'),
      text: 'ask @fox in #general',
      kind: 'message',
      mentions: [key('U2')],
      channelMentions: [key('C1')],
      editedAt: '2024-01-01T10:01:00.000Z',
      ts: '2024-01-01T10:00:00.000Z',
    });
  });

  it('threads a reply in a later day file to its root', async () => {
    const { posted } = await readDays({
      'general/2024-01-01.json': [
        slackMessage('1704103200.000100', {
          thread_ts: '1704103200.000100',
          reply_count: 1,
          replies: [{ user: 'U2', ts: '1704189600.000200' }],
        }),
      ],
      'general/2024-01-02.json': [
        slackMessage('1704189600.000200', {
          user: 'U2',
          thread_ts: '1704103200.000100',
          parent_user_id: 'U1',
        }),
      ],
    });
    expect(posted.map((message) => [message.id, message.thread, message.replyTo])).toEqual([
      ['1704103200.000100', '1704103200.000100', null],
      ['1704189600.000200', '1704103200.000100', null],
    ]);
  });

  it('knows a root written without thread_ts by its replies', async () => {
    const { posted } = await readDays({
      'general/2024-01-01.json': [
        slackMessage('1704103200.000100', { reply_count: 2 }),
        slackMessage('1704103201.000100', { reply_count: 0 }),
      ],
    });
    expect(posted.map((message) => message.thread)).toEqual(['1704103200.000100', null]);
  });

  it('marks a thread reply also sent to the channel as a broadcast', async () => {
    const { posted } = await readDays({
      'general/2024-01-01.json': [
        slackMessage('1704103200.000100', { thread_ts: '1704103200.000100' }),
        slackMessage('1704103300.000100', { subtype: 'thread_broadcast', thread_ts: '1704103200.000100' }),
      ],
    });
    expect(posted[1]).toMatchObject({ kind: 'message', thread: '1704103200.000100', broadcast: true });
    expect(posted[0].broadcast).toBeUndefined();
  });

  it('turns tombstones and deletions into message.deleted, with no posted event for a tombstone', async () => {
    const { posted, deleted, events } = await readDays({
      'general/2024-01-01.json': [
        slackMessage('1704103200.000100', {
          subtype: 'tombstone',
          text: 'This message was deleted.',
          user: 'USLACKBOT',
          thread_ts: '1704103200.000100',
          reply_count: 1,
        }),
        slackMessage('1704103300.000100', { thread_ts: '1704103200.000100' }),
        slackMessage('1704103400.000100', {
          subtype: 'message_deleted',
          deleted_ts: '1704100000.000001',
          hidden: true,
        }),
      ],
    });
    expect(posted.map((message) => message.id)).toEqual(['1704103300.000100']);
    expect(deleted).toEqual([
      { source: 'slack', workspace: TEAM, channel: 'C1', id: '1704103200.000100', deletedAt: null },
      {
        source: 'slack',
        workspace: TEAM,
        channel: 'C1',
        id: '1704100000.000001',
        deletedAt: '2024-01-01T10:03:20.000Z',
      },
    ]);
    expect(events.find((event) => event.type === 'message.deleted')?.occurredAt).toBe(
      '2024-01-01T10:00:00.000Z',
    );
  });

  it('authors bot messages by bot id, publishes each bot once as a bot, and reads text from attachments', async () => {
    const bot = { bot_id: 'B1', username: 'GitHub', bot_profile: { id: 'B1', name: 'GitHub', app_id: 'A1' } };
    const { posted, people } = await readDays({
      'general/2024-01-01.json': [
        slackMessage('1704103200.000100', {
          subtype: 'bot_message',
          user: undefined,
          text: '',
          ...bot,
          attachments: [
            {
              pretext: 'New PR',
              title: '#12 Fix <https://x.test/12|billing>',
              text: 'by <@U1>',
              fallback: 'ignored',
            },
            { fallback: 'only fallback' },
          ],
        }),
        slackMessage('1704103300.000100', {
          subtype: 'bot_message',
          user: undefined,
          text: 'Deployed &amp; done',
          ...bot,
        }),
        slackMessage('1704103400.000100', {
          user: 'U9APP',
          bot_id: 'B2',
          text: 'app says hi',
          bot_profile: { name: 'Jira' },
        }),
      ],
    });
    expect(posted.map((message) => [message.kind, message.author])).toEqual([
      ['bot', key('B1')],
      ['bot', key('B1')],
      ['bot', key('B2')],
    ]);
    expect(posted[0].text).toBe('New PR\n#12 Fix billing (https://x.test/12)\nby @dana\nonly fallback');
    expect(posted[0].links).toEqual(['https://x.test/12']);
    expect(posted[0].mentions).toEqual([key('U1')]);
    expect(posted[1].text).toBe('Deployed & done');
    const bots = people.filter((person) => person.isBot);
    expect(bots).toEqual([
      {
        key: key('B1'),
        source: 'slack',
        workspace: TEAM,
        nativeId: 'B1',
        names: ['GitHub'],
        handles: [],
        emails: [],
        isBot: true,
      },
      {
        key: key('B2'),
        source: 'slack',
        workspace: TEAM,
        nativeId: 'B2',
        names: ['Jira'],
        handles: [],
        emails: [],
        isBot: true,
      },
    ]);
  });

  it('names a bot from the message that added it when the bot itself carries no name', async () => {
    const { people, posted } = await readDays({
      'general/2024-01-01.json': [
        slackMessage('1704103200.000100', {
          subtype: 'bot_add',
          bot_id: 'B3',
          text: 'added an integration to this channel: <https://acme.slack.com/services/B3|github>',
        }),
        slackMessage('1704103300.000100', {
          subtype: 'bot_message',
          user: undefined,
          bot_id: 'B3',
          text: 'pushed',
        }),
      ],
    });
    expect(posted.map((message) => [message.kind, message.author])).toEqual([
      ['system', key('U1')],
      ['bot', key('B3')],
    ]);
    expect(people.find((person) => person.nativeId === 'B3')?.names).toEqual(['github']);
  });

  it('classifies joins, leaves, system notices and huddles', async () => {
    const { posted } = await readDays({
      'general/2024-01-01.json': [
        slackMessage('1704103200.000100', { subtype: 'channel_join', text: '<@U1> has joined the channel' }),
        slackMessage('1704103200.000200', { subtype: 'group_join' }),
        slackMessage('1704103200.000300', { subtype: 'channel_leave' }),
        slackMessage('1704103200.000400', { subtype: 'channel_topic', topic: 'x' }),
        slackMessage('1704103200.000500', { subtype: 'channel_purpose' }),
        slackMessage('1704103200.000600', { subtype: 'pinned_item' }),
        slackMessage('1704103200.000700', {
          subtype: 'huddle_thread',
          text: '',
          room: { id: 'R1', name: '', participants: ['U1', 'U2'] },
        }),
        slackMessage('1704103200.000800', { text: '', room: { id: 'R2', name: 'standup' } }),
        slackMessage('1704103200.000900', { subtype: 'me_message', text: 'waves' }),
      ],
    });
    expect(posted.map((message) => message.kind)).toEqual([
      'join',
      'join',
      'leave',
      'system',
      'system',
      'system',
      'huddle',
      'huddle',
      'message',
    ]);
    expect(posted[0].text).toBe('@dana has joined the channel');
    expect(posted.slice(6, 8).map((message) => message.text)).toEqual(['Huddle', 'Huddle: standup']);
  });

  it('lists shared files from files[] and from the older single file field', async () => {
    const { posted } = await readDays({
      'general/2024-01-01.json': [
        slackMessage('1704103200.000100', {
          text: '',
          upload: true,
          files: [
            { id: 'F1', name: 'plan.pdf', title: 'Plan', mimetype: 'application/pdf' },
            { id: 'F2', mode: 'hidden_by_limit' },
          ],
        }),
        slackMessage('1704103300.000100', {
          subtype: 'file_share',
          text: '<@U1> uploaded a file: <https://acme.slack.com/files/U1/F3/notes.txt|notes>',
          file: { id: 'F3', name: 'notes.txt', title: 'notes', mimetype: 'text/plain' },
        }),
      ],
    });
    expect(posted[0].files).toEqual([
      { name: 'plan.pdf', title: 'Plan', mimetype: 'application/pdf' },
      { name: 'F2' },
    ]);
    expect(posted[1]).toMatchObject({
      kind: 'message',
      text: '@dana uploaded a file: notes (https://acme.slack.com/files/U1/F3/notes.txt)',
      files: [{ name: 'notes.txt', title: 'notes', mimetype: 'text/plain' }],
    });
  });

  it('publishes one reaction per emoji and user, at the time of the message', async () => {
    const { reactions } = await readDays({
      'general/2024-01-01.json': [
        slackMessage('1704103200.000100', {
          reactions: [
            { name: '+1', users: ['U1', 'U2'], count: 2 },
            { name: 'eyes', users: ['U2'], count: 1 },
            { name: 'bad' },
            'junk',
          ],
        }),
      ],
    });
    expect(
      reactions.map((event) => [event.payload.emoji, event.payload.user, event.payload.id, event.occurredAt]),
    ).toEqual([
      ['+1', key('U1'), '1704103200.000100', '2024-01-01T10:00:00.000Z'],
      ['+1', key('U2'), '1704103200.000100', '2024-01-01T10:00:00.000Z'],
      ['eyes', key('U2'), '1704103200.000100', '2024-01-01T10:00:00.000Z'],
    ]);
  });

  it('publishes a person from user_profile once for authors missing from users.json, and uses the name in mentions', async () => {
    const profile = { display_name: 'Walt', real_name: 'Walter Skinner', name: 'walter', team: TEAM };
    const { people, posted, batches } = await readDays({
      'general/2024-01-01.json': [
        slackMessage('1704103200.000100', { user: 'U7', user_profile: profile }),
        slackMessage('1704103300.000100', { user: 'U7', user_profile: profile }),
        slackMessage('1704103400.000100', {
          text: 'thanks <@U7>',
          user_profile: { display_name: 'Not Dana' },
        }),
      ],
      'general/2024-01-02.json': [slackMessage('1704189600.000100', { user: 'U7', user_profile: profile })],
    });
    const walter = people.filter((person) => person.nativeId === 'U7');
    expect(walter).toEqual([
      {
        key: key('U7'),
        source: 'slack',
        workspace: TEAM,
        nativeId: 'U7',
        names: ['Walt', 'Walter Skinner', 'walter'],
        handles: ['walter'],
        emails: [],
        isBot: false,
      },
    ]);
    expect(people.filter((person) => person.nativeId === 'U1')).toHaveLength(1);
    expect(posted[2]).toMatchObject({ text: 'thanks @Walt', mentions: [key('U7')] });
    // The person comes first in the day file's batch, at the time of the message that introduced it.
    const day = batches.find((batch) => batch.path.endsWith('2024-01-01.json'));
    expect(day?.events.slice(0, 2).map((event) => event.type)).toEqual(['person.updated', 'message.posted']);
  });

  it('renders @here and links and collects them on the message', async () => {
    const { posted } = await readDays({
      'general/2024-01-01.json': [
        slackMessage('1704103200.000100', {
          text: '<!here> see <https://x.test/doc|the doc> &amp; <mailto:a@b.c|a@b.c>',
        }),
      ],
    });
    expect(posted[0]).toMatchObject({
      text: '@here see the doc (https://x.test/doc) & a@b.c',
      mentionsAll: true,
      links: ['https://x.test/doc'],
    });
  });

  it('reads the current text of a message_changed record as an edit of the original message', async () => {
    const { posted } = await readDays({
      'general/2024-01-01.json': [
        slackMessage('1704103500.000100', {
          subtype: 'message_changed',
          user: undefined,
          text: undefined,
          message: { type: 'message', user: 'U2', text: 'fixed typo', ts: '1704103200.000100' },
        }),
      ],
    });
    expect(posted[0]).toMatchObject({
      id: '1704103200.000100',
      author: key('U2'),
      text: 'fixed typo',
      editedAt: '2024-01-01T10:05:00.000Z',
    });
  });
});
