import { describe, expect, it } from 'vitest';
import { OutroError } from '../domain/errors.js';
import { testTracer } from './test-support/test-tracer.js';
import { activeSpan, runWithTracer, traced } from './tracer.js';

describe('Tracer', () => {
  it('nests spans through awaits and inherits the trace and run ids', async () => {
    const { tracer, sink } = testTracer();
    await tracer.withSpan('workflow digest', { kind: 'workflow', runId: 'run-1' }, async () => {
      await Promise.all([
        tracer.withSpan('step a', { kind: 'step' }, async () => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          await traced('stage annotate', { kind: 'stage' }, async () => 1);
        }),
        tracer.withSpan('step b', { kind: 'step' }, async () => 2),
      ]);
    });
    const byName = new Map(sink.spans.map((span) => [span.name, span]));
    const root = byName.get('workflow digest')!;
    expect(root.parentId).toBeNull();
    expect(byName.get('step a')!.parentId).toBe(root.spanId);
    expect(byName.get('step b')!.parentId).toBe(root.spanId);
    expect(byName.get('stage annotate')!.parentId).toBe(byName.get('step a')!.spanId);
    expect(new Set(sink.spans.map((span) => span.traceId)).size).toBe(1);
    expect(sink.spans.every((span) => span.runId === 'run-1')).toBe(true);
    expect(sink.spans.every((span) => span.endMs >= span.startMs)).toBe(true);
  });

  it('records a failed span with the error code and rethrows', async () => {
    const { tracer, sink } = testTracer();
    await expect(
      tracer.withSpan('step fetch', { kind: 'step' }, () => {
        throw new OutroError('TIMEOUT', 'took too long');
      }),
    ).rejects.toThrow('took too long');
    expect(sink.spans[0]).toMatchObject({ status: 'error', error: 'TIMEOUT: took too long' });
  });

  it('records nothing and still runs the work when no tracer is active', async () => {
    expect(await traced('stage x', {}, async (span) => (span.setAttribute('a', 1), 7))).toBe(7);
    expect(activeSpan()).toBeUndefined();
  });

  it('makes a tracer active for a call tree with runWithTracer', async () => {
    const { tracer, sink } = testTracer();
    await runWithTracer(tracer, () => traced('stage x', { kind: 'stage' }, async () => undefined));
    expect(sink.spans.map((span) => span.name)).toEqual(['stage x']);
  });

  it('keeps working when a sink throws', async () => {
    const { tracer, sink } = testTracer();
    const broken = new (tracer.constructor as typeof import('./tracer.js').Tracer)({
      sinks: [
        {
          export: () => {
            throw new Error('disk full');
          },
        },
        sink,
      ],
    });
    expect(await broken.withSpan('x', {}, async () => 'done')).toBe('done');
    expect(sink.spans).toHaveLength(1);
  });
});
