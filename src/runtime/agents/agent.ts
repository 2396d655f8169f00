import type { EventEnvelope, StoredEvent } from '../../domain/events.js';
import type { EventLog } from '../../memory/event-log.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';

/**
 * The contract every agent implements (docs/ARCHITECTURE.md "Agents"). An agent is a coarse-grained object:
 * it declares what it consumes and produces, keeps its own state (in its own tables or derived
 * from the log), and never calls another agent. The runtime delivers batches of new events of the
 * consumed types in log order; the events `handle` returns are appended in the same SQLite
 * transaction that checkpoints the work and advances the agent's cursor.
 *
 * Handlers must be idempotent: delivery is at least once, so produced events need deterministic
 * ids (a redelivered batch then appends nothing new).
 */
export interface AgentContext {
  /** The main store; read the log and the agent's own tables through it. */
  db: SqliteDatabase;
  log: EventLog;
  now(): Date;
  signal: AbortSignal;
  /**
   * Runs `fn` as a checkpointed step of the current durable run: on a resumed run a completed
   * step returns its recorded output instead of running again.
   */
  step<T>(name: string, fn: (signal: AbortSignal) => Promise<T> | T, options?: AgentStepOptions): Promise<T>;
  /**
   * Registers a synchronous write to the agent's own tables, committed in the same SQLite
   * transaction as the returned events, the step checkpoint and the cursor advance: it happens
   * exactly once per delivered batch. Left out by runtimes that cannot offer it.
   */
  onCommit?(write: (db: SqliteDatabase) => void): void;
  /**
   * Runs `fn` as a checkpointed step whose events (and `write`) are committed with the step's
   * checkpoint, before the batch ends: a batch that produces many events commits them in parts
   * instead of holding them all until its end. A part a resumed run already committed is not run
   * again: its recorded output (keep it small) is returned. Left out by runtimes that cannot offer it.
   */
  commitPart?<T>(name: string, fn: (signal: AbortSignal) => Promise<CommittedPart<T>>): Promise<T>;
  /** The durable run that wraps this delivery (for logs and traces). */
  runId?: string;
}

/** What one part of a batch commits (AgentContext.commitPart). */
export interface CommittedPart<T> {
  output: T;
  events: readonly EventEnvelope[];
  write?: (db: SqliteDatabase) => void;
}

export interface AgentStepOptions {
  attempts?: number;
  timeoutMs?: number;
  /** Backoff between attempts (exponential with jitter; see runtime/engine). */
  backoff?: { initialMs?: number; factor?: number; maxMs?: number; jitter?: number };
  /** Which errors are retried (default: all but non-determinism, abort and lease loss). */
  retryOn?: (error: unknown, attempt: number) => boolean;
}

export interface Agent {
  /** Stable; the consumer-group name of the agent's bus subscription. */
  readonly name: string;
  /** Bump when the output for the same input may change (a replay then recomputes). */
  readonly version: string;
  readonly consumes: readonly string[];
  readonly produces: readonly string[];
  /**
   * Events per delivery for this agent, when the runtime is not given one for all (default DEFAULT_BATCH_SIZE).
   * An agent whose per-batch cost is mostly its commit (an index writer) takes larger batches:
   * fewer transactions for the same events.
   */
  readonly batchSize?: number;
  handle(batch: readonly StoredEvent[], context: AgentContext): Promise<EventEnvelope[]>;
  /** Releases what the agent holds open (a graph database); called by whoever created it when the work ends. */
  close?(): Promise<void> | void;
}

/** Events per delivery for an agent that names no batch size of its own. */
export const DEFAULT_BATCH_SIZE = 500;
