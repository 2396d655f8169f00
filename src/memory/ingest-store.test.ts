import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { messageDeleted, messagePosted } from '../domain/event-builders.js';
import type { MessagePosted } from '../domain/message.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { EventLog } from './event-log.js';
import { IngestStore } from './ingest-store.js';
import { MIGRATIONS } from './migrations/index.js';
import { openDatabase, type SqliteDatabase } from './sqlite.js';

const posted = (id: string, text: string, editedAt: string | null = null) =>
  messagePosted({
    source: 'slack',
    workspace: 'T1',
    channel: 'C1',
    id,
    thread: null,
    replyTo: null,
    author: 'slack:T1:U1',
    text,
    kind: 'message',
    mentions: [],
    editedAt,
    ts: '2026-11-10T09:00:00.000Z',
  } satisfies MessagePosted);

describe('IngestStore', () => {
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
    const log = new EventLog(db);
    return { log, store: new IngestStore(db, log) };
  };

  it('appends nothing when the same batch is written twice', () => {
    const { log, store } = open();
    expect(store.writeBatch([posted('1', 'hello'), posted('2', 'world')])).toEqual({
      appended: 2,
      edited: 0,
    });
    expect(store.writeBatch([posted('1', 'hello'), posted('2', 'world')])).toEqual({
      appended: 0,
      edited: 0,
    });
    expect(log.count()).toBe(2);
  });

  it('appends an edit when a newer export carries different text, once', () => {
    const { log, store } = open();
    store.writeBatch([posted('1', 'ship on tuesday')]);
    expect(store.writeBatch([posted('1', 'ship on wednesday', '2026-11-10T10:00:00.000Z')])).toEqual({
      appended: 1,
      edited: 1,
    });
    expect(store.writeBatch([posted('1', 'ship on wednesday', '2026-11-10T10:00:00.000Z')])).toEqual({
      appended: 0,
      edited: 0,
    });
    const edits = log.read({ types: ['message.edited'] });
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({
      occurredAt: '2026-11-10T10:00:00.000Z',
      payload: { id: '1', text: 'ship on wednesday' },
    });
  });

  it('records deletions as their own events', () => {
    const { log, store } = open();
    store.writeBatch([posted('1', 'oops')]);
    const deletion = messageDeleted(
      { source: 'slack', workspace: 'T1', channel: 'C1', id: '1', deletedAt: null },
      '2026-11-10T11:00:00.000Z',
    );
    expect(store.writeBatch([deletion]).appended).toBe(1);
    expect(store.writeBatch([deletion]).appended).toBe(0);
    expect(db.prepare('SELECT deleted FROM message_heads').get()).toEqual({ deleted: 1 });
    expect(log.count('message.posted')).toBe(1);
  });

  it('writes a batch all or nothing', () => {
    const { log, store } = open();
    const bad = { ...posted('2', 'x'), payload: undefined as unknown as MessagePosted };
    expect(() => store.writeBatch([posted('1', 'fine'), bad])).toThrow();
    expect(log.count()).toBe(0);
  });

  it('keeps ingest runs and their problems', () => {
    const { store } = open();
    const run = store.startRun(['a.zip']);
    store.recordProblem(run, {
      path: 'a.zip/general/2026-11-10.json',
      severity: 'skipped-file',
      reason: 'truncated JSON',
    });
    store.recordProblem(run, { path: 'b.json', severity: 'skipped-record', reason: 'no id', recordIndex: 4 });
    store.finishRun(run, { files: 3, appended: 10, skipped: 2, status: 'partial' });
    expect(store.lastRun()).toMatchObject({
      id: run,
      paths: ['a.zip'],
      files: 3,
      appended: 10,
      skipped: 2,
      status: 'partial',
    });
    expect(store.problems(run)).toEqual([
      { path: 'a.zip/general/2026-11-10.json', severity: 'skipped-file', reason: 'truncated JSON' },
      { path: 'b.json', severity: 'skipped-record', reason: 'no id', recordIndex: 4 },
    ]);
  });
});
