import type { TextSource } from './irc-text.js';
import type { Prng } from './prng.js';
import { BOTS, CLOSERS, EMOJIS, FILES, LINK_HOSTS, REPOS, WORDS } from './vocabulary.js';
import type { GenConversation, GenUser, GenWorkspace } from './workspace.js';

export type GenRecord = Record<string, unknown>;

/** Slack's `ts`: epoch seconds and a 6-digit suffix that keeps messages in one second distinct. */
export function formatTs(seconds: number, suffix: number): string {
  return `${seconds}.${String(suffix).padStart(6, '0')}`;
}

/** Builds message records the way a Slack export writes them. Every choice comes from the seeded PRNG. */
export class MessageFactory {
  private readonly publicChannels: GenConversation[];
  private readonly userIds: string[];

  /** @param texts where plain messages' texts come from (real chat); default: work-chat word salad. */
  constructor(
    private readonly prng: Prng,
    private readonly workspace: GenWorkspace,
    private readonly texts?: TextSource,
  ) {
    this.publicChannels = workspace.conversations.filter((conversation) => conversation.kind === 'channel');
    this.userIds = workspace.users.map((user) => user.id);
  }

  /** A fresh top-level message of a random kind, with the mix a busy workspace shows. */
  fresh(conversation: GenConversation, seconds: number, ts: string): GenRecord {
    const roll = this.prng.next();
    const author = this.prng.pick(conversation.members);
    if (conversation.kind === 'channel' || conversation.kind === 'private') {
      if (roll < 0.01) return this.join(conversation, ts);
      if (roll < 0.013) return this.leave(conversation, ts);
      if (roll < 0.053) return this.bot(conversation, ts);
      if (roll < 0.057) return this.notice(author, ts);
      if (roll < 0.059) return this.huddle(conversation, author, seconds, ts);
    }
    if (roll < 0.08) return this.fileShare(conversation, author, seconds, ts);
    return this.plain(conversation, author, seconds, ts);
  }

