import { createHash } from 'node:crypto';
import { ATTR } from '../../observability/gen-ai-attributes.js';
import type { SpanHandle, Tracer } from '../../observability/tracer.js';

/**
 * What the workflow engine reports (src/runtime/engine/types.ts EngineObserver: its
 * StepObservation and StepFinishedObservation carry these fields). The adapter below is an
 * EngineObserver: pass `workflowTraceObserver(tracer)` as the engine's observer.
 */
export interface StepEvent {
  runId: string;
  /** The workflow's name ('digest', 'annotate-channel' …). */
  workflow?: string;
  /** Position of the step in its run (0, 1, 2 …). */
  stepSeq: number;
  stepName: string;
  /** 1 for the first try. */
  attempt?: number;
}

export interface StepFinishedEvent extends StepEvent {
  /** 'failed', 'retrying' (this attempt failed), 'dead' or an error fail the span; 'completed', 'replayed' … do not. */
  status?: string;
  error?: unknown;
  /** True when the engine returned a recorded checkpoint instead of running the body. */
  replayed?: boolean;
}

export interface RunEvent {
  runId: string;
  workflow?: string;
}

export interface RunFinishedEvent extends RunEvent {
  status?: string;
  error?: unknown;
}

/** The engine's observer hook plus optional run-level and around-step hooks. */
export interface WorkflowTraceObserver {
  stepStarted(event: StepEvent): void;
  stepFinished(event: StepFinishedEvent): void;
  runStarted(event: RunEvent): void;
  runFinished(event: RunFinishedEvent): void;
  /**
   * Runs a step body with its step span active, so stage and model spans recorded inside nest
   * under the step. Works whether or not the engine also calls stepStarted/stepFinished around it.
   */
  runStep<T>(event: StepEvent, body: () => Promise<T>): Promise<T>;
}

/** Statuses that fail a span (the engine's: a step attempt 'retrying' or 'failed', a run 'failed' or 'dead'). */
const FAILED = new Set(['failed', 'dead', 'retrying', 'error']);

/** The trace id of a run: derived from its id, so a run resumed after a restart keeps one trace. */
export function traceIdOfRun(runId: string): string {
  return createHash('sha256').update(`outro-run\u0000${runId}`).digest('hex').slice(0, 32);
}

/** Turns workflow engine callbacks into spans: one `workflow <name>` root per run, one `step <name>` per step attempt. */
export function workflowTraceObserver(tracer: Tracer): WorkflowTraceObserver {
  const runs = new Map<string, SpanHandle>();
  const steps = new Map<string, SpanHandle>();
  const key = (event: StepEvent): string => `${event.runId}\u0000${event.stepSeq}`;

  const stepStarted = (event: StepEvent): void => {
    steps.get(key(event))?.end('error');
    const parent = runs.get(event.runId) ?? null;
    const span = tracer.startSpan(`step ${event.stepName}`, {
      kind: 'step',
      parent,
      traceId: traceIdOfRun(event.runId),
      runId: event.runId,
      attributes: {
        [ATTR.step]: event.stepName,
        'outro.step_seq': event.stepSeq,
        ...(event.workflow ? { [ATTR.workflow]: event.workflow } : {}),
        ...(event.attempt ? { [ATTR.attempt]: event.attempt } : {}),
      },
    });
    steps.set(key(event), span);
  };

  const stepFinished = (event: StepFinishedEvent): void => {
    const span = steps.get(key(event));
    if (!span) return;
    steps.delete(key(event));
    if (event.replayed !== undefined) span.setAttribute('outro.replayed', event.replayed);
    if (event.status !== undefined) span.setAttribute('outro.step_status', event.status);
    const failed = event.error !== undefined || (event.status !== undefined && FAILED.has(event.status));
    if (failed) span.fail(event.error ?? new Error(`step ${event.stepName} ended ${event.status}`));
    span.end();
  };

  return {
    stepStarted,
    stepFinished,
    runStarted(event) {
      runs.get(event.runId)?.end('error');
      runs.set(
        event.runId,
        tracer.startSpan(`workflow ${event.workflow ?? event.runId}`, {
          kind: 'workflow',
          parent: null,
          traceId: traceIdOfRun(event.runId),
          runId: event.runId,
          attributes: event.workflow ? { [ATTR.workflow]: event.workflow } : {},
        }),
      );
    },
    runFinished(event) {
      const span = runs.get(event.runId);
      if (!span) return;
      runs.delete(event.runId);
      if (event.status !== undefined) span.setAttribute('outro.run_status', event.status);
      const failed = event.error !== undefined || (event.status !== undefined && FAILED.has(event.status));
      if (failed) span.fail(event.error ?? new Error(`run ended ${event.status}`));
      span.end();
    },
    async runStep(event, body) {
      // The engine calls stepStarted before runStep and stepFinished after it: then only make the
      // step's span active for the body. An engine that calls runStep alone gets the whole cycle.
      const started = steps.get(key(event));
      if (started) return tracer.runInSpan(started, body);
      stepStarted(event);
      const span = steps.get(key(event))!;
      try {
        const result = await tracer.runInSpan(span, body);
        stepFinished({ ...event, status: 'completed' });
        return result;
      } catch (error) {
        stepFinished({ ...event, error });
        throw error;
      }
    },
  };
}
