import { cumulativeWeights, type Prng } from './prng.js';
import {
  BOTS,
  FIRST_NAMES,
  LAST_NAMES,
  PRIVATE_CHANNELS,
  PUBLIC_CHANNELS,
  TIMEZONES,
  TITLES,
} from './vocabulary.js';

export interface GenUser {
  id: string;
  name: string;
  realName: string;
  displayName: string;
  firstName: string;
  avatarHash: string;
  deleted: boolean;
}

export type ConversationKind = 'channel' | 'private' | 'dm' | 'group_dm';

export interface GenConversation {
  id: string;
  /** The conversation's folder in the export: name for channels, groups and group DMs, id for DMs. */
  folder: string;
  name: string;
  kind: ConversationKind;
  members: GenUser[];
  /** Relative share of the traffic. */
  weight: number;
}

export interface GenWorkspace {
  teamId: string;
  domain: string;
  users: GenUser[];
  conversations: GenConversation[];
  /** Cumulative conversation weights, for Prng.weighted. */
  cumulative: number[];
  /** Metadata file name -> its JSON records. */
  metadata: Record<'users.json' | 'channels.json' | 'groups.json' | 'dms.json' | 'mpims.json', unknown[]>;
}

export interface WorkspaceOptions {
  users: number;
  channels: number;
  /** Epoch seconds of the first day; channels are created before it. */
  start: number;
}

const id = (prefix: string, n: number): string =>
  `${prefix}0${n.toString(36).toUpperCase().padStart(8, '0')}`;

