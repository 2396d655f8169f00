/**
 * What the fold reads of a channel.updated payload (domain/channel.ts ChannelUpdated): kept apart
 * from the schema so that a reader without zod (answers/channel-names.ts) folds channels the same way.
 */
interface FoldedChannel {
  key: string;
  name: string;
  nameFromId?: boolean;
}

/**
 * The channel once `next` is seen after `previous` (log order): every field from `next`, except
 * that a name made from the id never replaces a name a source gave (a Teams channel list ingested
 * before or after its messages names the channel either way). The one fold of channel.updated:
 * every read model goes through it.
 */
export function foldChannel<C extends FoldedChannel>(previous: C | undefined, next: C): C {
  if (!next.nameFromId || !previous || previous.nameFromId) return next;
  const kept: C = { ...next, name: previous.name };
  delete kept.nameFromId;
  return kept;
}

/** Folds one channel.updated payload, in log order, into the channels by key. */
export function addChannel<C extends FoldedChannel>(channels: Map<string, C>, next: C): void {
  channels.set(next.key, foldChannel(channels.get(next.key), next));
}
