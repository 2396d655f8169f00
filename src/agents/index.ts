import type { EventLog } from '../memory/event-log.js';
import type { SqliteDatabase } from '../memory/sqlite.js';
import type { Agent } from '../runtime/agents/agent.js';
import { ChannelCountsAgent } from './channel-counts/channel-counts-agent.js';
import { ConversationsAgent } from './conversations/conversations-agent.js';
import { annotationsAgentFromConfig } from './annotations/annotations-agent.js';
import { graphProjectorAgentFor } from './graph-projector/graph-projector-agent.js';
import { SearchIndexAgent } from './search-index/search-index-agent.js';

/** What agents are built from. `config` is the validated app config (typed loosely: agents do not import app/). */
export interface AgentDeps {
  db: SqliteDatabase;
  log: EventLog;
  now: () => Date;
  config?: unknown;
  /** The environment the command runs with (OUTRO_MODEL, OLLAMA_HOST); default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The agents serve one drain and are closed after it (`outro ingest`), not a daemon's life. */
  singleDrain?: boolean;
}

/**
 * Every agent the runtime runs, in order. To add one: one import above and one entry below.
 * Agents never call each other; they publish and subscribe (docs/ARCHITECTURE.md "Agents").
 */
export function createAgents(deps: AgentDeps): Agent[] {
  return [
    new ChannelCountsAgent(),
    new ConversationsAgent(),
    annotationsAgentFromConfig(deps.config, undefined, deps.env ?? process.env, deps.singleDrain),
    new SearchIndexAgent(),
    // Last: on a first ingest its first batch finds every event written and bulk-loads the graph.
    graphProjectorAgentFor(deps.db),
  ];
}