/** Users, public and private channels, DMs and group DMs, with the metadata files Slack writes for them. */
export function buildWorkspace(prng: Prng, options: WorkspaceOptions): GenWorkspace {
  const teamId = `T0GEN${prng.hex(6).toUpperCase()}`;
  const domain = 'acme-gen';
  const users: GenUser[] = [];
  const userRecords: unknown[] = [];
  const handles = new Set<string>();
  for (let i = 0; i < options.users; i++) {
    const firstName = prng.pick(FIRST_NAMES);
    const lastName = prng.pick(LAST_NAMES);
    let name = `${firstName}.${lastName}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z.]/g, '');
    if (handles.has(name)) name = `${name}${i}`;
    handles.add(name);
    const user: GenUser = {
      id: id('U', i + 1),
      name,
      realName: `${firstName} ${lastName}`,
      displayName: prng.chance(0.7) ? firstName : '',
      firstName,
      avatarHash: prng.hex(12),
      deleted: prng.chance(0.03),
    };
    users.push(user);
    userRecords.push(userRecord(user, prng, teamId, options.start));
  }
  userRecords.push(slackbotRecord(teamId));
  for (const bot of BOTS) userRecords.push(botUserRecord(bot, teamId, options.start));

  const stillHere = users.filter((user) => !user.deleted);
  const active = stillHere.length > 0 ? stillHere : users;
  const conversations: GenConversation[] = [];
  const channels: unknown[] = [];
  const groups: unknown[] = [];
  const dms: unknown[] = [];
  const mpims: unknown[] = [];
  for (let i = 0; i < options.channels; i++) {
    const name = i < PUBLIC_CHANNELS.length ? PUBLIC_CHANNELS[i] : `team-${i}`;
    const members =
      i === 0
        ? active
        : prng.sample(
            active,
            prng.range(Math.min(5, active.length), Math.max(5, Math.floor(active.length / 3))),
          );
    const conversation: GenConversation = {
      id: id('C', i + 1),
      folder: name,
      name,
      kind: 'channel',
      members,
      weight: 12 / (i + 1.5),
    };
    conversations.push(conversation);
    channels.push(channelRecord(conversation, prng, options.start, i === 0));
  }
  for (let i = 0; i < Math.max(1, Math.round(options.channels / 5)); i++) {
    const name = i < PRIVATE_CHANNELS.length ? PRIVATE_CHANNELS[i] : `private-${i}`;
    const conversation: GenConversation = {
      id: id('G', i + 1),
      folder: name,
      name,
      kind: 'private',
      members: prng.sample(active, prng.range(3, 9)),
      weight: 0.6,
    };
    conversations.push(conversation);
    groups.push(channelRecord(conversation, prng, options.start, false));
  }
  for (let i = 0; i < Math.max(1, Math.round(options.channels * 0.6)); i++) {
    const members = prng.sample(active, 2);
    const conversation: GenConversation = {
      id: id('D', i + 1),
      folder: id('D', i + 1),
      name: id('D', i + 1),
      kind: 'dm',
      members,
      weight: 0.35,
    };
    conversations.push(conversation);
    dms.push({
      id: conversation.id,
      created: options.start - prng.range(1, 300) * 86400,
      members: members.map((member) => member.id),
    });
  }
  for (let i = 0; i < Math.max(1, Math.round(options.channels / 5)); i++) {
    const members = prng.sample(active, 3 + prng.int(3));
    const name = `mpdm-${members.map((member) => member.name).join('--')}-1`;
    const conversation: GenConversation = {
      id: id('G', 100 + i),
      folder: name,
      name,
      kind: 'group_dm',
      members,
      weight: 0.3,
    };
    conversations.push(conversation);
    mpims.push({ ...(channelRecord(conversation, prng, options.start, false) as object), is_mpim: true });
  }
  return {
    teamId,
    domain,
    users,
    conversations,
    cumulative: cumulativeWeights(conversations.map((conversation) => conversation.weight)),
    metadata: {
      'users.json': userRecords,
      'channels.json': channels,
      'groups.json': groups,
      'dms.json': dms,
      'mpims.json': mpims,
    },
  };
}

function userRecord(user: GenUser, prng: Prng, teamId: string, start: number): unknown {
  const tz = prng.pick(TIMEZONES);
  const image = `https://avatars.slack-edge.com/2024-01-01/${user.avatarHash}_72.png`;
  return {
    id: user.id,
    team_id: teamId,
    name: user.name,
    deleted: user.deleted,
    color: prng.hex(6),
    real_name: user.realName,
    tz,
    tz_label: tz,
    tz_offset: 0,
    profile: {
      title: prng.pick(TITLES),
      phone: '',
      skype: '',
      real_name: user.realName,
      real_name_normalized: user.realName,
      display_name: user.displayName,
      display_name_normalized: user.displayName,
      fields: {},
      status_text: '',
      status_emoji: '',
      avatar_hash: user.avatarHash,
      email: `${user.name}@acme.example`,
      first_name: user.firstName,
      last_name: user.realName.slice(user.firstName.length + 1),
      image_72: image,
      image_192: image.replace('_72', '_192'),
      team: teamId,
    },
    is_admin: prng.chance(0.05),
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: false,
    is_app_user: false,
    updated: start - prng.range(1, 500) * 3600,
  };
}

function slackbotRecord(teamId: string): unknown {
  return {
    id: 'USLACKBOT',
    team_id: teamId,
    name: 'slackbot',
    deleted: false,
    real_name: 'Slackbot',
    profile: { real_name: 'Slackbot', display_name: 'Slackbot', team: teamId },
    is_bot: false,
    is_app_user: false,
    updated: 0,
  };
}

function botUserRecord(bot: (typeof BOTS)[number], teamId: string, start: number): unknown {
  const name = bot.kind;
  return {
    id: `U0${bot.id.slice(2)}`,
    team_id: teamId,
    name,
    deleted: false,
    real_name: bot.name,
    profile: {
      real_name: bot.name,
      display_name: '',
      bot_id: bot.id,
      api_app_id: bot.app,
      always_active: true,
      team: teamId,
    },
    is_bot: true,
    is_app_user: false,
    updated: start - 86400,
  };
}

function channelRecord(conversation: GenConversation, prng: Prng, start: number, general: boolean): unknown {
  const creator = conversation.members[0]?.id ?? '';
  return {
    id: conversation.id,
    name: conversation.name,
    created: start - prng.range(30, 900) * 86400,
    creator,
    is_archived: false,
    is_general: general,
    members: conversation.members.map((member) => member.id),
    pins: [],
    topic: { value: prng.chance(0.5) ? `All things ${conversation.name}` : '', creator, last_set: 0 },
    purpose: {
      value: prng.chance(0.6) ? `Where we talk about ${conversation.name}` : '',
      creator,
      last_set: 0,
    },
  };
}
