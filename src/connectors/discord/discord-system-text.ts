import type { MessageKind } from '../../domain/message.js';

/** Message types whose content is what someone wrote (or a bot answered). */
const CONTENT_TYPES = new Set([
  'Default',
  'Reply',
  'ChatInputCommand',
  'ContextMenuCommand',
  'ThreadStarterMessage',
]);

export interface SystemFacts {
  type: string;
  content: string;
  authorId: string | undefined;
  /** Display names of the mentioned users, with their ids, in order. */
  mentioned: ReadonlyArray<{ id: string; name: string }>;
  ts: string;
  callEnded: string | undefined;
}

export function isContentType(type: string): boolean {
  return CONTENT_TYPES.has(type);
}

/** The message kind: bots first, then joins and leaves, then anything that is not written content is `system`. */
export function discordKind(type: string, isBot: boolean): MessageKind {
  if (isBot) return 'bot';
  if (type === 'GuildMemberJoin' || type === 'RecipientAdd') return 'join';
  if (type === 'RecipientRemove') return 'leave';
  return isContentType(type) ? 'message' : 'system';
}

/** A readable line for a system message ("pinned a message"), written from the author's side. */
export function describeSystemMessage(facts: SystemFacts): string {
  const { type, content } = facts;
  const target = facts.mentioned[0];
  const suffix = content.trim() === '' ? '' : `: ${content.trim()}`;
  switch (type) {
    case 'GuildMemberJoin':
      return 'joined the server';
    case 'RecipientAdd':
      return target ? `added ${target.name} to the group` : 'added someone to the group';
    case 'RecipientRemove':
      if (!target || target.id === facts.authorId) return 'left the group';
      return `removed ${target.name} from the group`;
    case 'ChannelPinnedMessage':
      return 'pinned a message';
    case 'ThreadCreated':
      return `started a thread${suffix}`;
    case 'Call':
      return describeCall(facts.ts, facts.callEnded);
    case 'ChannelNameChange':
      return `changed the channel name${suffix}`;
    case 'ChannelIconChange':
      return 'changed the channel icon';
    default:
      return `${humanize(type)}${suffix}`;
  }
}

function describeCall(start: string, end: string | undefined): string {
  if (!end) return 'started a call';
  const minutes = Math.round((Date.parse(end) - Date.parse(start)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 0) return 'started a call';
  return minutes < 1
    ? 'started a call that lasted less than a minute'
    : `started a call that lasted ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** "GuildBoostTier1" -> "guild boost tier 1"; a bare number (a type this exporter did not name) -> "system message". */
function humanize(type: string): string {
  if (type === '' || /^\d+$/.test(type)) return 'system message';
  return type
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
}
