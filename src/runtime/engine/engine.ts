import { randomUUID } from 'node:crypto';
import { isOutroError, OutroError } from '../../domain/errors.js';
import type { EventLog } from '../../memory/event-log.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';
import { makeOwnerId, ownerIsGone } from './lease.js';
import { errorText } from './retry.js';
import { RunStore } from '../../memory/workflows/run-store.js';
import { createRunContext } from './step-runner.js';
import type { EngineObserver, RunResult, WorkflowFn } from './types.js';

export interface EngineOptions {
  db: SqliteDatabase;
  /** The event log steps may append to in their commit hooks. */
  log?: EventLog;
  /** This process's lease owner id (default: host:pid:nonce). */
  owner?: string;
  /** How long a claim lasts without a heartbeat (default 30 s). */
  leaseMs?: number;
  /** Heartbeat period (default leaseMs / 3). */
  heartbeatMs?: number;
  /** A run taken over after its holder died more than this many times is marked dead (default 3). */
  maxRecoveries?: number;
  observer?: EngineObserver;
  /** Epoch milliseconds; injected by tests. */
  clock?: () => number;
  random?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface StartOptions {
  /** A second start with the same key returns the first run. */
  idempotencyKey?: string;
  runId?: string;
}

export interface ExecuteResult<O = unknown> extends RunResult<O> {
  /** True when another live process holds the run's lease; nothing was executed. */
  busy?: boolean;
}

const defaultSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal.aborted)
      return reject(new OutroError('ABORTED', 'Stopped while waiting to retry.', { cause: signal.reason }));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new OutroError('ABORTED', 'Stopped while waiting to retry.', { cause: signal.reason }));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

/**
 * The embedded durable workflow engine (docs/ARCHITECTURE.md "Durable workflows"): runs are ordinary async
 * functions whose `step`s are checkpointed in SQLite, claimed under a heartbeated lease.
 */
export class WorkflowEngine {
  readonly runs: RunStore;
  readonly owner: string;
  private readonly workflows = new Map<string, WorkflowFn>();
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly maxRecoveries: number;
  private readonly clock: () => number;

  constructor(private readonly options: EngineOptions) {
    this.runs = new RunStore(options.db);
    this.owner = options.owner ?? makeOwnerId();
    this.leaseMs = options.leaseMs ?? 30_000;
    this.heartbeatMs = options.heartbeatMs ?? Math.max(10, Math.floor(this.leaseMs / 3));
    this.maxRecoveries = options.maxRecoveries ?? 3;
    this.clock = options.clock ?? Date.now;
  }

  register<I, O>(name: string, fn: WorkflowFn<I, O>): this {
    this.workflows.set(name, fn as WorkflowFn);
    return this;
  }

  has(name: string): boolean {
    return this.workflows.has(name);
  }

  /** Records a pending run (or finds the one with the same idempotency key). */
  start(workflow: string, input: unknown, options: StartOptions = {}): { runId: string; created: boolean } {
    return this.runs.transaction(() => {
      if (options.idempotencyKey !== undefined) {
        const existing = this.runs.byKey(options.idempotencyKey);
        if (existing) return { runId: existing.id, created: false };
      }
      const runId = options.runId ?? `run_${randomUUID()}`;
      this.runs.insert({
        id: runId,
        workflow,
        idempotencyKey: options.idempotencyKey ?? null,
        input,
        at: new Date(this.clock()).toISOString(),
      });
      return { runId, created: true };
    });
  }

  /** Starts (or finds) a run and executes it to its end. */
  async run<O = unknown>(
    workflow: string,
    input: unknown,
    options: StartOptions & { signal?: AbortSignal } = {},
  ): Promise<ExecuteResult<O>> {
    const { runId } = this.start(workflow, input, options);
    return this.execute<O>(runId, options);
  }

  /** Executes every unfinished run of a registered workflow whose lease is free. */
  async resumePending(options: { signal?: AbortSignal } = {}): Promise<ExecuteResult[]> {
    const results: ExecuteResult[] = [];
    for (const run of this.runs.unfinished()) {
      if (options.signal?.aborted) break;
      if (!this.workflows.has(run.workflow)) continue;
      results.push(await this.execute(run.id, options));
    }
    return results;
  }

