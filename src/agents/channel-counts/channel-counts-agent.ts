import { EVENT, type EventEnvelope, type StoredEvent } from '../../domain/events.js';
import { countPostedMessages } from '../../memory/channel-counts.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';
import type { Agent, AgentContext } from '../../runtime/agents/agent.js';

/** The read model this agent keeps (memory/channel-counts.ts). */
export { channelCounts } from '../../memory/channel-counts.js';

/**
 * The projector that proves the agent loop: keeps `read_channel_counts` (messages posted per
 * stream) in step with the log. Its writes commit with its cursor (onCommit), and each row
 * remembers the last seq it counted, so a redelivered event is never counted twice.
 */
export class ChannelCountsAgent implements Agent {
  readonly name = 'channel-counts';
  readonly version = 'channel-counts-1';
  readonly consumes = [EVENT.messagePosted] as const;
  readonly produces = [] as const;
  /** A counter per stream: larger batches, fewer commits. */
  readonly batchSize = 5_000;

  async handle(batch: readonly StoredEvent[], context: AgentContext): Promise<EventEnvelope[]> {
    const write = (db: SqliteDatabase): void => countPostedMessages(db, batch);
    if (context.onCommit) context.onCommit(write);
    else context.db.transaction(() => write(context.db))();
    return [];
  }
}
