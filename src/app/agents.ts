import { createAgents } from '../agents/index.js';
import { runUntilDrained } from '../agents/run-until-drained.js';
import type { Agent } from '../runtime/agents/agent.js';
import type { AgentProgress, DrainSummary } from '../runtime/agents/agent-runtime.js';
import { workflowTraceObserver } from '../runtime/engine/workflow-observer.js';
import type { AppContext } from './app-context.js';
import { withTracing } from './tracing.js';

export interface DrainOptions {
  /** Agents the caller keeps (the daemon: for its life, as the graph projector holds the graph); default: made and closed here. */
  agents?: readonly Agent[];
  signal?: AbortSignal;
  /** Record the runs' spans (default true). */
  traced?: boolean;
  onProgress?: (progress: AgentProgress) => void;
}

/** Runs every agent in this process until the bus is drained: conversations → facts → graph. */
export async function drainAgents(ctx: AppContext, options: DrainOptions = {}): Promise<DrainSummary> {
  const store = ctx.store();
  const drain = (observer?: ReturnType<typeof workflowTraceObserver>): Promise<DrainSummary> =>
    runUntilDrained({
      db: store.db,
      log: store.log,
      now: () => ctx.now(),
      config: ctx.config(),
      env: ctx.env,
      agents: options.agents,
      signal: options.signal,
      onBatch: options.onProgress,
      ...(observer ? { engine: { observer } } : {}),
    });
  if (options.traced === false) return drain();
  return withTracing(ctx, (tracer) => drain(workflowTraceObserver(tracer)));
}

/** The agents, made on first use and kept for a long-running process; `close()` releases what they hold (the graph). */
export function keepAgents(ctx: AppContext): { agents(): readonly Agent[]; close(): Promise<void> } {
  let agents: Agent[] | undefined;
  return {
    agents() {
      const store = ctx.store();
      agents ??= createAgents({
        db: store.db,
        log: store.log,
        now: () => ctx.now(),
        config: ctx.config(),
        env: ctx.env,
      });
      return agents;
    },
    async close() {
      for (const agent of agents ?? []) await agent.close?.();
      agents = undefined;
    },
  };
}
