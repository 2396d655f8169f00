import { backoffDelay } from '../../domain/backoff.js';
import { OutroError } from '../../domain/errors.js';
import type { EventLog } from '../../memory/event-log.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';
import { defaultRetryOn, errorText, isFatal, runAttempt, stepBackoff } from './retry.js';
import type { RunStore } from '../../memory/workflows/run-store.js';
import type { EngineObserver, StepBody, StepOptions, StepObservation, WorkflowContext } from './types.js';

export interface StepRunnerDeps {
  db: SqliteDatabase;
  log: EventLog | undefined;
  runs: RunStore;
  owner: string;
  observer: EngineObserver | undefined;
  clock: () => number;
  random: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** The context of one execution of a run: numbers its steps and replays or checkpoints each. */
export function createRunContext(
  deps: StepRunnerDeps,
  runId: string,
  workflow: string,
  signal: AbortSignal,
): WorkflowContext {
  let nextSeq = 0;
  const assertLease = (): void => {
    const holder = deps.runs.leaseOwner(runId);
    if (holder !== deps.owner) {
      throw new OutroError(
        'STORE_LOCKED',
        `Run ${runId} lost its lease to ${holder ?? 'nobody'}; its work is left to the current holder.`,
      );
    }
  };
  const iso = (ms: number): string => new Date(ms).toISOString();

  async function step<T>(name: string, fn: StepBody<T>, options: StepOptions<T> = {}): Promise<T> {
    const stepSeq = nextSeq++;
    const recorded = deps.runs.step(runId, stepSeq);
    if (recorded && recorded.name !== name) {
      throw new OutroError(
        'WORKFLOW_NONDETERMINISTIC',
        `Run ${runId} (${workflow}) replayed step ${stepSeq} as "${name}" but its checkpoint is "${recorded.name}". The workflow's code changed under a pending run: finish it with the old version, or start a new run.`,
        { details: { runId, stepSeq, expected: recorded.name, actual: name } },
      );
    }
    if (recorded?.status === 'completed') {
      const now = deps.clock();
      const event: StepObservation = {
        runId,
        workflow,
        stepSeq,
        stepName: name,
        attempt: recorded.attempts,
        startedAt: now,
      };
      deps.observer?.stepStarted?.(event);
      deps.observer?.stepFinished?.({
        ...event,
        status: 'replayed',
        replayed: true,
        finishedAt: now,
        durationMs: 0,
      });
      return recorded.output as T;
    }
    const attempts = Math.max(1, options.attempts ?? 1);
    const retryOn = options.retryOn ?? defaultRetryOn;
    const firstStart = deps.clock();
    const label = `Step "${name}" of run ${runId}`;
    for (let attempt = 1; ; attempt++) {
      const startedAt = deps.clock();
      const event: StepObservation = { runId, workflow, stepSeq, stepName: name, attempt, startedAt };
      deps.observer?.stepStarted?.(event);
      try {
        const body = (): Promise<T> => runAttempt((s) => fn(s, attempt), signal, options.timeoutMs, label);
        const output = deps.observer?.runStep ? await deps.observer.runStep(event, body) : await body();
        const finishedAt = deps.clock();
        deps.runs.transaction(() => {
          assertLease();
          deps.runs.saveStep({
            runId,
            stepSeq,
            name,
            status: 'completed',
            output,
            error: null,
            attempts: attempt,
            startedAt: iso(firstStart),
            finishedAt: iso(finishedAt),
            durationMs: finishedAt - firstStart,
          });
          options.commit?.(output, { db: deps.db, log: deps.log });
        });
        deps.observer?.stepFinished?.({
          ...event,
          status: 'completed',
          replayed: false,
          finishedAt,
          durationMs: finishedAt - startedAt,
        });
        return output;
      } catch (error) {
        const finishedAt = deps.clock();
        const again = attempt < attempts && !signal.aborted && !isFatal(error) && retryOn(error, attempt);
        deps.observer?.stepFinished?.({
          ...event,
          status: again ? 'retrying' : 'failed',
          replayed: false,
          finishedAt,
          durationMs: finishedAt - startedAt,
          error,
        });
        if (again) {
          await deps.sleep(backoffDelay(attempt, stepBackoff(options.backoff), deps.random), signal);
          continue;
        }
        if (!signal.aborted) recordFailure(name, stepSeq, error, attempt, firstStart, finishedAt);
        throw error;
      }
    }
  }

  function recordFailure(
    name: string,
    stepSeq: number,
    error: unknown,
    attempts: number,
    start: number,
    end: number,
  ): void {
    try {
      deps.runs.transaction(() => {
        assertLease();
        deps.runs.saveStep({
          runId,
          stepSeq,
          name,
          status: 'failed',
          output: undefined,
          error: errorText(error),
          attempts,
          startedAt: iso(start),
          finishedAt: iso(end),
          durationMs: end - start,
        });
      });
    } catch {
      // The lease is gone: the holder records its own outcome.
    }
  }

  return { runId, workflow, signal, step };
}
