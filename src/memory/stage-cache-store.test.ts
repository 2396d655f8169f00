import { describe, expect, it } from 'vitest';
import { openFactDatabase } from './facts/test-support/fact-database.js';
import { SqliteStageCache } from './stage-cache-store.js';

const entry = {
  output: { items: [{ id: 'a', note: undefined }] },
  provenance: { stage: 'annotate', version: 'v1', strategy: 'heuristic' as const },
  stage: 'annotate',
  version: 'v1',
  strategy: 'heuristic',
};
const rows = (db: ReturnType<typeof openFactDatabase>): number =>
  (db.prepare('SELECT count(*) AS n FROM stage_cache').get() as { n: number }).n;

describe('SqliteStageCache', () => {
  it('writes at once by default', () => {
    const db = openFactDatabase();
    new SqliteStageCache(db).put('k', entry);
    expect(rows(db)).toBe(1);
    expect(new SqliteStageCache(db).get('k')?.output).toEqual({ items: [{ id: 'a' }] });
  });

  it('with deferWrites holds entries, answers them as written ones, and writes them on flush', () => {
    const db = openFactDatabase();
    const cache = new SqliteStageCache(db, undefined, { deferWrites: true });
    cache.put('k', entry);
    expect(rows(db)).toBe(0);
    expect(cache.get('k')).toEqual({ output: { items: [{ id: 'a' }] }, provenance: entry.provenance });
    cache.flush();
    expect(rows(db)).toBe(1);
    expect(new SqliteStageCache(db).get('k')).toEqual(cache.get('k'));
  });
});
