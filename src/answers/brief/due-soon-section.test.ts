import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { buildBrief } from './build-brief.js';
import { addWorkingDays } from './due-soon-section.js';
import { acmeDay, K, NOW, TZ } from './test-support/acme-day.js';
import { actionItem, completed, ev, openTestStore, person } from './test-support/brief-builders.js';

let temp: ReturnType<typeof makeTempDir>;
let store: ReturnType<typeof openTestStore>;

beforeEach(() => {
  temp = makeTempDir('outro-due-soon-');
  store = openTestStore(join(temp.dir, 'outro.db'));
  store.log.appendAll(acmeDay());
});
afterEach(() => {
  store.close();
  temp.cleanup();
});

const brief = (over: Partial<Parameters<typeof buildBrief>[1]> = {}) =>
  buildBrief(store, { me: 'priya', now: NOW, timezone: TZ, ...over });

/** An open item for Dana in #billing, asked by Priya on Thursday 19 Nov. */
const item = (itemId: string, due: string | null, fields: Partial<Parameters<typeof actionItem>[0]> = {}) =>
  actionItem({
    itemId,
    conversationId: 'c1',
    channel: K.billing,
    summary: `Task ${itemId}`,
    assignee: K.dana,
    requestedBy: K.priyaSlack,
    due,
    at: '2026-11-19T09:00:00.000Z',
    evidence: [ev(K.billing, `m-${itemId}`, K.priyaSlack, '2026-11-19T09:00:00.000Z', `task ${itemId}`)],
    ...fields,
  });

describe('addWorkingDays', () => {
  it('skips Saturdays and Sundays both ways', () => {
    expect(addWorkingDays('2026-11-20', 3)).toBe('2026-11-25'); // Friday → Wednesday
    expect(addWorkingDays('2026-11-21', 1)).toBe('2026-11-23'); // Saturday → Monday
    expect(addWorkingDays('2026-11-23', -1)).toBe('2026-11-20'); // Monday → Friday
    expect(addWorkingDays('2026-11-20', 0)).toBe('2026-11-20');
  });
});

describe('the due soon section', () => {
  it("lists anyone's open items overdue or due within three working days of the window's end, overdue first", () => {
    store.log.appendAll([
      item('wed', '2026-11-25'), // Friday 20th + 3 working days = Wednesday 25th: in
      item('thu', '2026-11-26'), // Thursday: out
      item('none', null),
    ]);
    const result = brief();
    expect(result.dueSoon.map((entry) => [entry.id, entry.state, entry.due])).toEqual([
      ['a-overdue', 'overdue', '2026-11-18'],
      ['a-dana', 'overdue', '2026-11-19'],
      ['a-soon', 'due-soon', '2026-11-20T15:00:00.000Z'],
      ['wed', 'due-soon', '2026-11-25'],
    ]);
    expect(result.dueSoon[1]).toMatchObject({
      text: 'Email finance',
      assignees: [{ key: K.dana, name: 'Dana Kim' }],
      requestedBy: { key: K.priyaSlack, name: 'Priya Nair' },
      topic: 'billing retries',
      evidence: [{ nativeId: '1700000005.000500', channelName: '#billing', authorName: 'Priya Nair' }],
    });
    expect(result.counts.dueSoon).toBe(4);
  });

  it('drops done items, counts items overdue for over a week, and measures from now when the window ends later', () => {
    store.log.appendAll([
      item('done', '2026-11-19'),
      completed(
        'done',
        K.dana,
        '2026-11-19T12:00:00.000Z',
        ev(K.billing, 'm-d', K.dana, '2026-11-19T12:00:00.000Z', 'done'),
      ),
      item('stale', '2026-11-12'), // 6 working days before Friday 20th
      item('week', '2026-11-13'), // 5 working days: still shown
    ]);
    const result = brief();
    expect(result.dueSoon.map((entry) => entry.id)).not.toContain('done');
    expect(result.dueSoon.map((entry) => entry.id)).toContain('week');
    expect(result.counts.longOverdue).toBe(1);
    // A window ending next week still counts from now: Friday's items are not yet overdue then.
    const later = brief({ since: '2026-11-19T00:00:00Z', until: '2026-11-30T00:00:00Z' });
    expect(later.dueSoon.find((entry) => entry.id === 'a-soon')?.state).toBe('due-soon');
  });

  it('shows one entry for a request to several people, naming those who still owe it, and self-made commitments without a requester', () => {
    store.log.appendAll([
      person('slack', 'T1', 'U3', ['Lee Park'], { handles: ['lee'] }),
      ...['slack:T1:U2', 'slack:T1:U3'].map((assignee, index) =>
        item(`group-${index}`, '2026-11-23', {
          summary: 'Fill in your hours in the tracker',
          assignee,
          evidence: [
            ev(K.billing, 'm-group', K.priyaSlack, '2026-11-19T09:00:00.000Z', 'everyone add your numbers'),
          ],
        }),
      ),
      item('mine', '2026-11-24', { assignee: K.dana, requestedBy: K.dana, summary: "I'll send the deck" }),
    ]);
    const result = brief();
    const group = result.dueSoon.filter((entry) => entry.text === 'Fill in your hours in the tracker');
    expect(group).toHaveLength(1);
    expect(group[0].assignees.map((person) => person.name)).toEqual(['Dana Kim', 'Lee Park']);
    expect(result.dueSoon.find((entry) => entry.id === 'mine')?.requestedBy).toBeNull();
  });
});

describe('occasions', () => {
  it('drops an occasion whose day has passed (it happened), but keeps work due by that day', () => {
    store.log.appendAll([
      item('cover', '2026-11-19', {
        summary: 'can one of you cover the support inbox on Thursday afternoon?',
      }),
      item('join-and-send', '2026-11-19', { summary: 'join the renewal call and send the notes after' }),
      item('join-later', '2026-11-23', { summary: 'join the renewal call Monday' }),
    ]);
    const ids = brief().dueSoon.map((entry) => entry.id);
    expect(ids).not.toContain('cover');
    expect(ids).toContain('join-and-send');
    expect(ids).toContain('join-later');
  });
});
