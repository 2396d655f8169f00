import type { Agent } from '../runtime/agents/agent.js';
import { createAgents } from '../agents/index.js';
import { describeDrain, runUntilDrained } from '../agents/run-until-drained.js';
import type { Config } from '../app/config.js';
import type { Store } from '../app/store.js';
import { runWithTracer } from '../observability/tracer.js';
import { createTracing } from '../observability/tracing.js';
import { workflowTraceObserver } from '../runtime/engine/workflow-observer.js';

export interface AgentRunRequest {
  store: Store;
  config: Config;
  now: () => Date;
  signal: AbortSignal;
}

/** Runs the agents after each ingest; closes them (and the graph they hold) when the daemon stops. */
export interface AgentRunner {
  run(request: AgentRunRequest): Promise<string>;
  close(): Promise<void>;
}

/**
 * After an ingest, runs the agents until the bus is drained (conversations → facts → graph). This
 * file is the daemon's only contact with src/agents, so it is the place to adjust when their API
 * changes. The agents are created once and kept for the daemon's life: the graph projector holds
 * the Kùzu database open (one process, one handle), and `close()` releases it.
 */
export async function loadAgentRunner(): Promise<AgentRunner> {
  let agents: Agent[] | undefined;
  return {
    async run({ store, config, now, signal }) {
      agents ??= createAgents({ db: store.db, log: store.log, now, config });
      const tracing = createTracing(store.db, config.trace);
      try {
        const summary = await runWithTracer(tracing.tracer, () =>
          runUntilDrained({ db: store.db, log: store.log, now, signal, agents, config, engine: { observer: workflowTraceObserver(tracing.tracer) } }),
        );
        return describeDrain(summary);
      } finally {
        await tracing.flush();
        tracing.prune(now().getTime());
      }
    },
    async close() {
      for (const agent of agents ?? []) {
        const close = (agent as Agent & { close?: () => unknown }).close;
        if (typeof close === 'function') await close.call(agent);
      }
      agents = undefined;
    },
  };
}
