import type { EventLog } from '../memory/event-log.js';
import type { SqliteDatabase } from '../memory/sqlite.js';
import type { Agent } from '../runtime/agents/agent.js';
import { createAgents } from './index.js';
import { collectGarbage } from '../runtime/collect-garbage.js';
import { limitHeapGrowth } from '../runtime/heap-growth.js';
import {
  AgentRuntime,
  type AgentProgress,
  type AgentRuntimeOptions,
  type DrainSummary,
} from '../runtime/agents/agent-runtime.js';

export interface RunUntilDrainedOptions {
  db: SqliteDatabase;
  log: EventLog;
  now?: () => Date;
  signal?: AbortSignal;
  /** Default: createAgents({ db, log, now, config, singleDrain: true }), closed at the end. */
  agents?: readonly Agent[];
  config?: unknown;
  /** Passed to the agents (OUTRO_MODEL, OLLAMA_HOST); default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  engine?: AgentRuntimeOptions['engine'];
  bus?: AgentRuntimeOptions['bus'];
  onBatch?: (progress: AgentProgress) => void;
}

/** Runs every agent in this process until the bus is drained (what `outro ingest` and the daemon call). */
export async function runUntilDrained(options: RunUntilDrainedOptions): Promise<DrainSummary> {
  limitHeapGrowth();
  const now = options.now ?? (() => new Date());
  const single = !options.agents;
  const agents =
    options.agents ??
    createAgents({
      db: options.db,
      log: options.log,
      now,
      config: options.config,
      env: options.env,
      singleDrain: true,
    });
  try {
    const runtime = new AgentRuntime({
      db: options.db,
      log: options.log,
      agents,
      now,
      engine: options.engine,
      bus: options.bus,
      // Agents made for this drain let their caches go once caught up (singleDrain): collected
      // before the next agent's heap grows on top of them (issue 16: ~590 MB of heap when the
      // search index started after annotate at 200,000 messages, ~60 MB live).
      ...(single ? { caughtUp: collectGarbage } : {}),
    });
    return await runtime.runUntilDrained({ signal: options.signal, onBatch: options.onBatch });
  } finally {
    // Agents created here are closed here; agents passed in belong to the caller.
    if (!options.agents) for (const agent of agents) await agent.close?.();
  }
}
