import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../domain/events.js';
import { makeEvent } from '../domain/events.js';
import { rebuildSearchIndex } from '../memory/search/rebuild-search-index.js';
import type { SearchReaderStarter } from '../memory/search/search-rebuild-protocol.js';
import {
  annotated,
  channelEvent,
  deleted,
  edited,
  extracted,
  openSearchDatabase,
  personEvent,
  posted,
} from '../memory/search/test-support/search-events.js';
import { searchSnapshot } from '../memory/search/test-support/search-snapshot.js';
import { startSearchReader } from './start-search-reader.js';

const T = (minute: number): string => new Date(Date.UTC(2026, 2, 1, 9) + minute * 60_000).toISOString();
const TEXTS = [
  '*ship it* :rocket:',
  'naïve café 日本語',
  'a lone \ud83d half',
  'see <https://x.io/a|the doc>',
  'OPS-1234 v4.2.1',
];

/** A log of more than two reading pages: messages (some edited, deleted, split), names, one invalid event. */
function events(): EventEnvelope[] {
  const out: EventEnvelope[] = [personEvent('UDANA', 'Dana'), channelEvent('C1', 'general')];
  for (let i = 0; i < 11_000; i++) {
    out.push(posted(`${i}.1`, `${TEXTS[i % TEXTS.length]} message ${i}`, T(i)));
    if (i % 500 === 7) out.push(edited(`${i}.1`, `edited ${i}`, T(i + 1)));
    if (i % 700 === 9) out.push(deleted(`${i}.1`, T(i + 2)));
    if (i % 50 === 49) {
      const ids = Array.from({ length: 50 }, (_, k) => `${i - k}.1`);
      out.push(extracted(`conv-${i}`, ids, T(i)), annotated(`conv-${i}`, `topic ${i}`, `summary ${i}`, T(i)));
    }
  }
  out.push(
    makeEvent({
      id: 'broken',
      type: 'message.posted',
      stream: 'x',
      occurredAt: T(0),
      payload: { text: 'broken' },
    }),
  );
  return out;
}

let home: string | undefined;
afterEach(() => {
  if (home) rmSync(home, { recursive: true, force: true });
  home = undefined;
});

function store() {
  home = mkdtempSync(join(tmpdir(), 'outro-search-reader-'));
  const { db, log } = openSearchDatabase(join(home, 'outro.db'));
  log.appendAll(events());
  return db;
}

describe('the search rebuild read in a worker thread', () => {
  it('builds the same index as reading the log on the writing thread', () => {
    const db = store();
    const inThread = rebuildSearchIndex(db);
    const expected = searchSnapshot(db);
    const inWorker = rebuildSearchIndex(db, { startWorker: startSearchReader, minSeqsForWorker: 0 });
    expect(inWorker.pagesFromWorker).toBe(Math.ceil(inWorker.cursor / 5_000));
    expect(inWorker.pagesFromWorker).toBeGreaterThan(2);
    expect(inThread.pagesFromWorker).toBe(0);
    expect({ ...inWorker, timings: 0, cpu: 0, pagesFromWorker: 0 }).toEqual({
      ...inThread,
      timings: 0,
      cpu: 0,
      pagesFromWorker: 0,
    });
    expect(inWorker.invalid).toBe(1);
    expect(searchSnapshot(db)).toEqual(expected);
    db.close();
  });

  it('reads on the writing thread what a failing worker did not deliver', () => {
    const db = store();
    rebuildSearchIndex(db);
    const expected = searchSnapshot(db);
    const broken: SearchReaderStarter = (job) =>
      startSearchReader({ ...job, file: join(home ?? '', 'missing.db') });
    const report = rebuildSearchIndex(db, { startWorker: broken, minSeqsForWorker: 0 });
    expect(report.pagesFromWorker).toBe(0);
    expect(searchSnapshot(db)).toEqual(expected);
    const throwing: SearchReaderStarter = () => {
      throw new Error('no threads here');
    };
    expect(rebuildSearchIndex(db, { startWorker: throwing, minSeqsForWorker: 0 }).pagesFromWorker).toBe(0);
    expect(searchSnapshot(db)).toEqual(expected);
    db.close();
  });

  it('is not started for a small log unless asked', () => {
    const db = store();
    expect(rebuildSearchIndex(db, { startWorker: startSearchReader }).pagesFromWorker).toBe(0);
    db.close();
  });
});
