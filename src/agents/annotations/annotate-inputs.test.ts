import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../app/store.js';
import { messagePosted, reactionAdded } from '../../domain/event-builders.js';
import { ChannelMessagesCache } from './annotate-inputs.js';

const T0 = Date.UTC(2026, 10, 9, 8, 0);
const ref = { source: 'slack' as const, workspace: 'T1', channel: 'C1' };
const CHANNEL = 'slack:T1:C1';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'outro-annotate-inputs-'));
  store = openStore(path.join(dir, 'outro.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function post(k: number, channel = 'C1'): void {
  store.log.append(
    messagePosted({
      ...ref,
      channel,
      id: `1.${k}`,
      thread: null,
      replyTo: null,
      author: 'slack:T1:U1',
      text: `message ${k}`,
      kind: 'message',
      mentions: [],
      editedAt: null,
      ts: new Date(T0 + k * 60_000).toISOString(),
    }),
  );
}

describe('ChannelMessagesCache', () => {
  it('reads a channel again only in a batch after its stream gained a message or a reaction', () => {
    post(1);
    const cache = new ChannelMessagesCache(store.log);
    cache.refresh();
    const first = cache.messages(CHANNEL);
    expect(first.map((message) => message.id)).toEqual(['1.1']);
    post(2, 'C2'); // another channel
    cache.refresh();
    expect(cache.messages(CHANNEL)).toBe(first);
    post(3);
    expect(cache.messages(CHANNEL)).toBe(first); // until the next batch
    cache.refresh();
    const second = cache.messages(CHANNEL);
    expect(second.map((message) => message.id)).toEqual(['1.1', '1.3']);
    store.log.append(
      reactionAdded({ ...ref, id: '1.1', emoji: 'tada', user: 'slack:T1:U2' }, new Date(T0).toISOString()),
    );
    cache.refresh();
    const third = cache.messages(CHANNEL);
    expect(third).not.toBe(second);
    expect(third[0].reactions).toEqual([{ emoji: 'tada', user: 'slack:T1:U2' }]);
  });
});
