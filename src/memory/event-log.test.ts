import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { messageDeleted, messagePosted } from '../domain/event-builders.js';
import { EVENT, makeEvent } from '../domain/events.js';
import type { MessagePosted } from '../domain/message.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { EventLog } from './event-log.js';
import { MIGRATIONS } from './migrations/index.js';
import { openDatabase, type SqliteDatabase } from './sqlite.js';

const event = (id: string, type = 'thing.happened', stream = 's1') =>
  makeEvent({ id, type, stream, occurredAt: '2026-11-10T09:00:00.000Z', payload: { id } });

describe('EventLog', () => {
  let cleanup = () => {};
  let db: SqliteDatabase;
  afterEach(() => {
    db?.close();
    cleanup();
  });
  const open = () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    db = openDatabase(join(temp.dir, 'outro.db'), { migrations: MIGRATIONS });
    return new EventLog(db, () => new Date('2026-11-24T00:00:00Z'));
  };

  it('appends an event once, however often it is appended', () => {
    const log = open();
    expect(log.append(event('a'))).toBe(1);
    expect(log.append(event('a'))).toBeUndefined();
    expect(log.appendAll([event('a'), event('b')])).toBe(1);
    expect(log.count()).toBe(2);
  });

  it('says which of many ids are stored, past one query of them', () => {
    const log = open();
    const stored = Array.from({ length: 1_200 }, (_, k) => `e${k}`);
    log.appendAll(stored.map((id) => event(id)));
    const asked = [...stored.filter((_, k) => k % 3 === 0), 'missing', 'e5000', 'e7'];
    expect(log.storedIds(asked)).toEqual(new Set(asked.filter((id) => log.has(id))));
    expect(log.storedIds(asked).size).toBe(401);
    expect(log.storedIds([])).toEqual(new Set());
  });

  it('reads in seq order, filtered by type, stream and position', () => {
    const log = open();
    log.appendAll([event('a', 'x'), event('b', 'y', 's2'), event('c', 'x', 's2')]);
    expect(log.read({ types: ['x'] }).map((e) => e.id)).toEqual(['a', 'c']);
    expect(log.read({ stream: 's2' }).map((e) => e.id)).toEqual(['b', 'c']);
    expect(log.read({ afterSeq: 1, limit: 1 }).map((e) => e.id)).toEqual(['b']);
    expect([...log.iterate({ pageSize: 2 })].map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('reads events typed by their payload, leaving out those whose payload does not validate', () => {
    const log = open();
    const message: MessagePosted = {
      source: 'slack',
      workspace: 'T1',
      channel: 'C1',
      id: '1',
      thread: null,
      replyTo: null,
      author: 'slack:T1:U1',
      text: 'hi',
      kind: 'message',
      mentions: [],
      editedAt: null,
      ts: '2026-11-10T09:00:00.000Z',
    };
    log.appendAll([
      messagePosted(message),
      makeEvent({
        id: 'broken',
        type: EVENT.messagePosted,
        stream: 'slack:T1:C1',
        occurredAt: message.ts,
        payload: { id: '2' },
      }),
      event('other'),
      messageDeleted(
        { source: 'slack', workspace: 'T1', channel: 'C1', id: '1', deletedAt: null },
        '2026-11-10T10:00:00.000Z',
      ),
    ]);
    const typed = log.readTyped([EVENT.messagePosted, EVENT.messageDeleted]);
    expect(typed.map((e) => e.type)).toEqual([EVENT.messagePosted, EVENT.messageDeleted]);
    const texts = typed.map((e) =>
      e.type === EVENT.messagePosted ? e.payload.text : `deleted ${e.payload.id}`,
    );
    expect(texts).toEqual(['hi', 'deleted 1']);
    expect([...log.iterateTyped([EVENT.messagePosted], { pageSize: 1 })].map((e) => e.payload.text)).toEqual([
      'hi',
    ]);
  });

  it('keeps the payload, causation and recorded time', () => {
    const log = open();
    log.append({ ...event('a'), causationId: 'cause' });
    expect(log.get('a')).toMatchObject({
      payload: { id: 'a' },
      causationId: 'cause',
      recordedAt: '2026-11-24T00:00:00.000Z',
      seq: 1,
    });
  });

  it('rolls a failed batch back entirely', () => {
    const log = open();
    expect(() =>
      db.transaction(() => {
        log.appendAll([event('a'), event('b')]);
        throw new Error('crash in the middle');
      })(),
    ).toThrow('crash');
    expect(log.count()).toBe(0);
  });

  it('refuses a store written by a newer schema', () => {
    open();
    db.pragma('user_version = 999');
    const file = db.name;
    db.close();
    expect(() => openDatabase(file, { migrations: MIGRATIONS })).toThrow(/newer outro/);
    db = openDatabase(file, { migrations: [], readonly: true });
  });

  it('runs in WAL mode with a busy timeout', () => {
    open();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
  });
});
