import { describe, expect, it } from 'vitest';
import { addChannel, foldChannel, type ChannelUpdated } from './channel.js';

const channel = (fields: Partial<ChannelUpdated> = {}): ChannelUpdated => ({
  key: 'teams:team-1:19:7f3c@thread.tacv2',
  source: 'teams',
  workspace: 'team-1',
  nativeId: '19:7f3c@thread.tacv2',
  name: 'payments-partner',
  kind: 'channel',
  members: [],
  ...fields,
});
const fromId = channel({ name: '7f3c', nameFromId: true });

describe('foldChannel', () => {
  it('keeps a name a source gave when a later event only has a name made from the id', () => {
    const folded = foldChannel(channel({ purpose: 'old' }), { ...fromId, topic: 'new topic' });
    expect(folded).toEqual({ ...channel(), topic: 'new topic' });
    expect(folded).not.toHaveProperty('nameFromId');
  });

  it('takes a given name over one made from the id, and a later given name over an earlier one', () => {
    expect(foldChannel(fromId, channel())).toEqual(channel());
    expect(foldChannel(channel(), channel({ name: 'renamed' })).name).toBe('renamed');
    expect(foldChannel(undefined, fromId)).toEqual(fromId);
    expect(foldChannel(fromId, fromId)).toEqual(fromId);
  });

  it('names the channel the same whichever order the channel list and the messages were ingested in', () => {
    for (const order of [
      [fromId, channel()],
      [channel(), fromId],
    ]) {
      const channels = new Map<string, ChannelUpdated>();
      for (const next of order) addChannel(channels, next);
      expect(channels.get(fromId.key)?.name).toBe('payments-partner');
    }
  });
});
