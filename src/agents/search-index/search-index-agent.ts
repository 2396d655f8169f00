import type { EventEnvelope, StoredEvent } from '../../domain/events.js';
import {
  applySearchEvents,
  SEARCH_EVENT_TYPES,
  type SearchApplyResult,
} from '../../memory/search/search-projection.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';
import type { Agent, AgentContext } from '../../runtime/agents/agent.js';

export const SEARCH_INDEX_AGENT_VERSION = 'search-index-1';

/**
 * Keeps the full-text search index (memory/search, `outro search` and the retrieval answers of
 * `outro ask`) in step with the log: messages, edits and deletions, conversations, decisions,
 * action items, questions and facts, names of people and channels. Produces no events.
 *
 * A batch is applied in one transaction with the agent's cursor when the runtime offers it
 * (onCommit), else in its own. Idempotent: every change carries the seq it comes from, so a
 * redelivered batch changes nothing (see search-projection.ts).
 */
export class SearchIndexAgent implements Agent {
  readonly name = 'search-index';
  readonly version = SEARCH_INDEX_AGENT_VERSION;
  readonly consumes = SEARCH_EVENT_TYPES;
  readonly produces = [] as const;
  /** Its cost is mostly the commit (FTS segments flushed per transaction): 10x the default batch. */
  readonly batchSize = 5_000;
  /** What the last batch did (for tests). */
  lastResult: SearchApplyResult | undefined;

  async handle(batch: readonly StoredEvent[], context: AgentContext): Promise<EventEnvelope[]> {
    if (batch.length === 0) return [];
    const write = (db: SqliteDatabase): void => {
      this.lastResult = applySearchEvents(db, batch);
    };
    if (context.onCommit) context.onCommit(write);
    else context.db.transaction(() => write(context.db))();
    return [];
  }
}