  plain(conversation: GenConversation, author: GenUser, seconds: number, ts: string): GenRecord {
    const text = this.text(conversation);
    const record: GenRecord = {
      client_msg_id: this.uuid(),
      type: 'message',
      text,
      user: author.id,
      ts,
      team: this.workspace.teamId,
      user_team: this.workspace.teamId,
      source_team: this.workspace.teamId,
      user_profile: this.profile(author),
    };
    if (this.prng.chance(0.5))
      record.blocks = [
        {
          type: 'rich_text',
          block_id: this.prng.hex(5),
          elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }],
        },
      ];
    this.decorate(record, conversation, author, seconds);
    return record;
  }

  /** A thread reply; a few are also sent to the channel. */
  reply(
    conversation: GenConversation,
    author: GenUser,
    seconds: number,
    ts: string,
    rootTs: string,
    rootUser: string,
  ): GenRecord {
    const record = this.plain(conversation, author, seconds, ts);
    record.thread_ts = rootTs;
    record.parent_user_id = rootUser;
    if (this.prng.chance(0.03)) record.subtype = 'thread_broadcast';
    return record;
  }

  /** Marks a message as a thread root of the given replies. */
  makeRoot(record: GenRecord, replies: ReadonlyArray<{ user: string; ts: string }>): void {
    const users = [...new Set(replies.map((reply) => reply.user))];
    record.thread_ts = record.ts;
    record.reply_count = replies.length;
    record.reply_users_count = users.length;
    record.latest_reply = replies[replies.length - 1].ts;
    record.reply_users = users;
    record.replies = replies.map((reply) => ({ user: reply.user, ts: reply.ts }));
    record.is_locked = false;
    record.subscribed = false;
  }

  private join(conversation: GenConversation, ts: string): GenRecord {
    const user = this.prng.pick(conversation.members);
    const subtype = conversation.kind === 'private' ? 'group_join' : 'channel_join';
    return {
      type: 'message',
      subtype,
      ts,
      user: user.id,
      text: `<@${user.id}> has joined the channel`,
      inviter: this.prng.pick(conversation.members).id,
    };
  }

  private bot(conversation: GenConversation, ts: string): GenRecord {
    const bot = this.prng.pick(BOTS);
    const record: GenRecord = {
      type: 'message',
      subtype: 'bot_message',
      text: '',
      ts,
      username: bot.name,
      bot_id: bot.id,
      app_id: bot.app,
      bot_profile: {
        id: bot.id,
        deleted: false,
        name: bot.name,
        updated: 1700000000,
        app_id: bot.app,
        icons: { image_48: `https://avatars.slack-edge.com/${bot.kind}_48.png` },
        team_id: this.workspace.teamId,
      },
    };
    const repo = this.prng.pick(REPOS);
    const number = this.prng.range(100, 9999);
    if (this.prng.chance(0.5)) {
      record.attachments = [
        {
          fallback: `[${repo}] Pull request opened: #${number}`,
          pretext: `[${repo}] Pull request opened by ${this.prng.pick(conversation.members).name}`,
          title: `#${number} ${this.sentence(6)}`,
          title_link: `https://github.com/acme/${repo}/pull/${number}`,
          text: this.sentence(12),
          color: '36a64f',
          id: 1,
          mrkdwn_in: ['text', 'pretext'],
        },
      ];
    } else {
      record.text = `Deployed <https://github.com/acme/${repo}/commit/${this.prng.hex(40)}|${repo}@${this.prng.hex(7)}> to *production* &amp; staging`;
    }
    return record;
  }

  private leave(conversation: GenConversation, ts: string): GenRecord {
    const user = this.prng.pick(conversation.members);
    const subtype = conversation.kind === 'private' ? 'group_leave' : 'channel_leave';
    return { type: 'message', subtype, ts, user: user.id, text: `<@${user.id}> has left the channel` };
  }

  /** Topic and purpose changes, and pins. */
  private notice(author: GenUser, ts: string): GenRecord {
    const roll = this.prng.next();
    const words = this.sentence(5);
    if (roll < 0.5)
      return {
        type: 'message',
        subtype: 'channel_topic',
        ts,
        user: author.id,
        text: `<@${author.id}> set the channel topic: ${words}`,
        topic: words,
      };
    if (roll < 0.75)
      return {
        type: 'message',
        subtype: 'channel_purpose',
        ts,
        user: author.id,
        text: `<@${author.id}> set the channel purpose: ${words}`,
        purpose: words,
      };
    return {
      type: 'message',
      subtype: 'pinned_item',
      ts,
      user: author.id,
      text: `<@${author.id}> pinned a message to this channel.`,
      item_type: 'C',
    };
  }

  private huddle(conversation: GenConversation, author: GenUser, seconds: number, ts: string): GenRecord {
    const participants = this.prng.sample(conversation.members, 3).map((member) => member.id);
    return {
      type: 'message',
      subtype: 'huddle_thread',
      text: '',
      user: author.id,
      ts,
      room: {
        id: `R0${this.prng.hex(8).toUpperCase()}`,
        name: '',
        date_start: seconds,
        date_end: seconds + this.prng.range(120, 3600),
        participants,
        participant_history: participants,
        channels: [conversation.id],
        is_dm_call: false,
        was_rejected: false,
        was_missed: false,
        was_accepted: false,
        has_ended: true,
      },
      no_notifications: true,
    };
  }

  private fileShare(conversation: GenConversation, author: GenUser, seconds: number, ts: string): GenRecord {
    const kind = this.prng.pick(FILES);
    const fileId = `F0${this.prng.hex(9).toUpperCase()}`;
    const name = `${kind.title}-${this.prng.range(1, 999)}.${kind.ext}`;
    const record = this.plain(conversation, author, seconds, ts);
    if (this.prng.chance(0.5)) {
      record.text = '';
      delete record.blocks;
    }
    record.upload = true;
    record.display_as_bot = false;
    record.files = [
      {
        id: fileId,
        created: seconds,
        timestamp: seconds,
        name,
        title: name,
        mimetype: kind.mimetype,
        filetype: kind.filetype,
        pretty_type: kind.pretty,
        user: author.id,
        mode: 'hosted',
        editable: false,
        is_external: false,
        size: this.prng.range(1000, 5_000_000),
        url_private: `https://files.slack.com/files-pri/${this.workspace.teamId}-${fileId}/${name}`,
        permalink: `https://${this.workspace.domain}.slack.com/files/${author.id}/${fileId}/${name}`,
      },
    ];
    return record;
  }

  /** Edits (~5%) and reactions (~12%). */
  private decorate(record: GenRecord, conversation: GenConversation, author: GenUser, seconds: number): void {
    if (this.prng.chance(0.05))
      record.edited = { user: author.id, ts: formatTs(seconds + this.prng.range(5, 900), 0) };
    if (this.prng.chance(0.12)) {
      const emojis = this.prng.sample(EMOJIS, this.prng.range(1, 3));
      record.reactions = emojis.map((name) => {
        const users = this.prng
          .sample(conversation.members, this.prng.range(1, 4))
          .map((member) => member.id);
        return { name, users, count: users.length };
      });
    }
  }

  /** Work chat with mentions, channel links, URLs, broadcasts and escaped entities. */
  private text(conversation: GenConversation): string {
    if (this.texts) return this.texts.next(this.userIds);
    const parts: string[] = [];
    if (this.prng.chance(0.15)) parts.push(`<@${this.prng.pick(conversation.members).id}>`);
    if (this.prng.chance(0.01)) parts.push(this.prng.pick(['<!here>', '<!channel>', '<!here|here>']));
    parts.push(this.sentence(this.prng.range(4, 22)));
    if (this.prng.chance(0.04)) parts.push('&amp; the &lt;old&gt; one');
    if (this.prng.chance(0.03)) {
      const channel = this.prng.pick(this.publicChannels);
      parts.push(`see <#${channel.id}|${channel.name}>`);
    }
    if (this.prng.chance(0.08)) {
      const host = this.prng.pick(LINK_HOSTS);
      const url = `${host}/${this.prng.pick(REPOS)}/${this.prng.range(1, 9999)}`;
      parts.push(this.prng.chance(0.5) ? `<${url}|${this.sentence(3)}>` : `<${url}>`);
    }
    if (this.prng.chance(0.005)) parts.push('<!subteam^S0GENONCALL|@oncall>');
    return parts.join(' ') + this.prng.pick(CLOSERS);
  }

  private sentence(words: number): string {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(this.prng.pick(WORDS));
    const first = out[0];
    out[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return out.join(' ');
  }

  private profile(user: GenUser): GenRecord {
    return {
      avatar_hash: user.avatarHash,
      image_72: `https://avatars.slack-edge.com/2024-01-01/${user.avatarHash}_72.png`,
      first_name: user.firstName,
      real_name: user.realName,
      display_name: user.displayName,
      team: this.workspace.teamId,
      name: user.name,
      is_restricted: false,
      is_ultra_restricted: false,
    };
  }

  private uuid(): string {
    const hex = this.prng.hex(32);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  }
}
