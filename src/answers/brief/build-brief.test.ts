import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { messagePosted } from '../../domain/event-builders.js';
import { buildBrief } from './build-brief.js';
import { recordBriefSeen } from '../../memory/brief-state.js';
import { acmeDay, K, NOW, TZ } from './test-support/acme-day.js';
import {
  cancelled,
  decision,
  ev,
  fact,
  meeting,
  openTestStore,
  question,
} from './test-support/brief-builders.js';

let temp: ReturnType<typeof makeTempDir>;
let store: ReturnType<typeof openTestStore>;

beforeEach(() => {
  temp = makeTempDir('outro-brief-');
  store = openTestStore(join(temp.dir, 'outro.db'));
  store.log.appendAll(acmeDay());
});
afterEach(() => {
  store.close();
  temp.cleanup();
});

const brief = (over: Partial<Parameters<typeof buildBrief>[1]> = {}) =>
  buildBrief(store, { me: 'priya', now: NOW, timezone: TZ, ...over });

describe('buildBrief', () => {
  it('defaults to the 24 hours before now when the reader has seen no brief', () => {
    const result = brief();
    expect(result.window).toEqual({
      since: '2026-11-19T08:30:00.000Z',
      until: NOW.toISOString(),
      from: 'default',
    });
  });

  it("starts where the reader's last brief ended, and --since wins over it", () => {
    recordBriefSeen(store.db, brief().reader.id, '2026-11-19T14:00:00.000Z', NOW.toISOString());
    expect(brief().window).toMatchObject({ since: '2026-11-19T14:00:00.000Z', from: 'last-brief' });
    expect(brief().decisions.map((item) => item.id)).toEqual(['d2']);
    expect(brief({ since: '3d' }).window).toMatchObject({
      since: '2026-11-17T08:30:00.000Z',
      from: 'option',
    });
  });

  it('resolves the reader from any identity on any source to the same keys', () => {
    const forms = ['priya', '@pj_dev', 'Priya Nair', 'priya@acme.io', K.priyaDiscord, 'discord:111'];
    const keys = forms.map((me) => brief({ me }).reader.keys);
    for (const found of keys) expect(found).toEqual([K.priyaDiscord, K.priyaSlack]);
    expect(brief({ me: 'pj_dev' }).reader.name).toBe('Priya Nair');
  });

  it('refuses a --me that matches no one with USAGE and lists close matches', () => {
    expect(() => brief({ me: 'priyah', meGiven: true })).toThrow(
      /No person matches "priyah".*Close matches: Priya Nair/,
    );
  });

  it('for a `me` that matches no one stored, still briefs, with one note naming close matches and how to set `me`', () => {
    const result = brief({ me: 'priyah' });
    expect(result.reader).toEqual({ id: '', name: 'everyone', keys: [] });
    expect(result.notes).toEqual([
      expect.stringMatching(
        /^`me` \("priyah"\) matches no one.*Close matches: Priya Nair.*Set `me:` in the config/,
      ),
    ]);
    expect(result.waiting).toEqual([]);
    expect(result.decisions.length).toBeGreaterThan(0);
    expect(result.day.meetings.length).toBeGreaterThan(0);
  });

  it('lists what waits on me: overdue, then due soon, then blockers/approvals and questions, then later items', () => {
    const waiting = brief().waiting;
    expect(waiting.map((item) => item.id)).toEqual(['a-overdue', 'a-soon', 'q3', 'q1', 'a-later']);
    expect(waiting.map((item) => item.state)).toEqual(['overdue', 'due-soon', 'open', 'open', 'open']);
    expect(waiting[0]).toMatchObject({ kind: 'action', isNew: false, from: { name: 'Sam Ortiz' } });
    expect(waiting[2]).toMatchObject({ kind: 'approval', from: { name: 'Dana Kim' } });
  });

  it("drops answered questions and completed items, and keeps other people's", () => {
    const ids = brief().waiting.map((item) => item.id);
    expect(ids).not.toContain('q2');
    expect(ids).not.toContain('a-done');
    expect(ids).not.toContain('q4');
    expect(ids).not.toContain('a-dana');
    // As of before the answer, the question still waits.
    expect(
      brief({ until: '2026-11-19T11:05:00.000Z', since: '2026-11-19T00:00:00.000Z' }).waiting.map(
        (item) => item.id,
      ),
    ).toContain('q2');
  });

  it('reads due states at the end of the window, not at the clock, for a brief of the past', () => {
    const later = new Date('2026-11-21T10:00:00.000Z');
    const past = brief({ now: later, until: NOW.toISOString() }).waiting;
    expect(past.find((item) => item.id === 'a-soon')?.state).toBe('due-soon');
  });

  it('stops showing an item of yours quiet and past due for more than five working days', () => {
    expect(brief().waiting.map((item) => item.id)).toContain('a-overdue');
    const later = new Date('2026-11-27T10:00:00.000Z');
    expect(brief({ now: later, until: later.toISOString() }).waiting.map((item) => item.id)).not.toContain(
      'a-overdue',
    );
  });

  it('cites evidence with source, channel name, author display name, local time and native id', () => {
    const item = brief().waiting.find((entry) => entry.id === 'q1')!;
    expect(item.evidence[0]).toEqual({
      source: 'slack',
      channel: K.billing,
      channelName: '#billing',
      author: K.dana,
      authorName: 'Dana Kim',
      at: '2026-11-19T10:05:00.000Z',
      localTime: '2026-11-19 11:05',
      nativeId: '1700000001.000100',
      snippet: '@Priya Nair can you check the retry limits before Friday?',
      conversationId: 'c1',
    });
  });

  it('shows decisions of the window, newest first, with the reversal linked both ways', () => {
    const decisions = brief().decisions;
    expect(decisions.map((item) => item.id)).toEqual(['d2', 'd1']);
    expect(decisions[0].reverses).toEqual({ id: 'd1', summary: 'Retry failed charges 5 times' });
    expect(decisions[1].reversedBy).toMatchObject({ id: 'd2' });
    expect(decisions[1].about).toEqual(['billing service']);
  });

  it('groups conversations by topic across sources, mine first, with noise collapsed', () => {
    const result = brief();
    expect(result.conversations.map((group) => group.topic.toLowerCase())).toEqual([
      'billing retries',
      'search reindex',
      'office plants',
    ]);
    const billing = result.conversations[0];
    expect(billing.conversations.map((entry) => `${entry.source} ${entry.channelName}`)).toEqual([
      'slack #billing',
      'discord #dev',
    ]);
    expect(billing.reasons).toEqual(['you took part', 'mentions you', 'your component']);
    expect(billing.participants.map((person) => person.name)).toEqual([
      'Dana Kim',
      'Priya Nair',
      'Sam Ortiz',
    ]);
    expect(billing.summary).toHaveLength(2);
    // The conversation cites its earliest item's message (the invoice-export ask at 10:00 Berlin).
    expect(billing.conversations[0].citation).toMatchObject({
      nativeId: '1700000004.000400',
      authorName: 'Dana Kim',
      channelName: '#billing',
    });
    expect(billing.summary[0]).toBe('Decided: Retry failed charges 3 times, not 5');
    expect(billing.summary[1]).toBe('Asked: Blocked on Priya Nair sign-off for the Stripe contract');
    expect(result.noise).toEqual({ count: 2, topics: ['deploy notices', 'lunch'] });
    expect(result.conversations.map((group) => group.topic)).not.toContain('old topic');
  });

  it('shows changed facts: the new owner with the previous one, and retractions', () => {
    const facts = brief().facts;
    expect(
      facts.map((item) => [item.change, item.object.name, item.subject.name, item.previous?.name ?? null]),
    ).toEqual([
      ['asserted', 'billing service', 'Priya Nair', 'Dana Kim'],
      ['retracted', 'search', 'Sam Ortiz', null],
    ]);
  });

  it("lists today's meetings in the reader's zone, without cancelled ones, with related conversations and open items", () => {
    const day = brief().day;
    expect(day.date).toBe('2026-11-20');
    expect(day.meetings.map((item) => item.uid)).toEqual(['early', 'standup', 'billing-review']);
    const review = day.meetings[2];
    expect(review.localTime).toBe('15:00–16:00');
    expect(review.attendees.map((person) => person.name)).toEqual(['Dana Kim']);
    expect(review.related[0]).toMatchObject({ conversationId: 'c1' });
    expect(review.related[0].why).toContain('topic: billing, retries');
    expect(review.openItems.map((item) => item.id)).toEqual(expect.arrayContaining(['q1', 'a-soon']));
  });

  it('drops a meeting cancelled with another UTC offset, and shows one scheduled again after its cancellation, as the graph does', () => {
    store.log.appendAll([
      cancelled({ calendar: 'calendar:team', uid: 'standup', occurrence: '2026-11-20T09:00:00+01:00' }),
      cancelled({ calendar: 'calendar:team', uid: 'billing-review', occurrence: '2026-11-20T14:00:00.000Z' }),
      meeting({
        uid: 'billing-review',
        start: '2026-11-20T14:00:00.000Z',
        end: '2026-11-20T15:00:00.000Z',
        summary: 'Billing retries review, back on',
      }),
    ]);
    expect(brief().day.meetings.map((item) => item.uid)).toEqual(['early', 'billing-review']);
  });

  it('counts each section and stays JSON-serialisable', () => {
    const result = brief();
    expect(result.counts).toEqual({
      waiting: 5,
      dueSoon: 3,
      longOverdue: 0,
      decisions: 2,
      meetings: 3,
      conversations: 3,
      noise: 2,
      facts: 2,
    });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(result.degraded).toBe(false);
  });

  it('keeps "today" right across a DST change (a 25-hour day in New York)', () => {
    store.log.appendAll([
      meeting({
        uid: 'ny-late',
        start: '2026-11-02T04:30:00.000Z',
        end: '2026-11-02T04:45:00.000Z',
        summary: '23:30 on Nov 1 in New York',
      }),
      meeting({
        uid: 'ny-next',
        start: '2026-11-02T05:30:00.000Z',
        end: '2026-11-02T05:45:00.000Z',
        summary: '00:30 on Nov 2 in New York',
      }),
      meeting({
        uid: 'ny-early',
        start: '2026-11-01T04:15:00.000Z',
        end: '2026-11-01T04:30:00.000Z',
        summary: '00:15 EDT on Nov 1',
      }),
      meeting({
        uid: 'ny-before',
        start: '2026-11-01T03:30:00.000Z',
        end: '2026-11-01T03:45:00.000Z',
        summary: '23:30 on Oct 31',
      }),
    ]);
    const day = brief({ now: new Date('2026-11-01T12:00:00.000Z'), timezone: 'America/New_York' }).day;
    expect(day.date).toBe('2026-11-01');
    expect(day.meetings.map((item) => item.uid)).toEqual(['ny-early', 'ny-late']);
    expect(day.meetings.map((item) => item.localTime)).toEqual(['00:15–00:30', '23:30–23:45']);
  });

  it('includes an unanswered question addressed to a linked identity on another source', () => {
    store.log.appendAll([
      question({
        questionId: 'q-new',
        conversationId: 'c2',
        channel: K.dev,
        text: 'Can you pair on the reindex?',
        asker: K.sam,
        addressees: [K.priyaDiscord],
        at: '2026-11-20T08:00:00.000Z',
        evidence: [ev(K.dev, '9100', K.sam, '2026-11-20T08:00:00.000Z', 'can you pair?')],
      }),
    ]);
    const result = brief({ me: 'Priya Nair' });
    expect(result.waiting.find((item) => item.id === 'q-new')).toMatchObject({
      isNew: true,
      from: { name: 'Sam Ortiz' },
    });
  });
  it('keeps one item when two annotators published the same ask (the most confident one)', () => {
    const evidence = [
      ev(
        K.billing,
        '1700000001.000100',
        K.dana,
        '2026-11-19T10:05:00.000Z',
        '@Priya Nair can you check the retry limits before Friday?',
      ),
    ];
    store.log.appendAll([
      question({
        questionId: 'q1-model',
        conversationId: 'c1',
        channel: K.billing,
        text: 'Check the retry limits before Friday',
        asker: K.dana,
        addressees: [K.priyaSlack],
        at: '2026-11-19T10:05:00.000Z',
        evidence,
        confidence: 0.95,
      }),
    ]);
    const asks = brief().waiting.filter((item) => item.evidence[0]?.nativeId === '1700000001.000100');
    expect(asks.map((item) => item.id)).toEqual(['q1-model']);
  });
  it('says degraded when an item shown came from the heuristic fallback', () => {
    store.log.appendAll([
      decision({
        decisionId: 'd-fallback',
        conversationId: 'c2',
        channel: K.dev,
        summary: 'Reindex nightly',
        decidedBy: [K.sam],
        at: '2026-11-20T07:00:00.000Z',
        provenance: {
          stage: 'annotate',
          version: 'test',
          strategy: 'heuristic',
          degraded: true,
          degradedReason: 'model timeout',
        },
        evidence: [ev(K.dev, '9200', K.sam, '2026-11-20T07:00:00.000Z', 'reindex nightly')],
      }),
    ]);
    expect(brief().degraded).toBe(true);
    expect(brief({ until: '2026-11-20T06:00:00.000Z' }).degraded).toBe(false);
  });
  it('takes durations for both ends, and refuses a bound that is neither a time nor a duration', () => {
    expect(brief({ since: '2d', until: '1d' }).window).toEqual({
      since: '2026-11-18T08:30:00.000Z',
      until: '2026-11-19T08:30:00.000Z',
      from: 'option',
    });
    expect(() => brief({ since: 'yesterday-ish' })).toThrow(
      /--since yesterday-ish is neither a time nor a duration/,
    );
    expect(() => brief({ since: '1h', until: '2h' })).toThrow(/starts .* after it ends/);
  });

  it('joins several `me` entries and skips the ones that match nobody', () => {
    const reader = brief({ me: ['not-a-person', 'pj_dev'] }).reader;
    expect(reader).toMatchObject({ name: 'Priya Nair', keys: [K.priyaDiscord, K.priyaSlack] });
  });
});

