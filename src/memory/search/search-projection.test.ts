import { describe, expect, it } from 'vitest';
import type { EventEnvelope, StoredEvent } from '../../domain/events.js';
import { makeEvent } from '../../domain/events.js';
import { rebuildSearchIndex } from './rebuild-search-index.js';
import { applySearchEvents } from './search-projection.js';
import type { SearchRequest } from './search-types.js';
import { SqliteSearchIndex } from './sqlite-search-index.js';
import {
  annotated,
  answeredEvent,
  askedEvent,
  assignedEvent,
  channel,
  channelEvent,
  completedEvent,
  decisionEvent,
  deleted,
  edited,
  extracted,
  factEvent,
  openSearchDatabase,
  person,
  personEvent,
  posted,
  retractedFactEvent,
} from './test-support/search-events.js';
import { searchSnapshot } from './test-support/search-snapshot.js';

const T = (day: number, hour = 9): string => new Date(Date.UTC(2026, 2, day, hour)).toISOString();

/** A store whose log holds `events`; returns them as stored (with seqs). */
function storeWith(events: EventEnvelope[]) {
  const { db, log } = openSearchDatabase();
  log.appendAll(events);
  return { db, log, stored: log.read(), search: new SqliteSearchIndex(db) };
}

const find = (search: SqliteSearchIndex, request: SearchRequest | string) =>
  search
    .search(typeof request === 'string' ? { query: request } : request)
    .hits.map((hit) => ({ id: hit.docId, state: hit.state }));

/** A log with every kind of event the index reads, edits and deletions out of the usual order included. */
function everything(): EventEnvelope[] {
  return [
    personEvent('UDANA', 'Dana Inés'),
    channelEvent('C1', 'billing'),
    posted('100.1', 'the invoice run failed again <@UOMAR|omar>', T(1)),
    posted('100.2', 'retrying the invoice run now', T(1, 10), { author: 'UOMAR' }),
    posted('100.3', 'joined', T(1, 11), { kind: 'join' }),
    deleted('100.9', T(1, 12)),
    posted('100.9', 'this was deleted before we saw it', T(1, 11)),
    posted('100.4', 'OPS-1234 tracks the invoice bug', T(2), { channel: 'C2' }),
    edited('100.2', 'retrying the invoice run after the fix', T(2, 10)),
    deleted('100.1', T(2, 11)),
    edited('100.1', 'edited after deletion about invoices', T(2, 12)),
    extracted('conv-1', ['100.1', '100.2', '100.3'], T(2, 13)),
    annotated('conv-1', 'invoice run failures', 'The invoice run failed and was retried.', T(2, 13)),
    decisionEvent('d1', 'we decided to move invoices to the new queue', T(3)),
    decisionEvent('d2', 'we decided to keep invoices on the old queue', T(5), { reverses: 'd1' }),
    assignedEvent('a1', 'Omar to fix the invoice retry', T(3)),
    completedEvent('a1', T(6)),
    askedEvent('q1', 'who owns invoices?', T(3)),
    answeredEvent('q1', T(4)),
    factEvent('f1', 'UDANA', 'component:invoice-svc', T(3), 'Dana owns the invoice service'),
    retractedFactEvent('f1', T(7)),
    personEvent('UOMAR', 'Omar Haddad'),
    personEvent('UDANA', 'Dana T.', '2026-02-01T00:00:00.000Z'),
    // A payload that does not validate is skipped.
    makeEvent({
      id: 'broken',
      type: 'message.posted',
      stream: channel('C1'),
      occurredAt: T(8),
      payload: { text: 'broken invoice' },
    }),
  ];
}

