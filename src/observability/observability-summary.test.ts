import { afterEach, describe, expect, it } from 'vitest';
import type { SpanRecord } from '../memory/traces/span-record.js';
import { SqliteSpanStore } from '../memory/traces/sqlite-span-store.js';
import { openTraceDatabase } from '../memory/traces/test-support/trace-database.js';
import { tracesMigration } from '../memory/migrations/007-traces.js';
import { openDatabase } from '../memory/sqlite.js';
import { ATTR } from './gen-ai-attributes.js';
import { observabilitySummary, renderObservabilitySummary } from './observability-summary.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-20T12:00:00Z');
let n = 0;
const span = (over: Partial<SpanRecord>): SpanRecord => ({
  spanId: (++n).toString(16).padStart(16, '0'),
  traceId: 'a'.repeat(32),
  parentId: null,
  runId: null,
  name: 'x',
  kind: 'internal',
  startMs: NOW - 1_000,
  endMs: NOW,
  status: 'ok',
  error: null,
  attributes: {},
  ...over,
});

describe('observabilitySummary', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('counts runs (from spans, in a store without the engine), failures, degraded outputs, drops, model calls and the cache hit rate', () => {
    const db = openDatabase(':memory:', { migrations: [{ ...tracesMigration, version: 1 }] });
    cleanup = () => db.close();
    const opened = { db };
    new SqliteSpanStore(opened.db).insertAll([
      span({ kind: 'workflow', runId: 'r1' }),
      span({ kind: 'step', runId: 'r1' }),
      span({ kind: 'workflow', runId: 'r2', status: 'error' }),
      span({ kind: 'step', runId: 'r3', status: 'error' }),
      span({ kind: 'stage', attributes: { [ATTR.cacheHit]: true } }),
      span({ kind: 'stage', attributes: { [ATTR.cacheHit]: false, [ATTR.degraded]: true } }),
      span({ kind: 'stage', attributes: { [ATTR.cacheHit]: false, [ATTR.groundingDrops]: 3 } }),
      span({ kind: 'stage', attributes: { [ATTR.cacheHit]: false } }),
      span({ kind: 'model', attributes: { [ATTR.inputTokens]: 100, [ATTR.outputTokens]: 20 } }),
      span({ kind: 'model', status: 'error' }),
      span({ kind: 'stage', startMs: NOW - 2 * DAY, attributes: { [ATTR.degraded]: true } }),
    ]);
    const summary = observabilitySummary(opened.db, new Date(NOW - DAY));
    expect(summary).toMatchObject({
      runs: 3,
      failedRuns: 2,
      failedSteps: 1,
      deadLetters: null,
      stageCalls: 4,
      degradedOutputs: 1,
      hallucinationDrops: 3,
      modelCalls: 2,
      failedModelCalls: 1,
      inputTokens: 100,
      outputTokens: 20,
      cacheHits: 1,
      cacheHitRate: 0.25,
      evalRuns: 0,
    });
    expect(renderObservabilitySummary(summary).join('\n')).toContain('cache hit rate 25%');
  });

  it('reads runs from workflow_runs and dead letters from the bus when those tables exist', () => {
    const opened = openTraceDatabase();
    cleanup = opened.cleanup;
    const iso = (ms: number) => new Date(ms).toISOString();
    const run = opened.db.prepare(
      "INSERT INTO workflow_runs (id, workflow, input, status, created_at, updated_at, finished_at) VALUES (?, 'digest', '{}', ?, ?, ?, ?)",
    );
    run.run('a', 'completed', iso(NOW - 1_000), iso(NOW), iso(NOW));
    run.run('b', 'dead', iso(NOW - 2_000), iso(NOW), iso(NOW));
    run.run('c', 'failed', iso(NOW - 3 * DAY), iso(NOW - 3 * DAY), iso(NOW - 3 * DAY));
    const letter = opened.db.prepare(
      "INSERT INTO bus_dead_letters (consumer, event_seq, event_id, event_type, attempts, error, status, dead_at, updated_at) VALUES ('facts', ?, ?, 'x', 5, 'boom', ?, ?, ?)",
    );
    letter.run(1, 'e1', 'dead', iso(NOW), iso(NOW));
    letter.run(2, 'e2', 'resolved', iso(NOW), iso(NOW));
    const summary = observabilitySummary(opened.db, new Date(NOW - DAY));
    expect(summary).toMatchObject({ runs: 2, failedRuns: 1, deadLetters: 1 });
  });

  it('counts rows of another dead-letter table, and gives zeros without trace tables', () => {
    const db = openDatabase(':memory:', {
      migrations: [
        {
          version: 1,
          name: 'bus',
          up: (d) =>
            d.exec(
              'CREATE TABLE queue_dead_letters (id INTEGER PRIMARY KEY); INSERT INTO queue_dead_letters VALUES (1), (2);',
            ),
        },
      ],
    });
    const summary = observabilitySummary(db, new Date(NOW - DAY));
    expect(summary.deadLetters).toBe(2);
    expect(summary.runs).toBe(0);
    expect(summary.cacheHitRate).toBeNull();
    db.close();
  });
});
