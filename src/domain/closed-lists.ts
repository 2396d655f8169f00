/**
 * The closed lists payload schemas are built from (source.ts, channel.ts, person.ts), without zod:
 * what the zod-free payload checks of payload-checks.ts need.
 */
export const SOURCES = ['slack', 'discord', 'teams', 'calendar'] as const;

export const CHANNEL_KINDS = ['channel', 'private', 'dm', 'group_dm', 'meeting_chat'] as const;

export const LINK_METHODS = [
  'email',
  'name',
  'alias',
  'coreName',
  'nickname',
  'handle',
  'firstName',
  'introduction',
  'notSame',
] as const;
