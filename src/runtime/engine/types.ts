import type { EventLog } from '../../memory/event-log.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';
import type { RunStatus } from '../../memory/workflows/run-store.js';

/** The run and step records live with their store (memory/workflows); named here too for the engine's callers. */
export type { RunRecord, RunStatus, StepRecord } from '../../memory/workflows/run-store.js';

export interface BackoffOptions {
  /** Delay before the second attempt (default 100 ms). */
  initialMs?: number;
  /** Multiplier per further attempt (default 2). */
  factor?: number;
  /** Cap on one delay (default 30 s). */
  maxMs?: number;
  /** Fraction of the delay drawn at random, 0..1 (default 0.5: delay × [0.5, 1]). */
  jitter?: number;
}

/** What a step's commit hook may write; it runs inside the checkpoint's SQLite transaction. */
export interface StepTransaction {
  db: SqliteDatabase;
  log: EventLog | undefined;
}

export interface StepOptions<T = unknown> {
  /** Tries in all, including the first (default 1). */
  attempts?: number;
  backoff?: BackoffOptions;
  /** Which errors are retried (default: all but non-determinism, abort and lease loss). */
  retryOn?: (error: unknown, attempt: number) => boolean;
  /** Per attempt; the body's AbortSignal fires when it passes and the attempt fails with TIMEOUT. */
  timeoutMs?: number;
  /**
   * Synchronous writes (events, domain rows) committed in the same transaction as the step's
   * checkpoint; skipped when the step is replayed from its checkpoint.
   */
  commit?: (output: T, tx: StepTransaction) => void;
}

export type StepBody<T> = (signal: AbortSignal, attempt: number) => Promise<T> | T;

export interface WorkflowContext {
  readonly runId: string;
  readonly workflow: string;
  /** Fires when the run is stopped or its lease is lost. */
  readonly signal: AbortSignal;
  step<T>(name: string, fn: StepBody<T>, options?: StepOptions<T>): Promise<T>;
}

export type WorkflowFn<I = unknown, O = unknown> = (context: WorkflowContext, input: I) => Promise<O>;

/** What the engine reports to an observer (a tracer). Field names match observability. */
export interface StepObservation {
  runId: string;
  workflow: string;
  stepSeq: number;
  stepName: string;
  /** 1 for the first try. */
  attempt: number;
  startedAt: number;
}

export interface StepFinishedObservation extends StepObservation {
  /** completed: checkpointed; replayed: returned from the checkpoint; retrying / failed: the attempt threw. */
  status: 'completed' | 'replayed' | 'retrying' | 'failed';
  finishedAt: number;
  durationMs: number;
  replayed: boolean;
  error?: unknown;
}

export interface EngineObserver {
  stepStarted?(event: StepObservation): void;
  stepFinished?(event: StepFinishedObservation): void;
  runStarted?(event: { runId: string; workflow: string }): void;
  runFinished?(event: { runId: string; workflow: string; status: RunStatus; error?: unknown }): void;
  /** Optional: runs the body under the observer (e.g. with the step's span active). */
  runStep?<T>(event: StepObservation, body: () => Promise<T>): Promise<T>;
}

export interface RunResult<O = unknown> {
  runId: string;
  status: RunStatus;
  output?: O;
  error?: unknown;
}
