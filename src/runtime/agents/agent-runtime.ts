import { isOutroError, OutroError } from '../../domain/errors.js';
import type { StoredEvent } from '../../domain/events.js';
import type { BusOptions } from '../../memory/bus/bus.js';
import { SqliteBus } from '../../memory/bus/sqlite-bus.js';
import type { EventLog } from '../../memory/event-log.js';
import { deferCheckpoints, type SqliteDatabase } from '../../memory/sqlite.js';
import { WorkflowEngine, type EngineOptions } from '../engine/engine.js';
import { DEFAULT_BATCH_SIZE, type Agent } from './agent.js';
import {
  deliveryInput,
  deliveryKey,
  deliveryWorkflow,
  workflowNameOf,
  type DeliveryOutput,
} from './delivery-workflow.js';

export interface AgentRuntimeOptions {
  db: SqliteDatabase;
  log: EventLog;
  agents: readonly Agent[];
  now?: () => Date;
  /** Events per delivery for every agent (default: each agent's `batchSize`, else 500). */
  batchSize?: number;
  bus?: BusOptions;
  engine?: Omit<EngineOptions, 'db' | 'log'>;
  /** Called when an agent that handled a batch in this pass has nothing more to take, before the next one runs. */
  caughtUp?: (agent: Agent) => void;
}

export interface AgentTally {
  batches: number;
  events: number;
  produced: number;
  failures: number;
  deadLettered: number;
}

/** After each batch an agent handled: its events so far in this drain, and those still waiting for it. */
export interface AgentProgress {
  agent: string;
  handled: number;
  pending: number;
}

export interface DrainSummary {
  rounds: number;
  batches: number;
  events: number;
  produced: number;
  failures: number;
  deadLettered: number;
  /** Runs left unfinished by an earlier process and finished now. */
  resumed: number;
  agents: Record<string, AgentTally>;
  durationMs: number;
}

type Outcome = { kind: 'idle' } | { kind: 'progress' } | { kind: 'wait'; until: number };

/**
 * Runs agents over the bus: each delivery is a durable run of the agent's workflow; produced
 * events feed the agents that consume them, round after round, until no agent has pending events.
 */
export class AgentRuntime {
  readonly bus: SqliteBus;
  readonly engine: WorkflowEngine;
  private readonly now: () => Date;
  private readonly batchSize: number | undefined;
  /** The batch `deliverOnce` fetched, by the run that handles it (while it runs). */
  private readonly fetched = new Map<string, StoredEvent[]>();

  constructor(private readonly options: AgentRuntimeOptions) {
    this.now = options.now ?? (() => new Date());
    this.batchSize = options.batchSize;
    this.bus = new SqliteBus(options.db, options.log, options.bus);
    this.engine = new WorkflowEngine({ ...options.engine, db: options.db, log: options.log });
    const names = new Set<string>();
    for (const agent of options.agents) {
      if (names.has(agent.name))
        throw new OutroError(
          'INTERNAL',
          `Two agents are named "${agent.name}"; agent names are consumer groups and must be unique (src/agents/index.ts).`,
        );
      names.add(agent.name);
      this.engine.register(
        workflowNameOf(agent),
        deliveryWorkflow(agent, {
          db: options.db,
          log: options.log,
          bus: this.bus,
          now: this.now,
          fetched: this.fetched,
        }),
      );
    }
  }

  /** Events waiting per agent. */
  pending(): Record<string, number> {
    return Object.fromEntries(
      this.options.agents.map((agent) => [agent.name, this.bus.pendingSync(agent.name, agent.consumes)]),
    );
  }

  async runUntilDrained(
    options: { signal?: AbortSignal; maxWaitMs?: number; onBatch?: (progress: AgentProgress) => void } = {},
  ): Promise<DrainSummary> {
    const started = Date.now();
    const summary: DrainSummary = {
      rounds: 0,
      batches: 0,
      events: 0,
      produced: 0,
      failures: 0,
      deadLettered: 0,
      resumed: 0,
      agents: {},
      durationMs: 0,
    };
    for (const agent of this.options.agents)
      summary.agents[agent.name] = { batches: 0, events: 0, produced: 0, failures: 0, deadLettered: 0 };
    // Every delivery commits (the run, its steps, the produced events): checkpoint once at the end instead.
    const checkpoint = deferCheckpoints(this.options.db);
    try {
      await this.drain(summary, options);
    } finally {
      checkpoint();
    }
    summary.durationMs = Date.now() - started;
    return summary;
  }