describe('search projection', () => {
  it('indexes messages with their names, conversation and citation, and leaves joins out', () => {
    const { db, stored, search } = storeWith(everything());
    const result = applySearchEvents(db, stored);
    expect(result).toMatchObject({ events: stored.length, invalid: 1 });
    const [hit] = search.search({ query: '"invoice run after"' }).hits;
    expect(hit).toMatchObject({
      docId: 'message:slack:T1:C1:100.2',
      text: 'retrying the invoice run after the fix',
      author: person('UOMAR'),
      authorName: 'Omar Haddad',
      channel: channel('C1'),
      channelName: 'billing',
      conversationId: 'conv-1',
      nativeId: '100.2',
    });
    expect(find(search, 'joined')).toEqual([]);
    expect(find(search, 'broken')).toEqual([]);
    expect(search.search({ query: 'owns invoice', kinds: ['fact'] }).hits[0].authorName).toBe('Dana T.');
  });

  it('replaces edited text and keeps deleted messages out, whatever order the deletion came in', () => {
    const { db, stored, search } = storeWith(everything());
    applySearchEvents(db, stored);
    expect(find(search, '"run now"')).toEqual([]);
    expect(find(search, 'deleted')).toEqual([]);
    expect(find(search, 'failed')).toEqual([{ id: 'conversation:conv-1', state: null }]);
    expect(find(search, 'OPS-1234')).toEqual([{ id: 'message:slack:T1:C2:100.4', state: null }]);
  });

  it('indexes decisions, action items, questions and facts with their state, as of any time', () => {
    const { db, stored, search } = storeWith(everything());
    applySearchEvents(db, stored);
    const items = {
      query: 'invoices OR invoice',
      mode: 'any' as const,
      kinds: ['decision', 'action_item', 'question', 'fact'] as const,
    };
    const byId = (request: SearchRequest) =>
      Object.fromEntries(find(search, request).map((hit) => [hit.id, hit.state]));
    expect(byId({ ...items, kinds: [...items.kinds] })).toEqual({
      'decision:d1': 'reversed',
      'decision:d2': 'made',
      'action_item:a1': 'done',
      'question:q1': 'answered',
      'fact:f1': 'retracted',
    });
    expect(byId({ ...items, kinds: [...items.kinds], asOf: T(3, 12) })).toEqual({
      'decision:d1': 'made',
      'action_item:a1': 'open',
      'question:q1': 'open',
      'fact:f1': 'asserted',
    });
  });

  it('is idempotent: a redelivered batch, or the log applied twice, changes nothing', () => {
    const { db, stored } = storeWith(everything());
    applySearchEvents(db, stored);
    const once = searchSnapshot(db);
    applySearchEvents(db, stored.slice(5, 15));
    expect(applySearchEvents(db, stored).changed).toBe(0);
    expect(searchSnapshot(db)).toEqual(once);
  });

  it('ends the same when applied in batches with redeliveries as when rebuilt from the log', () => {
    const { db, stored } = storeWith(everything());
    let at = 0;
    for (const size of [3, 1, 5, 2, 7, 4, 100]) {
      const batch = stored.slice(at, at + size);
      applySearchEvents(db, batch);
      applySearchEvents(db, batch.slice(0, 2)); // at-least-once: part of the batch again
      at += size;
    }
    const incremental = searchSnapshot(db);
    const report = rebuildSearchIndex(db);
    expect(report).toMatchObject({
      events: stored.length,
      invalid: 1,
      cursor: stored[stored.length - 1].seq,
    });
    expect(searchSnapshot(db)).toEqual(incremental);
    expect(incremental.docs.length).toBe(report.docs);
    // CPU per phase: parts of the whole, the rest being emptying the tables and the commit.
    const { readMs, writeMs, indexMs, totalMs } = report.cpu;
    expect(Math.min(readMs, writeMs, indexMs)).toBeGreaterThanOrEqual(0);
    expect(readMs + writeMs + indexMs).toBeLessThanOrEqual(totalMs);
  });

  it('rebuilds the same index twice in a row, and goes on incrementally after a rebuild', () => {
    const events = everything();
    const { db, log, stored } = storeWith(events.slice(0, 12));
    applySearchEvents(db, stored);
    rebuildSearchIndex(db);
    rebuildSearchIndex(db);
    const seq = log.lastSeq();
    log.appendAll([
      ...events.slice(12),
      personEvent('UNEW', 'Nadia New'),
      channelEvent('C3', 'ops'),
      posted('300.1', 'Nadia checks the invoice', T(9), { author: 'UNEW', channel: 'C3' }),
    ]);
    applySearchEvents(db, log.read({ afterSeq: seq }));
    const incremental = searchSnapshot(db);
    rebuildSearchIndex(db);
    expect(searchSnapshot(db)).toEqual(incremental);
    expect(new SqliteSearchIndex(db).search({ query: 'nadia' }).hits[0]).toMatchObject({
      authorName: 'Nadia New',
      channelName: 'ops',
    });
  });

  it('drops a conversation that a later split empties, and takes it back when it is annotated again', () => {
    const { db, log, stored, search } = storeWith([
      posted('1.1', 'payroll question', T(1)),
      annotated('conv-p', 'payroll', 'Payroll dates.', T(1)),
    ]);
    applySearchEvents(db, stored);
    expect(find(search, 'payroll').map((hit) => hit.id)).toContain('conversation:conv-p');
    log.appendAll([extracted('conv-p', [], T(2))]);
    applySearchEvents(db, log.read({ afterSeq: stored[1].seq }));
    expect(find(search, 'payroll').map((hit) => hit.id)).toEqual(['message:slack:T1:C1:1.1']);
    applySearchEvents(db, stored); // redelivered: the older annotation does not revive it
    expect(find(search, 'payroll').map((hit) => hit.id)).toEqual(['message:slack:T1:C1:1.1']);
    log.appendAll([annotated('conv-p', 'payroll again', 'Payroll dates, settled.', T(3))]);
    applySearchEvents(db, log.read({ afterSeq: stored[1].seq + 1 }));
    expect(
      find(search, 'payroll')
        .map((hit) => hit.id)
        .sort(),
    ).toEqual(['conversation:conv-p', 'message:slack:T1:C1:1.1']);
  });

  it('rebuilds the conversations of messages as applying the splits in order does', () => {
    const { db, stored } = storeWith([
      extracted('conv-early', ['5.3'], T(1)), // before the message exists: it puts nothing in conv-early
      posted('5.1', 'first rollout note', T(1, 10)),
      posted('5.2', 'second rollout note', T(1, 11)),
      posted('5.3', 'third rollout note', T(1, 12)),
      extracted('conv-a', ['5.1', '5.2'], T(2)),
      extracted('conv-b', ['5.2'], T(3)), // a later split moves 5.2
      edited('5.1', 'first rollout note, edited', T(4)),
    ]);
    applySearchEvents(db, stored);
    const incremental = searchSnapshot(db);
    rebuildSearchIndex(db);
    expect(searchSnapshot(db)).toEqual(incremental);
    const byId = new Map(
      new SqliteSearchIndex(db).search({ query: 'rollout' }).hits.map((hit) => [hit.nativeId, hit]),
    );
    expect(byId.get('5.1')?.conversationId).toBe('conv-a');
    expect(byId.get('5.2')?.conversationId).toBe('conv-b');
    expect(byId.get('5.3')?.conversationId).toBeNull();
  });

  it('rebuilds links to conversations as applied in order around a deleted message whose row id is reused', () => {
    const { db, stored } = storeWith([
      posted('6.1', 'deploy window note', T(1, 10)),
      posted('6.2', 'deploy window later', T(1, 11)), // the last row: its id is free again once it is deleted
      extracted('conv-x', ['6.1', '6.2'], T(2)),
      deleted('6.2', T(2, 10)),
      extracted('conv-w', ['6.4'], T(2, 11)), // not posted yet: links nothing, not even a later row
      posted('6.3', 'deploy window moved', T(2, 12)),
      posted('6.4', 'deploy window closed', T(2, 13)),
      extracted('conv-y', ['6.3'], T(3)),
      extracted('conv-z', ['6.1'], T(4)),
      extracted('conv-old', ['6.1'], T(1)), // an older split, logged later, still moves it (log order)
    ]);
    applySearchEvents(db, stored);
    const incremental = searchSnapshot(db);
    rebuildSearchIndex(db);
    expect(searchSnapshot(db)).toEqual(incremental);
    const byId = new Map(
      new SqliteSearchIndex(db)
        .search({ query: 'deploy' })
        .hits.map((hit) => [hit.nativeId, hit.conversationId]),
    );
    expect(Object.fromEntries(byId)).toEqual({ '6.1': 'conv-old', '6.3': 'conv-y', '6.4': null });
  });

  it('rebuilds messages and splits (read without zod in a rebuild) as applying their ops does, odd ones included', () => {
    const raw = (type: string, payload: unknown, id: string) =>
      makeEvent({ id, type, stream: channel('C1'), occurredAt: T(1), payload });
    const { db, stored } = storeWith([
      posted('7.1', 'harbor crane note', T(1)),
      posted('7.1', 'harbor crane note, imported again', T(1, 1)), // the same message, a newer seq
      posted('7:2', 'harbor note with a colon in its id', T(1, 2)),
      posted('7.3', 'harbor note at no time', 'not a time'),
      deleted('7.4', T(1, 3)),
      posted('7.4', 'harbor note posted after its deletion', T(1, 4)),
      posted('7.5', 'harbor note', T(1, 5), { kind: 'tombstone' }),
      posted('7.6', 'harbor bot note', T(1, 6), { kind: 'bot', channel: 'C2' }),
      raw(
        'message.posted',
        {
          source: 'pigeon',
          workspace: 'T1',
          channel: 'C1',
          id: '7.7',
          author: 'x',
          text: 'harbor',
          kind: 'message',
          ts: T(1),
        },
        'bad-source',
      ),
      raw('message.posted', ['harbor'], 'array-payload'),
      extracted('conv-h', ['7.1', '7:2', '7.6', '7.9'], T(2)),
      extracted('conv-i', ['7.6'], T(2, 1), 'C2'),
      extracted('conv-j', [], T(2, 2)),
      raw(
        'conversation.extracted',
        { conversationId: 'conv-k', channel: '', messages: ['7.1'] },
        'no-channel',
      ),
      raw(
        'conversation.extracted',
        { conversationId: 'conv-l', channel: channel('C1'), messages: [7] },
        'bad-split',
      ),
      posted('7.8', 'harbor note after the splits', T(3)),
    ]);
    const applied = applySearchEvents(db, stored);
    const incremental = searchSnapshot(db);
    expect(incremental.docs.length).toBeGreaterThan(3);
    const report = rebuildSearchIndex(db);
    expect(report.invalid).toBe(applied.invalid);
    expect(report.invalid).toBe(4);
    expect(searchSnapshot(db)).toEqual(incremental);
  });

  it('rebuilds hundreds of messages written a batch at a time as applying them one by one, reposts inside a batch included', () => {
    const ids = Array.from({ length: 260 }, (_, n) => `8.${n + 1}`);
    const events = ids.map((id, n) => posted(id, `quarry note ${n}`, T(1, n % 24)));
    events.splice(150, 0, posted('8.120', 'quarry note 119, posted again in the same batch', T(2)));
    events.splice(170, 0, posted('8.5', 'quarry note 4, posted again a batch later', T(2, 1)));
    events.splice(
      240,
      0,
      deleted('8.230', T(2, 2)),
      posted('8.230', 'quarry note back after its deletion', T(2, 3)),
    );
    const { db, stored } = storeWith([
      ...events,
      extracted('conv-q', ['8.5', '8.120', '8.230', '8.260'], T(3)),
    ]);
    applySearchEvents(db, stored);
    const incremental = searchSnapshot(db);
    expect(incremental.docs.length).toBeGreaterThan(250);
    rebuildSearchIndex(db);
    expect(searchSnapshot(db)).toEqual(incremental);
  });

  it('links every message of a long split in a rebuild, one named twice or not posted included', () => {
    const ids = Array.from({ length: 40 }, (_, n) => `9.${n + 1}`);
    const { db, stored } = storeWith([
      ...ids.map((id, n) => posted(id, `lighthouse note ${n}`, T(1, 1 + (n % 20)))),
      extracted('conv-long', [...ids.slice(0, 20), '9.3', '9.99', ...ids.slice(20, 38)], T(2)),
      extracted('conv-late', ['9.40', '9.2'], T(3)),
    ]);
    applySearchEvents(db, stored);
    const incremental = searchSnapshot(db);
    rebuildSearchIndex(db);
    expect(searchSnapshot(db)).toEqual(incremental);
    const conversations = new SqliteSearchIndex(db)
      .search({ query: 'lighthouse', limit: 50 })
      .hits.map((hit) => `${hit.nativeId} ${hit.conversationId}`)
      .sort();
    const expected = ids.map((id, n) => {
      const conversation = n === 1 || n === 39 ? 'conv-late' : n < 38 ? 'conv-long' : null;
      return `${id} ${conversation}`;
    });
    expect(conversations).toEqual(expected.sort());
  });

  it('ignores event types it does not read', () => {
    const { db } = storeWith([]);
    const other = {
      seq: 1,
      id: 'x',
      type: 'schedule.fired',
      stream: 's',
      occurredAt: T(1),
      recordedAt: T(1),
      causationId: null,
      schemaVersion: 1,
      payload: {},
    } satisfies StoredEvent;
    expect(applySearchEvents(db, [other])).toEqual({ events: 0, invalid: 0, changed: 0 });
  });
});
