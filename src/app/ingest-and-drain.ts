import { CONNECTORS } from '../connectors/registry.js';
import type { Agent } from '../runtime/agents/agent.js';
import type { DrainSummary } from '../runtime/agents/agent-runtime.js';
import type { AppContext, AppHooks } from './app-context.js';
import { connectorOptions } from './connector-options.js';
import { ingestPaths, type IngestOptions, type IngestSummary } from './ingest.js';
import type { IngestInput } from './operation-inputs.js';

export interface IngestResult {
  summary: IngestSummary;
  /** What the agents did after the ingest (absent: not asked for, nothing read, or they failed). */
  agents?: DrainSummary;
  /** Why the agents failed: the events are stored, a later run resumes. */
  agentsFailed?: { message: string; stack?: string };
}

/** What only the process itself can give an ingest: how to read, and agents it keeps. */
export interface IngestRun {
  hooks?: AppHooks;
  worker?: IngestOptions['worker'];
  /** Agents the caller keeps (the daemon); default: made and closed for this run. */
  agents?: () => readonly Agent[];
  /** Once aborted, the agents do not start. */
  signal?: AbortSignal;
  /** Record the agents' runs as spans of their own (default true; false: under the caller's tracer, if any). */
  traced?: boolean;
  /** Called between the ingest and the agents (the daemon records what it read). */
  onIngested?: (summary: IngestSummary) => void;
}

/**
 * `outro ingest`, the daemon's watched exports and the eval workspaces: reads the inputs into the
 * event log (the config's connector options and people aliases), then — unless `agents` is false,
 * or nothing could be read — runs the agents until the bus is drained. A failure of the agents is
 * returned, not thrown: the events are stored either way.
 */
export async function ingestAndDrain(
  ctx: AppContext,
  input: IngestInput,
  run: IngestRun = {},
): Promise<IngestResult> {
  const config = ctx.config();
  const summary = await ingestPaths(ctx.store(), input.inputs, {
    connectors: CONNECTORS,
    connectorOptions: connectorOptions(config, ctx.now()),
    aliases: config.people,
    onProgress: run.hooks?.onIngestProgress,
    worker: run.worker,
  });
  run.onIngested?.(summary);
  if (summary.status !== 'failed') {
    // New people are grouped and kept now, so that the next `ask` reads them back (one row).
    const { loadPeopleDirectory } = await import('../answers/people/directory-snapshot.js');
    loadPeopleDirectory(ctx.store().db);
  }
  if (!input.agents || summary.status === 'failed' || run.signal?.aborted) return { summary };
  try {
    // Loaded here, not with the ingest: the agents pull in the NLP model and Kùzu (~0.5 s).
    const { drainAgents } = await import('./agents.js');
    return {
      summary,
      agents: await drainAgents(ctx, {
        agents: run.agents?.(),
        signal: run.signal,
        traced: run.traced,
        onProgress: run.hooks?.onAgentProgress,
      }),
    };
  } catch (error) {
    return {
      summary,
      agentsFailed: {
        message: error instanceof Error ? error.message : String(error),
        ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
      },
    };
  }
}
