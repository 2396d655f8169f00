import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONNECTORS } from '../connectors/registry.js';
import {
  baseExport,
  NOW,
  slackMessage,
  writeExport,
} from '../connectors/slack/test-support/slack-export-fixture.js';
import { ingestPaths, type IngestOptions } from './ingest.js';
import { openStore } from './store.js';

function options(worker: IngestOptions['worker']): IngestOptions {
  return {
    connectors: CONNECTORS,
    connectorOptions: { now: NOW, calendarPastDays: 30, calendarFutureDays: 30 },
    worker,
  };
}

describe('ingest in a worker thread', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'outro-ingest-worker-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores exactly the events the in-process path stores, and reports bad files the same way', async () => {
    const exportDir = await writeExport(
      join(dir, 'export'),
      baseExport({
        'general/2026-02-27.json': [
          slackMessage('1772193600.000100', { text: 'hello <@U2>' }),
          slackMessage('1772193660.000200', { user: 'U2', text: 'hi' }),
        ],
        'general/2026-02-28.json': [
          slackMessage('1772280000.000100', {
            text: 'edited later',
            edited: { user: 'U1', ts: '1772280100.000000' },
          }),
        ],
        'general/2026-03-01.json': '{"truncated": [',
      }),
    );
    const results = [];
    for (const mode of ['never', 'always'] as const) {
      const store = openStore(join(dir, `${mode}.db`));
      const summary = await ingestPaths(store, [exportDir], options(mode));
      const rows = store.db.prepare('SELECT id, type, payload FROM events ORDER BY id').all();
      results.push({ summary, rows });
      store.close();
    }
    const [inProcess, worker] = results;
    expect(worker.rows.length).toBeGreaterThan(3);
    expect(worker.rows).toEqual(inProcess.rows);
    expect(worker.summary.appended).toBe(inProcess.summary.appended);
    expect(worker.summary.problems.map((problem) => problem.path)).toEqual(
      inProcess.summary.problems.map((problem) => problem.path),
    );
    expect(worker.summary.problems.some((problem) => problem.path.includes('2026-03-01.json'))).toBe(true);
    expect(worker.summary.status).toBe('partial');
  });

  it('appends nothing when the same export is read again through the worker', async () => {
    const exportDir = await writeExport(
      join(dir, 'export'),
      baseExport({ 'general/2026-02-27.json': [slackMessage('1772193600.000100')] }),
    );
    const store = openStore(join(dir, 'outro.db'));
    const first = await ingestPaths(store, [exportDir], options('always'));
    const second = await ingestPaths(store, [exportDir], options('always'));
    store.close();
    expect(first.appended).toBeGreaterThan(0);
    expect(second.appended).toBe(0);
  });
});