  /**
   * Claims the run's lease and runs it: completed steps return their checkpoints, the first
   * unfinished one runs again. A finished run returns its recorded outcome.
   */
  async execute<O = unknown>(
    runId: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<ExecuteResult<O>> {
    const claim = this.claim(runId);
    if (claim.kind !== 'claimed') return claim.result as ExecuteResult<O>;
    const run = claim.run;
    const fn = this.workflows.get(run.workflow);
    if (!fn) {
      this.release(runId);
      throw new OutroError(
        'NOT_FOUND',
        `No workflow named "${run.workflow}" is registered in this process; run ${runId} stays pending.`,
      );
    }
    const controller = new AbortController();
    const onOuterAbort = (): void => controller.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onOuterAbort, { once: true });
    const heartbeat = setInterval(() => {
      const renewed = this.runs.renewLease(runId, this.owner, this.clock() + this.leaseMs);
      if (!renewed) controller.abort(new OutroError('STORE_LOCKED', `Run ${runId} lost its lease.`));
    }, this.heartbeatMs);
    heartbeat.unref();
    this.options.observer?.runStarted?.({ runId, workflow: run.workflow });
    const context = createRunContext(
      {
        db: this.options.db,
        log: this.options.log,
        runs: this.runs,
        owner: this.owner,
        observer: this.options.observer,
        clock: this.clock,
        random: this.options.random ?? Math.random,
        sleep: this.options.sleep ?? defaultSleep,
      },
      runId,
      run.workflow,
      controller.signal,
    );
    try {
      const output = (await fn(context, run.input)) as O;
      const done = this.finish(runId, 'completed', output, null);
      this.options.observer?.runFinished?.({
        runId,
        workflow: run.workflow,
        status: done ? 'completed' : 'running',
      });
      return done ? { runId, status: 'completed', output } : this.outcome<O>(runId);
    } catch (error) {
      // A store another process holds (the graph while a command reads it, a cursor it moved) is
      // no failure of this run: it stays pending and runs again later (issue 16).
      if (
        isOutroError(error, 'STORE_LOCKED') ||
        (options.signal?.aborted && !isOutroError(error, 'WORKFLOW_NONDETERMINISTIC'))
      ) {
        this.release(runId);
        this.options.observer?.runFinished?.({ runId, workflow: run.workflow, status: 'pending', error });
        return { runId, status: 'pending', error };
      }
      const failed = this.finish(runId, 'failed', undefined, errorText(error));
      this.options.observer?.runFinished?.({ runId, workflow: run.workflow, status: 'failed', error });
      return failed ? { runId, status: 'failed', error } : { ...this.outcome<O>(runId), error };
    } finally {
      clearInterval(heartbeat);
      options.signal?.removeEventListener('abort', onOuterAbort);
    }
  }

  private outcome<O>(runId: string): ExecuteResult<O> {
    const run = this.runs.get(runId);
    return {
      runId,
      status: run?.status ?? 'failed',
      output: run?.output as O,
      error: run?.error ?? undefined,
      busy: run?.status === 'running',
    };
  }

  private claim(
    runId: string,
  ):
    | { kind: 'claimed'; run: NonNullable<ReturnType<RunStore['get']>> }
    | { kind: 'skip'; result: ExecuteResult } {
    return this.runs.transaction(() => {
      const run = this.runs.get(runId);
      if (!run) throw new OutroError('NOT_FOUND', `No workflow run ${runId}. \`outro runs\` lists them.`);
      if (run.status === 'completed' || run.status === 'failed' || run.status === 'dead') {
        return {
          kind: 'skip' as const,
          result: { runId, status: run.status, output: run.output, error: run.error ?? undefined },
        };
      }
      const now = this.clock();
      let recoveries = run.recoveries;
      if (run.status === 'running') {
        const held =
          run.leaseOwner !== null && (run.leaseExpiresAt ?? 0) > now && !ownerIsGone(run.leaseOwner);
        if (held) return { kind: 'skip' as const, result: { runId, status: 'running' as const, busy: true } };
        recoveries++;
      }
      const stamp = new Date(now).toISOString();
      if (recoveries > this.maxRecoveries) {
        const error = `Run was interrupted ${recoveries} times without finishing (its process died or lost its lease); marked dead. \`outro retry ${runId}\` tries again.`;
        this.runs.markDead(runId, error, recoveries, stamp);
        return { kind: 'skip' as const, result: { runId, status: 'dead' as const, error } };
      }
      this.runs.claim(runId, this.owner, now + this.leaseMs, recoveries, stamp);
      return { kind: 'claimed' as const, run: { ...run, recoveries } };
    });
  }

  private finish(
    runId: string,
    status: 'completed' | 'failed',
    output: unknown,
    error: string | null,
  ): boolean {
    return this.runs.finish(runId, this.owner, {
      status,
      output,
      error,
      at: new Date(this.clock()).toISOString(),
    });
  }

  /** Gives the lease back without finishing (the process is stopping): the run stays pending. */
  private release(runId: string): void {
    this.runs.release(runId, this.owner, new Date(this.clock()).toISOString());
  }
}
