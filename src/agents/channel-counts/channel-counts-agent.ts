import { EVENT, type EventEnvelope, type StoredEvent } from '../../domain/events.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';
import type { Agent, AgentContext } from '../../runtime/agents/agent.js';

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

  async handle(batch: readonly StoredEvent[], context: AgentContext): Promise<EventEnvelope[]> {
    const write = (db: SqliteDatabase): void => {
      const upsert = db.prepare(
        `INSERT INTO read_channel_counts (stream, messages, last_seq) VALUES (?, 1, ?)
         ON CONFLICT(stream) DO UPDATE SET messages = messages + 1, last_seq = excluded.last_seq WHERE last_seq < excluded.last_seq`,
      );
      for (const event of batch) upsert.run(event.stream, event.seq);
    };
    if (context.onCommit) context.onCommit(write);
    else context.db.transaction(() => write(context.db))();
    return [];
  }
}

/** The read model: messages posted per stream (channel key), most first. */
export function channelCounts(db: SqliteDatabase): { stream: string; messages: number }[] {
  return db.prepare('SELECT stream, messages FROM read_channel_counts ORDER BY messages DESC, stream').all() as { stream: string; messages: number }[];
}
