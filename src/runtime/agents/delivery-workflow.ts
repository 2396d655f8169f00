import type { StoredEvent } from '../../domain/events.js';
import type { BusBatch } from '../../memory/bus/bus.js';
import { readAfter } from '../../memory/bus/read-after.js';
import type { SqliteBus } from '../../memory/bus/sqlite-bus.js';
import type { EventLog } from '../../memory/event-log.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';
import type { WorkflowFn } from '../engine/types.js';
import type { Agent, AgentContext, CommittedPart } from './agent.js';

/** What a delivery run records as its input: the batch without its events (they are re-read from the log). */
export type DeliveryInput = Omit<BusBatch, 'events'> & { eventSeqs?: number[] };

export interface DeliveryOutput {
  events: number;
  produced: number;
  /** The cursor had moved on before this run started: nothing was handled. */
  superseded?: boolean;
}

export const workflowNameOf = (agent: Agent): string => `agent:${agent.name}`;

export function deliveryKey(agent: Agent, batch: BusBatch): string {
  const span =
    batch.deadLetterId === undefined
      ? `${batch.after}-${batch.through}`
      : `dead-letter-${batch.deadLetterId}`;
  return `agent:${agent.name}@${agent.version}:g${batch.generation}:${span}:a${batch.attempt}`;
}

export function deliveryInput(batch: BusBatch): DeliveryInput {
  const { events, ...rest } = batch;
  return batch.deadLetterId === undefined ? rest : { ...rest, eventSeqs: events.map((event) => event.seq) };
}

/** The batch's events, re-read from the append-only log (the same on every replay). */
function eventsOf(db: SqliteDatabase, agent: Agent, input: DeliveryInput): StoredEvent[] {
  if (input.eventSeqs) return input.eventSeqs.flatMap((seq) => readAfter(db, seq - 1, [], 1, seq));
  return readAfter(db, input.after, agent.consumes, input.through - input.after, input.through);
}

/**
 * One delivery of a batch to an agent, as a durable run: the agent's handle (its own ctx.steps
 * are checkpointed), then one `commit` step whose transaction appends the produced events, runs
 * the agent's onCommit writes and advances the cursor by compare-and-set.
 */
export function deliveryWorkflow(
  agent: Agent,
  deps: {
    db: SqliteDatabase;
    log: EventLog;
    bus: SqliteBus;
    now: () => Date;
    /**
     * The events the runtime just fetched for a run, by run id: the same ones the log would give
     * (`eventsOf`), handed over instead of read again. A run resumed elsewhere reads them.
     */
    fetched?: ReadonlyMap<string, StoredEvent[]>;
  },
): WorkflowFn<DeliveryInput, DeliveryOutput> {
  return async (run, input) => {
    if (input.deadLetterId === undefined) {
      // A delivery resumed (or retried) after its cursor moved on is superseded: another run did the work.
      const cursor = deps.bus.cursor(agent.name);
      if (cursor.position !== input.after || cursor.generation !== input.generation)
        return { events: 0, produced: 0, superseded: true };
    }
    const events = deps.fetched?.get(run.runId) ?? eventsOf(deps.db, agent, input);
    const writes: ((db: SqliteDatabase) => void)[] = [];
    /** Events the parts this run committed appended (parts replayed from a checkpoint are not counted). */
    let partsProduced = 0;
    const context: AgentContext = {
      db: deps.db,
      log: deps.log,
      now: deps.now,
      signal: run.signal,
      runId: run.runId,
      step: (name, fn, options) => run.step(`${agent.name}/${name}`, fn, options),
      onCommit: (write) => void writes.push(write),
      commitPart: <T>(name: string, fn: (signal: AbortSignal) => Promise<CommittedPart<T>>) => {
        let part: CommittedPart<T> | undefined;
        return run.step(
          `${agent.name}/${name}`,
          async (signal) => {
            part = await fn(signal);
            return part.output;
          },
          {
            commit: () => {
              if (!part) return;
              partsProduced += deps.log.appendAll(part.events);
              part.write?.(deps.db);
              part = undefined;
            },
          },
        );
      },
    };
    const produced = await agent.handle(events, context);
    const batch: BusBatch = { ...input, events };
    const tally = { events: events.length, produced: produced.length + partsProduced };
    await run.step('commit', () => tally, {
      commit: () => {
        deps.log.appendAll(produced);
        for (const write of writes) write(deps.db);
        deps.bus.ackWithin(batch);
      },
    });
    return tally;
  };
}
