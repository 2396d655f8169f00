import { afterEach, describe, expect, it } from 'vitest';
import { openTraceDatabase } from '../memory/traces/test-support/trace-database.js';
import { createTracing } from './tracing.js';
import { traced, runWithTracer } from './tracer.js';

describe('createTracing', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('writes spans to the store in batches, and sends nothing anywhere else by default', async () => {
    const opened = openTraceDatabase();
    cleanup = opened.cleanup;
    const tracing = createTracing(opened.db, {}, {});
    expect(tracing.otlp).toBeUndefined();
    await runWithTracer(tracing.tracer, async () => {
      await traced('stage annotate', { kind: 'stage', runId: 'r1' }, async () =>
        traced('chat m', { kind: 'model' }, async () => 1),
      );
    });
    await tracing.flush();
    const [traceId] = tracing.store.resolve('r1');
    expect(tracing.store.trace(traceId).map((span) => span.name)).toEqual(['stage annotate', 'chat m']);
    expect(tracing.tracer.content).toBe(false);
  });

  it('prunes spans older than maxAgeDays', async () => {
    const opened = openTraceDatabase();
    cleanup = opened.cleanup;
    const tracing = createTracing(opened.db, { maxAgeDays: 1 }, {});
    await tracing.tracer.withSpan('recent', {}, async () => undefined);
    await tracing.flush();
    const [recent] = tracing.store.since(0);
    tracing.store.insert({
      ...recent,
      spanId: 'ffffffffffffffff',
      traceId: 'e'.repeat(32),
      name: 'two days old',
      startMs: Date.now() - 2 * 86_400_000,
      endMs: Date.now() - 2 * 86_400_000 + 5,
    });
    const result = tracing.prune(Date.now());
    expect(result.spans).toBe(1);
    expect(tracing.store.since(0).map((span) => span.name)).toEqual(['recent']);
  });

  it('takes the size cap from OUTRO_TRACE_MAX_MB', async () => {
    const opened = openTraceDatabase();
    cleanup = opened.cleanup;
    const tracing = createTracing(opened.db, {}, { OUTRO_TRACE_MAX_MB: '0.0001' });
    for (let i = 0; i < 5; i++)
      await tracing.tracer.withSpan(
        `span ${i}`,
        { attributes: { text: 'x'.repeat(40) } },
        async () => undefined,
      );
    tracing.prune(Date.now());
    expect(tracing.store.totalBytes()).toBeLessThanOrEqual(105);
    expect(tracing.store.count()).toBeGreaterThan(0);
  });
});
