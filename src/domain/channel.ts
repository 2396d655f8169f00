import { z } from 'zod';
import { Source } from './source.js';

export const CHANNEL_KINDS = ['channel', 'private', 'dm', 'group_dm', 'meeting_chat'] as const;

export const ChannelUpdated = z.object({
  /** `source:workspace:nativeId` */
  key: z.string(),
  source: Source,
  workspace: z.string(),
  nativeId: z.string(),
  name: z.string(),
  kind: z.enum(CHANNEL_KINDS),
  /** Person keys. */
  members: z.array(z.string()),
  topic: z.string().optional(),
  purpose: z.string().optional(),
  archived: z.boolean().optional(),
  /** True when the source gave no name and `name` was made from the id (Teams messages carry none). */
  nameFromId: z.boolean().optional(),
});
export type ChannelUpdated = z.infer<typeof ChannelUpdated>;

/**
 * The channel once `next` is seen after `previous` (log order): every field from `next`, except
 * that a name made from the id never replaces a name a source gave (a Teams channel list ingested
 * before or after its messages names the channel either way). The one fold of channel.updated:
 * every read model goes through it.
 */
export function foldChannel(previous: ChannelUpdated | undefined, next: ChannelUpdated): ChannelUpdated {
  if (!next.nameFromId || !previous || previous.nameFromId) return next;
  const kept = { ...next, name: previous.name };
  delete kept.nameFromId;
  return kept;
}

/** Folds one channel.updated payload, in log order, into the channels by key. */
export function addChannel(channels: Map<string, ChannelUpdated>, next: ChannelUpdated): void {
  channels.set(next.key, foldChannel(channels.get(next.key), next));
}
