import type { ChannelUpdated } from '../domain/channel.js';
import { addChannel } from '../domain/channel-fold.js';
import { EVENT } from '../domain/event-catalogue.js';
import { channelUpdates } from '../memory/channel-queries.js';
import type { EventLog } from '../memory/event-log.js';
import type { SqliteDatabase } from '../memory/sqlite.js';

/**
 * How a channel is shown to people, in one place (brief citations, ask and history evidence,
 * conversations): `#billing` for a channel of any source (printed after its source: `teams
 * #payments-partner`), `DM Ana & Bo` for a direct message, `group DM (…)` for a group chat, a
 * meeting chat by its title. A channel the log knows nothing about shows its native id: the key's
 * last part. `--json` keeps the key and the native id beside this label.
 */
export function channelLabel(
  channel: ChannelUpdated | undefined,
  key: string,
  personName: (personKey: string) => string,
): string {
  if (!channel) return key.split(':').pop() ?? key;
  if (channel.kind === 'dm') return `DM ${channel.members.map(personName).join(' & ')}`.trim();
  if (channel.kind === 'group_dm') return channel.name ? `group DM (${channel.name})` : 'group DM';
  if (channel.kind === 'meeting_chat') return channel.name;
  return channel.name.startsWith('#') ? channel.name : `#${channel.name}`;
}

/** Every channel in the log (its channel.updated events folded by domain/channel.ts foldChannel), found by key or by source and native id. */
export class ChannelDirectory {
  private readonly byNative = new Map<string, ChannelUpdated>();

  constructor(readonly channels: ReadonlyMap<string, ChannelUpdated>) {
    for (const channel of channels.values())
      this.byNative.set(`${channel.source}\u0000${channel.nativeId}`, channel);
  }

  static fromLog(log: EventLog): ChannelDirectory {
    const channels = new Map<string, ChannelUpdated>();
    for (const event of log.iterateTyped([EVENT.channelUpdated])) addChannel(channels, event.payload);
    return new ChannelDirectory(channels);
  }

  /** As `fromLog`, from memory/channel-queries.ts (the same channels, read without zod): a cold `ask` loads no zod. */
  static fromDatabase(db: SqliteDatabase): ChannelDirectory {
    const channels = new Map<string, ChannelUpdated>();
    for (const channel of channelUpdates(db)) addChannel(channels, channel);
    return new ChannelDirectory(channels);
  }

  /** The label of a channel named by source and native id (answers' evidence carries no workspace). */
  labelOf(source: string, nativeId: string, personName: (personKey: string) => string): string {
    const channel = this.byNative.get(`${source}\u0000${nativeId}`);
    return channelLabel(channel, channel?.key ?? nativeId, personName);
  }
}
