import { describe, expect, it } from 'vitest';
import { OutroError } from '../../domain/errors.js';
import { openTraceDatabase } from '../../memory/traces/test-support/trace-database.js';
import { WorkflowEngine } from './engine.js';
import type { EngineObserver } from './types.js';
import { testTracer } from '../../observability/test-support/test-tracer.js';
import { traced } from '../../observability/tracer.js';
import { traceIdOfRun, workflowTraceObserver } from './workflow-observer.js';

describe('workflowTraceObserver', () => {
  it('turns run and step callbacks into a workflow span with step children in the run trace', () => {
    const { tracer, sink } = testTracer();
    const observer = workflowTraceObserver(tracer);
    observer.runStarted({ runId: 'digest-1', workflow: 'digest' });
    observer.stepStarted({ runId: 'digest-1', workflow: 'digest', stepSeq: 0, stepName: 'load-window' });
    observer.stepFinished({
      runId: 'digest-1',
      workflow: 'digest',
      stepSeq: 0,
      stepName: 'load-window',
      status: 'completed',
    });
    observer.stepStarted({ runId: 'digest-1', stepSeq: 1, stepName: 'render', attempt: 2 });
    observer.stepFinished({
      runId: 'digest-1',
      stepSeq: 1,
      stepName: 'render',
      error: new OutroError('TIMEOUT', 'render took too long'),
    });
    observer.runFinished({ runId: 'digest-1', status: 'failed' });
    const [load, render, run] = sink.spans;
    expect(run).toMatchObject({
      name: 'workflow digest',
      kind: 'workflow',
      parentId: null,
      runId: 'digest-1',
      status: 'error',
      traceId: traceIdOfRun('digest-1'),
    });
    expect(load).toMatchObject({
      name: 'step load-window',
      kind: 'step',
      parentId: run.spanId,
      status: 'ok',
      traceId: run.traceId,
    });
    expect(load.attributes).toMatchObject({
      'outro.step': 'load-window',
      'outro.step_seq': 0,
      'outro.workflow': 'digest',
    });
    expect(render).toMatchObject({ status: 'error', error: 'TIMEOUT: render took too long' });
    expect(render.attributes['outro.attempt']).toBe(2);
  });

  it('keeps a resumed run in the same trace without a run span', () => {
    const { tracer, sink } = testTracer();
    const observer = workflowTraceObserver(tracer);
    observer.stepStarted({ runId: 'r9', stepSeq: 3, stepName: 'publish' });
    observer.stepFinished({
      runId: 'r9',
      stepSeq: 3,
      stepName: 'publish',
      status: 'completed',
      replayed: true,
    });
    expect(sink.spans[0]).toMatchObject({ traceId: traceIdOfRun('r9'), parentId: null, runId: 'r9' });
    expect(sink.spans[0].attributes['outro.replayed']).toBe(true);
  });

  it('nests stage spans under the step when the engine runs bodies through runStep', async () => {
    const { tracer, sink } = testTracer();
    const observer = workflowTraceObserver(tracer);
    const out = await observer.runStep({ runId: 'r1', stepSeq: 0, stepName: 'annotate' }, () =>
      traced('stage annotate', { kind: 'stage' }, async () => 42),
    );
    expect(out).toBe(42);
    const stage = sink.spans.find((span) => span.name === 'stage annotate')!;
    const step = sink.spans.find((span) => span.name === 'step annotate')!;
    expect(stage.parentId).toBe(step.spanId);
    expect(stage.runId).toBe('r1');
    await expect(
      observer.runStep({ runId: 'r1', stepSeq: 1, stepName: 'boom' }, async () =>
        Promise.reject(new Error('no')),
      ),
    ).rejects.toThrow('no');
    expect(sink.spans.find((span) => span.name === 'step boom')).toMatchObject({
      status: 'error',
      error: 'no',
    });
  });

  it('is an EngineObserver: replayed and completed steps succeed, retrying attempts and dead runs fail', () => {
    const { tracer, sink } = testTracer();
    const observer: EngineObserver = workflowTraceObserver(tracer);
    const step = { runId: 'r2', workflow: 'digest', stepSeq: 0, stepName: 'load', attempt: 1, startedAt: 0 };
    const done = { finishedAt: 1, durationMs: 1 };
    observer.runStarted?.({ runId: 'r2', workflow: 'digest' });
    observer.stepStarted?.(step);
    observer.stepFinished?.({ ...step, ...done, status: 'replayed', replayed: true });
    observer.stepStarted?.({ ...step, stepSeq: 1, stepName: 'send' });
    observer.stepFinished?.({
      ...step,
      ...done,
      stepSeq: 1,
      stepName: 'send',
      status: 'retrying',
      replayed: false,
      error: new Error('503'),
    });
    observer.stepStarted?.({ ...step, stepSeq: 1, stepName: 'send', attempt: 2 });
    observer.stepFinished?.({
      ...step,
      ...done,
      stepSeq: 1,
      stepName: 'send',
      attempt: 2,
      status: 'completed',
      replayed: false,
    });
    observer.runFinished?.({ runId: 'r2', workflow: 'digest', status: 'dead' });
    expect(
      sink.spans.map((span) => [span.name, span.status, span.attributes['outro.attempt'] ?? null]),
    ).toEqual([
      ['step load', 'ok', 1],
      ['step send', 'error', 1],
      ['step send', 'ok', 2],
      ['workflow digest', 'error', null],
    ]);
    expect(sink.spans[3].attributes['outro.run_status']).toBe('dead');
  });
});

describe('workflowTraceObserver with the real engine', () => {
  it('records one workflow span, one span per step attempt, and stage spans inside the step', async () => {
    const opened = openTraceDatabase();
    try {
      const { tracer, sink } = testTracer();
      const engine = new WorkflowEngine({
        db: opened.db,
        observer: workflowTraceObserver(tracer),
        sleep: async () => undefined,
      });
      let calls = 0;
      engine.register('digest', async (ctx) => {
        const window = await ctx.step('load-window', async () => 3);
        return ctx.step(
          'render',
          async () => {
            if (calls++ === 0) throw new Error('flaky render');
            return traced('stage render', { kind: 'stage' }, async () => window * 2);
          },
          { attempts: 2 },
        );
      });
      const result = await engine.run('digest', {});
      expect(result.status).toBe('completed');
      const names = sink.spans.map((span) => `${span.name}:${span.status}`);
      expect(names).toEqual([
        'step load-window:ok',
        'step render:error',
        'stage render:ok',
        'step render:ok',
        'workflow digest:ok',
      ]);
      const byName = (name: string, status = 'ok') =>
        sink.spans.find((span) => span.name === name && span.status === status)!;
      expect(byName('stage render').parentId).toBe(byName('step render').spanId);
      expect(byName('step render').parentId).toBe(byName('workflow digest').spanId);
      expect(new Set(sink.spans.map((span) => span.traceId))).toEqual(new Set([traceIdOfRun(result.runId)]));
    } finally {
      opened.cleanup();
    }
  });
});
