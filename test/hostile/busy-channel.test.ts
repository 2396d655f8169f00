import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CONVERSATION_LINES } from '../../src/pipeline/disentangle/disentangle.js';
import { writeDiscordExport } from './support/inputs.js';
import { outro, report, scratch } from './support/run-outro.js';
import { storedPayloads } from './support/stored-events.js';

/**
 * Issue 16, bounded work: one busy channel where every message follows the one before (five people,
 * a message every 37 s, for days) was read as a single conversation of every message, and the
 * annotate stage looks back over a whole conversation: 20k messages took 65 s wall (53.5 CPU s) with
 * the agents, 40k 312 s, 200k did not finish in 20 minutes. With conversations capped at
 * MAX_CONVERSATION_LINES and annotate's look-ups indexed, measured on 2 shared cores: 6k messages
 * 7.0 s / 423 MB; 20k 14.7 s / 558 MB; 200k 146 s / 1,536 MB. Ceilings: 10× the 6k run.
 */
describe('hostile: one busy channel', { timeout: 600_000 }, () => {
  let dirs: ReturnType<typeof scratch>;
  beforeEach(() => (dirs = scratch()));
  afterEach(() => dirs.cleanup());

  it('splits it into bounded conversations and annotates every one', async () => {
    const messages = 6_000;
    const file = join(dirs.work, 'general.json');
    await writeDiscordExport(file, { messages });
    const run = outro(dirs.home, ['ingest', file, '--json'], { timeoutMs: 300_000 });
    report(`busy channel, ${messages} messages`, run);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const latest = new Map<string, string[]>();
    for (const payload of storedPayloads(dirs.home, 'conversation.extracted')) {
      const { conversationId, messages: ids } = JSON.parse(payload) as {
        conversationId: string;
        messages: string[];
      };
      latest.set(conversationId, ids);
    }
    const sizes = [...latest.values()].map((ids) => ids.length).filter((size) => size > 0);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_CONVERSATION_LINES);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(messages);
    expect(storedPayloads(dirs.home, 'conversation.annotated')).toHaveLength(sizes.length);
    expect(run.ms).toBeLessThan(70_000);
    expect(run.maxRssMb).toBeLessThan(4_230);
  });
});
