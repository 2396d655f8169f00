import type { AppContext } from '../app/app-context.js';
import type { Agent } from '../runtime/agents/agent.js';

/** The agents the daemon runs after each ingest, kept for its life; `close()` on stop. */
export interface DaemonAgents {
  agents(): readonly Agent[];
  close(): Promise<void>;
}

/**
 * Every agent (conversations → facts → graph), made once: the graph projector holds the Kùzu
 * database open for the daemon's life (one process, one handle), and `close()` releases it.
 * Loaded on start as an optional part: a build without the agents still ingests and serves the CLI.
 */
export async function loadDaemonAgents(ctx: AppContext): Promise<DaemonAgents> {
  const { keepAgents } = await import('../app/agents.js');
  return keepAgents(ctx);
}
