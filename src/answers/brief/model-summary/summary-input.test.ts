import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENT, makeEvent } from '../../../domain/events.js';
import type { MessageDeleted } from '../../../domain/message.js';
import { makeTempDir } from '../../../test-support/temp-dir.js';
import { composeBrief } from '../build-brief.js';
import { openTestStore } from '../test-support/brief-builders.js';
import { loadSummaryInputs, MAX_DATA_CHARS, MAX_MESSAGE_CHARS } from './summary-input.js';
import { edited, K, M, NOW, posted, split, summaryDay, TZ } from './test-support/summary-day.js';

let temp: ReturnType<typeof makeTempDir>;
let store: ReturnType<typeof openTestStore>;
const OPTIONS = { me: 'priya', now: NOW, timezone: TZ, since: '2026-11-19T00:00:00.000Z' };
const inputs = () => {
  const { brief, context } = composeBrief(store, OPTIONS);
  return loadSummaryInputs(store.log, brief.conversations, context);
};

beforeEach(() => {
  temp = makeTempDir('outro-summary-input-');
  store = openTestStore(join(temp.dir, 'outro.db'));
  store.log.appendAll(summaryDay());
});
afterEach(() => {
  store.close();
  temp.cleanup();
});

describe('loadSummaryInputs', () => {
  it('gives each topic its conversation messages with names, channel names, people and entities', () => {
    const [billing, search] = inputs();
    expect(billing!.messages.map((message) => [message.id, message.authorName, message.channel])).toEqual([
      [M.b1, 'Dana Kim', '#billing'],
      [M.b2, 'Priya Nair', '#billing'],
      [M.b3, 'Dana Kim', '#billing'],
    ]);
    expect(billing!.people.map((person) => person.name).sort()).toEqual(['Dana Kim', 'Priya Nair']);
    expect(billing!.entities).toEqual([{ id: 'component:billing', name: 'billing service' }]);
    expect(search!.messages.map((message) => message.id)).toEqual([M.s1, M.s2]);
  });

  it('applies edits and leaves deleted messages out', () => {
    store.log.append(
      edited(K.billing, M.b2, 'I will revert the retry limit change today.', '2026-11-19T10:06:00.000Z'),
    );
    const [, workspace, channel] = K.billing.split(':');
    const deleted: MessageDeleted = {
      source: 'slack',
      workspace,
      channel,
      id: M.b3,
      deletedAt: '2026-11-19T10:20:00.000Z',
    };
    store.log.append(
      makeEvent({
        id: 'del-b3',
        type: EVENT.messageDeleted,
        stream: K.billing,
        occurredAt: '2026-11-19T10:20:00.000Z',
        payload: deleted,
      }),
    );
    const [billing] = inputs();
    expect(billing!.messages.map((message) => message.text)).toEqual([
      'Priya, the billing retries fail for EU cards since the Tuesday deploy.',
      'I will revert the retry limit change today.',
    ]);
  });

  it('keeps the latest messages that fit the data budget, each clipped', () => {
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const id = `1700001${String(i).padStart(3, '0')}.000100`;
      ids.push(id);
      store.log.append(
        posted(
          K.search,
          id,
          K.dana,
          new Date(Date.parse('2026-11-19T13:00:00.000Z') + i * 60_000).toISOString(),
          `update ${i} ${'x'.repeat(1_000)}`,
        ),
      );
    }
    store.log.append(
      split(
        'c-search',
        K.search,
        [M.s1, M.s2, ...ids],
        [K.dana, K.priya],
        '2026-11-19T12:00:00.000Z',
        '2026-11-19T13:59:00.000Z',
      ),
    );
    const search = inputs().find((input) => input?.topic === 'search reindex')!;
    const chars = search.messages.reduce(
      (sum, message) => sum + message.text.length + message.authorName.length + 110,
      0,
    );
    expect(chars).toBeLessThanOrEqual(MAX_DATA_CHARS);
    expect(search.messages.length).toBeGreaterThan(10);
    expect(search.messages.at(-1)!.id).toBe(ids.at(-1));
    expect(Math.max(...search.messages.map((message) => message.text.length))).toBe(MAX_MESSAGE_CHARS + 1);
  });
});
