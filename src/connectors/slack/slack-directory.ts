import type { CHANNEL_KINDS } from '../../domain/channel.js';
import { sourceKey } from '../../domain/ids.js';
import type { SlackTextContext } from './slack-text.js';

export type SlackChannelKind = (typeof CHANNEL_KINDS)[number];

/** One conversation of the export: a public or private channel, a DM or a group DM. */
export interface SlackChannelInfo {
  /** Native id (C…, G…, D…), or the folder name when the export has no metadata for it. */
  id: string;
  name: string;
  kind: SlackChannelKind;
  key: string;
}

/**
 * What one run knows about a workspace: its team id, user display names, channel names, and the
 * folder each conversation lives in. Person and channel keys are cached, as every message needs one.
 */
export class SlackDirectory implements SlackTextContext {
  /** Users listed in users.json (a `user_profile` on a message adds nothing for these). */
  readonly listedUsers = new Set<string>();
  private readonly personKeys = new Map<string, string>();
  private readonly displayNames = new Map<string, string>();
  private readonly channelsById = new Map<string, SlackChannelInfo>();
  private readonly channelsByFolder = new Map<string, SlackChannelInfo>();

  constructor(readonly team: string) {}

  personKey(userId: string): string {
    let key = this.personKeys.get(userId);
    if (key === undefined) {
      key = sourceKey('slack', this.team, userId);
      this.personKeys.set(userId, key);
    }
    return key;
  }

  displayName(userId: string): string | undefined {
    return this.displayNames.get(userId);
  }

  setDisplayName(userId: string, name: string): void {
    this.displayNames.set(userId, name);
  }

  channelKey(channelId: string): string {
    return this.channelsById.get(channelId)?.key ?? sourceKey('slack', this.team, channelId);
  }

  channelName(channelId: string): string | undefined {
    return this.channelsById.get(channelId)?.name;
  }

  /** Registers a conversation from metadata; `folder` is the name of its folder in the export. */
  addChannel(id: string, name: string, kind: SlackChannelKind, folder: string): SlackChannelInfo {
    const info: SlackChannelInfo = { id, name, kind, key: sourceKey('slack', this.team, id) };
    this.channelsById.set(id, info);
    if (!this.channelsByFolder.has(folder)) this.channelsByFolder.set(folder, info);
    return info;
  }

  /** The conversation a folder holds, from metadata (by folder name, then by id), if listed. */
  channelOfFolder(folder: string): SlackChannelInfo | undefined {
    return this.channelsByFolder.get(folder) ?? this.channelsById.get(folder);
  }
}