  private async drain(
    summary: DrainSummary,
    options: { signal?: AbortSignal; maxWaitMs?: number; onBatch?: (progress: AgentProgress) => void },
  ): Promise<void> {
    for (const result of await this.engine.resumePending({ signal: options.signal })) {
      if (result.status !== 'completed') continue;
      summary.resumed++;
      const agent = this.options.agents.find(
        (candidate) => workflowNameOf(candidate) === this.engine.runs.get(result.runId)?.workflow,
      );
      const output = result.output as DeliveryOutput | undefined;
      if (agent && output) this.count(summary, agent, output);
    }
    for (;;) {
      if (options.signal?.aborted) break;
      summary.rounds++;
      let progress = false;
      let until = Number.POSITIVE_INFINITY;
      for (const agent of this.options.agents) {
        let handled = false;
        for (;;) {
          if (options.signal?.aborted) break;
          const outcome = await this.deliverOnce(agent, summary);
          if (outcome.kind === 'progress') {
            progress = true;
            handled = true;
            options.onBatch?.({
              agent: agent.name,
              handled: summary.agents[agent.name].events,
              pending: this.bus.pendingSync(agent.name, agent.consumes),
            });
          } else {
            if (outcome.kind === 'wait') until = Math.min(until, outcome.until);
            break;
          }
        }
        if (handled) this.options.caughtUp?.(agent);
      }
      if (progress) continue;
      if (until === Number.POSITIVE_INFINITY) break;
      const wait = Math.min(options.maxWaitMs ?? 5_000, Math.max(1, until - Date.now()));
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  private count(summary: DrainSummary, agent: Agent, output: DeliveryOutput): void {
    if (output.superseded) return;
    const tally = summary.agents[agent.name];
    summary.batches++;
    tally.batches++;
    summary.events += output.events;
    tally.events += output.events;
    summary.produced += output.produced;
    tally.produced += output.produced;
  }

  private async deliverOnce(agent: Agent, summary: DrainSummary): Promise<Outcome> {
    const subscription = this.bus.subscribe(agent.name, agent.consumes);
    const fetched = await subscription.fetch(this.batchSize ?? agent.batchSize ?? DEFAULT_BATCH_SIZE);
    if (fetched.kind === 'idle') return { kind: 'idle' };
    if (fetched.kind === 'wait') return { kind: 'wait', until: fetched.notBefore };
    const batch = fetched.batch;
    const tally = summary.agents[agent.name];
    const { runId } = this.engine.start(workflowNameOf(agent), deliveryInput(batch), {
      idempotencyKey: deliveryKey(agent, batch),
    });
    // A dead letter's run re-reads its one event by seq.
    if (batch.deadLetterId === undefined) this.fetched.set(runId, batch.events);
    let result: Awaited<ReturnType<typeof this.engine.execute<DeliveryOutput>>>;
    try {
      result = await this.engine.execute<DeliveryOutput>(runId);
    } finally {
      this.fetched.delete(runId);
    }
    if (result.busy) return { kind: 'wait', until: Date.now() + 1_000 };
    if (result.status === 'completed') {
      this.count(summary, agent, result.output ?? { events: batch.events.length, produced: 0 });
      return { kind: 'progress' };
    }
    // Held elsewhere (the graph open in another command): the run stays pending; try again shortly.
    if (isOutroError(result.error, 'STORE_LOCKED')) return { kind: 'wait', until: Date.now() + 1_000 };
    summary.failures++;
    tally.failures++;
    const nack = await subscription.nack(
      batch,
      result.error ?? new Error(`run ${runId} ended ${result.status}`),
    );
    if (nack.outcome === 'dead') {
      summary.deadLettered++;
      tally.deadLettered++;
    }
    return { kind: 'progress' };
  }
}