describe('buildBrief for a first-day reader', () => {
  it('without `me`, says how to set it in one line and still shows the rest of the brief', () => {
    const result = brief({ me: undefined });
    expect(result.notes).toEqual([expect.stringMatching(/^No `me` is set.*run `outro init`/)]);
    expect(result.reader).toEqual({ id: '', name: 'everyone', keys: [] });
    expect(result.decisions.length).toBeGreaterThan(0);
    expect(result.day.meetings.length).toBeGreaterThan(0);
    expect(result.facts.length).toBeGreaterThan(0);
  });

  it('on an export older than the default window, shows the last day of data with a note', () => {
    store.log.appendAll([
      messagePosted({
        source: 'slack',
        workspace: 'T1',
        channel: 'C1',
        id: '1700000010.000100',
        thread: null,
        replyTo: null,
        author: K.dana,
        text: 'the last message of the export',
        kind: 'message',
        mentions: [],
        editedAt: null,
        ts: '2026-11-20T07:00:00.000Z',
      }),
    ]);
    const later = new Date('2027-03-01T08:00:00.000Z');
    const result = brief({ now: later });
    expect(result.window.from).toBe('last-data');
    expect(result.window).toMatchObject({
      since: '2026-11-19T07:00:00.000Z',
      until: '2026-11-20T07:00:00.000Z',
    });
    expect(result.notes).toEqual([
      expect.stringMatching(
        /^Nothing in the last 24 h; the newest message is from 2026-11-\d\d — showing that day/,
      ),
    ]);
    expect(result.decisions.length).toBeGreaterThan(0);
    // An explicit window is kept as asked, empty or not.
    expect(brief({ now: later, since: '3d' })).toMatchObject({
      window: { from: 'option' },
      counts: { decisions: 0 },
    });
  });

  it('shows "Your day" for the last day of the window, not the clock\'s', () => {
    expect(brief().day.date).toBe('2026-11-20');
    const earlier = brief({ since: '2026-11-18T00:00:00Z', until: '2026-11-19T22:00:00Z' });
    // 23:00 Berlin on the 19th: that day's meetings, not the 20th's standup.
    expect(earlier.day.date).toBe('2026-11-19');
    expect(earlier.day.meetings.map((meeting) => meeting.uid)).not.toContain('standup');
  });

  it('lists a fact change stated twice once, citing both messages', () => {
    store.log.appendAll([
      fact({
        factId: 'f-priya-again',
        subject: K.priyaDiscord,
        relation: 'owns',
        object: 'component:billing',
        validFrom: '2026-11-19T14:00:00.000Z',
        conversationId: 'c1',
        evidence: [
          ev(
            K.billing,
            '1700000009.000900',
            K.dana,
            '2026-11-19T16:00:00.000Z',
            'again: Priya owns billing from today',
          ),
        ],
      }),
    ]);
    const owners = brief().facts.filter((change) => change.object.id === 'component:billing');
    expect(owners).toHaveLength(1);
    expect(owners[0]).toMatchObject({
      at: '2026-11-19T14:00:00.000Z',
      previous: { name: expect.any(String) },
    });
    expect(owners[0].evidence.map((citation) => citation.nativeId)).toEqual([
      '1700000008.000800',
      '1700000009.000900',
    ]);
  });
});
