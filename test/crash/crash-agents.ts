import { appendFileSync } from 'node:fs';
import { makeEvent, type EventEnvelope, type StoredEvent } from '../../src/domain/events.js';
import type { Agent, AgentContext } from '../../src/runtime/agents/agent.js';

/** Tags every message (deterministic ids); each body run is logged to `bodies` so the test can count them. */
export class TaggerAgent implements Agent {
  readonly name = 'crash-tagger';
  readonly version = '1';
  readonly consumes = ['message.posted'];
  readonly produces = ['test.tagged'];
  constructor(private readonly bodies: string) {}
  async handle(batch: readonly StoredEvent[], ctx: AgentContext): Promise<EventEnvelope[]> {
    const tags = await ctx.step('tag', async () => {
      appendFileSync(this.bodies, `tag:${batch[0].seq}-${batch[batch.length - 1].seq}\n`);
      await new Promise((resolve) => setTimeout(resolve, 2));
      return batch.map((event) =>
        makeEvent({
          id: `tag:${event.id}`,
          type: 'test.tagged',
          stream: event.stream,
          occurredAt: event.occurredAt,
          causationId: event.id,
          payload: { of: event.id },
        }),
      );
    });
    await ctx.step('pause', () => new Promise((resolve) => setTimeout(() => resolve(true), 1)));
    return tags;
  }
}

/** Counts tags per stream in its own table with no idempotency guard: only the runtime's one transaction keeps it exact. */
export class TagCounterAgent implements Agent {
  readonly name = 'crash-tag-counter';
  readonly version = '1';
  readonly consumes = ['test.tagged'];
  readonly produces = [];
  async handle(batch: readonly StoredEvent[], ctx: AgentContext): Promise<EventEnvelope[]> {
    if (!ctx.onCommit) throw new Error('the runtime must offer onCommit');
    ctx.onCommit((db) => {
      db.prepare(
        'CREATE TABLE IF NOT EXISTS crash_tag_counts (stream TEXT PRIMARY KEY, n INTEGER NOT NULL)',
      ).run();
      const add = db.prepare(
        'INSERT INTO crash_tag_counts (stream, n) VALUES (?, 1) ON CONFLICT(stream) DO UPDATE SET n = n + 1',
      );
      for (const event of batch) add.run(event.stream);
    });
    await new Promise((resolve) => setTimeout(resolve, 1));
    return [];
  }
}
