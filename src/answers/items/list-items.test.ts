import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isOutroError } from '../../domain/errors.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { acmeDay, K, NOW, TZ } from '../brief/test-support/acme-day.js';
import { actionItem, ev, openTestStore } from '../brief/test-support/brief-builders.js';
import { listItems, type ItemsOptions } from './list-items.js';
import { renderItemsText } from './render-items.js';

let temp: ReturnType<typeof makeTempDir>;
let store: ReturnType<typeof openTestStore>;

beforeEach(() => {
  temp = makeTempDir('outro-items-');
  store = openTestStore(join(temp.dir, 'outro.db'));
  store.log.appendAll(acmeDay());
});
afterEach(() => {
  store.close();
  temp.cleanup();
});

const list = (over: Partial<ItemsOptions> = {}) => listItems(store, { now: NOW, timezone: TZ, ...over });
const ids = (over: Partial<ItemsOptions> = {}) => list(over).items.map((item) => item.id);

function usageError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isOutroError(error, 'USAGE')) return error.message;
    throw error;
  }
  throw new Error('expected a USAGE error');
}

describe('listItems', () => {
  it('lists decisions, action items and questions, open first (overdue, due soon, later, undated), then the rest by latest change', () => {
    const result = list();
    expect(result.items.map((item) => [item.id, item.state])).toEqual([
      ['a-overdue', 'open'],
      ['a-dana', 'open'],
      ['a-soon', 'open'],
      ['a-later', 'open'],
      ['q3', 'open'],
      ['q4', 'open'],
      ['q1', 'open'],
      ['d2', 'decided'],
      ['d1', 'reversed'],
      ['a-done', 'done'],
      ['q2', 'answered'],
      ['d-old', 'decided'],
    ]);
    expect(result.counts).toEqual({ items: 12, open: 7, decisions: 3, actions: 5, questions: 4 });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('gives each item its history with who, when and the message that says so', () => {
    const done = list().items.find((item) => item.id === 'a-done')!;
    expect(done.history).toMatchObject([
      {
        change: 'assigned',
        by: [{ name: 'Sam Ortiz' }],
        to: [{ name: 'Priya Nair' }],
        localTime: '2026-11-19 09:00',
        evidence: [{ source: 'discord', channelName: '#dev', authorName: 'Sam Ortiz', nativeId: '8002' }],
      },
      {
        change: 'done',
        by: [{ name: 'Priya Nair' }],
        localTime: '2026-11-19 14:00',
        evidence: [{ nativeId: '8003', snippet: 'rotated' }],
      },
    ]);
    const reversed = list().items.find((item) => item.id === 'd1')!;
    expect(reversed.history.map((change) => [change.change, change.note])).toEqual([
      ['decided', null],
      ['reversed', 'Retry failed charges 3 times, not 5'],
    ]);
    expect(list().items.find((item) => item.id === 'd2')).toMatchObject({
      reverses: { id: 'd1', text: 'Retry failed charges 5 times' },
      history: [{ change: 'decided', note: 'reverses: Retry failed charges 5 times' }],
    });
    expect(
      list()
        .items.find((item) => item.id === 'q2')!
        .history.map((change) => change.change),
    ).toEqual(['asked', 'answered']);
  });

  it('records the assignee taking on a request when their answer is cited', () => {
    store.log.appendAll([
      actionItem({
        itemId: 'taken',
        conversationId: 'c1',
        channel: K.billing,
        summary: 'Who can update the refund macros?',
        assignee: K.priyaSlack,
        requestedBy: K.dana,
        due: null,
        at: '2026-11-19T12:00:00.000Z',
        evidence: [
          ev(K.billing, 'm1', K.dana, '2026-11-19T12:00:00.000Z', 'who can update the refund macros?'),
          ev(K.billing, 'm2', K.priyaDiscord, '2026-11-19T12:05:00.000Z', 'taking this one'),
        ],
      }),
    ]);
    const taken = list().items.find((item) => item.id === 'taken')!;
    expect(taken.history.map((change) => [change.change, change.by[0].name, change.localTime])).toEqual([
      ['assigned', 'Dana Kim', '2026-11-19 13:00'],
      ['accepted', 'Priya Nair', '2026-11-19 13:05'],
    ]);
    expect(renderItemsText(list({ kinds: ['action'] })).join('\n')).toContain('accepted by Priya Nair');
  });

  it('filters by kind, person on any of their identities, state and channel', () => {
    expect(ids({ kinds: ['decision'] })).toEqual(['d2', 'd1', 'd-old']);
    // Priya is U1 on Slack and pj_dev on Discord: --for finds her items on both.
    expect(ids({ for: 'pj_dev', kinds: ['action'] })).toEqual(['a-overdue', 'a-soon', 'a-later', 'a-done']);
    expect(ids({ for: 'priya@acme.io', kinds: ['question'] })).toEqual(['q1', 'q2']);
    expect(ids({ for: 'Sam Ortiz' })).toEqual(['q4']);
    expect(ids({ state: 'open', kinds: ['question'] })).toEqual(['q3', 'q4', 'q1']);
    expect(ids({ state: 'done' })).toEqual(['a-done', 'q2']);
    expect(ids({ channel: '#dev' })).toEqual(['a-overdue', 'q4', 'a-done', 'q2']);
    expect(ids({ channel: K.dev })).toEqual(ids({ channel: 'dev' }));
    expect(list({ channel: 'billing' }).filters.channels).toEqual([K.billing]);
  });

  it('refuses an unknown person or channel with USAGE, naming what there is', () => {
    expect(usageError(() => list({ for: 'priyah' }))).toMatch(
      /No person matches "priyah".*Priya Nair.*--for/,
    );
    expect(usageError(() => list({ channel: 'ops' }))).toBe(
      'No channel is called "ops". Channels: billing, dev. Pass a channel name (eng, #eng) or key (slack:T…:C…).',
    );
    expect(usageError(() => list({ since: '2026-11-20', until: '2026-11-19' }))).toMatch(/after --until/);
  });

  it('keeps items active in the window, and shows states as they stood at --until', () => {
    // Since 14:00 UTC on the 19th: raised, answered, done or reversed then.
    expect(ids({ since: '2026-11-19T14:00:00Z' })).toEqual(['q3', 'd2', 'd1']);
    // Before the answer and the completion, both were open; d2 had not reversed d1 yet.
    const earlier = list({ until: '2026-11-19T11:05:00Z' });
    expect(earlier.items.find((item) => item.id === 'q2')?.state).toBe('open');
    expect(earlier.items.find((item) => item.id === 'a-done')?.state).toBe('open');
    expect(earlier.items.find((item) => item.id === 'd1')?.state).toBe('decided');
    expect(earlier.items.map((item) => item.id)).not.toContain('d2');
  });

  it('keeps one item when two annotators published the same one, and one per person for a request to several', () => {
    const ask = (itemId: string, assignee: string, confidence: number) =>
      actionItem({
        itemId,
        conversationId: 'c1',
        channel: K.billing,
        summary: 'Fill in your hours in the tracker',
        assignee,
        requestedBy: K.dana,
        due: null,
        at: '2026-11-19T12:00:00.000Z',
        evidence: [ev(K.billing, 'm-sheet', K.dana, '2026-11-19T12:00:00.000Z', 'everyone add your numbers')],
        ...{ confidence },
      });
    store.log.appendAll([
      ask('sheet-priya', K.priyaSlack, 0.6),
      ask('sheet-priya-2', K.priyaSlack, 0.9),
      ask('sheet-sam', K.sam, 0.7),
    ]);
    const sheet = list().items.filter((item) => item.text === 'Fill in your hours in the tracker');
    expect(sheet.map((item) => item.id).sort()).toEqual(['sheet-priya-2', 'sheet-sam']);
  });

  it('renders plain text: a header with counts and filters, then each item with its history and citations', () => {
    const lines = renderItemsText(list({ kinds: ['action'], for: 'priya' }));
    expect(lines[0]).toBe('4 items (3 open): action items, for Priya Nair — times in Europe/Berlin');
    const overdue = lines.indexOf('[open] to do: Review the reindex PR — due 2026-11-18 (OVERDUE)');
    expect(lines.slice(overdue, overdue + 4)).toEqual([
      '[open] to do: Review the reindex PR — due 2026-11-18 (OVERDUE)',
      '    for Priya Nair · discord #dev · [search reindex]',
      '    2026-11-16 10:00  assigned to Priya Nair by Sam Ortiz',
      '        discord #dev, Sam Ortiz, 2026-11-16 10:00 [8001]',
    ]);
    expect(lines).toContain('[open] to do: Send the invoice export — due 2026-11-20 16:00 (due soon)');
    expect(renderItemsText(list({ channel: 'dev', state: 'done', kinds: ['decision'] }))).toEqual([
      '0 items (0 open): decisions, done only, in one channel — times in Europe/Berlin',
      '',
      'Nothing matches. Run `outro ingest` first, or widen the filters (--since, --channel, --for, --kind).',
    ]);
  });
});
