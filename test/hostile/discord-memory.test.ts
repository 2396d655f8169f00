import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeDiscordExport } from './support/inputs.js';
import { outro, report, scratch } from './support/run-outro.js';

/**
 * Issue 16, memory bounded by a file's messages: a DiscordChatExporter file of 200k messages
 * (68 MB) peaked at 691 MB reading it whole (`outro ingest --no-agents`, 2 shared cores; 1.8 GB
 * with the agents); with its messages parsed one at a time and each file's events prepared as the
 * raw ones are let go, 545 MB (see README, Bounded work). 200k takes too long for a test: this one
 * ingests 3k and 30k messages and bounds the peak and the memory each message adds. Measured:
 * 3k 88 MB, 30k 176 MB, so 3.3 KB a message. Ceilings: 10× those.
 */
describe('hostile: a large Discord file', { timeout: 300_000 }, () => {
  let dirs: ReturnType<typeof scratch>;
  beforeEach(() => (dirs = scratch()));
  afterEach(() => dirs.cleanup());

  it('ingests in memory bounded per message, and stores every message', async () => {
    const peak = async (messages: number): Promise<number> => {
      const home = join(dirs.root, `home-${messages}`);
      const file = join(dirs.work, `general-${messages}.json`);
      await writeDiscordExport(file, { messages });
      const run = outro(home, ['ingest', file, '--no-agents', '--json'], { timeoutMs: 120_000 });
      report(`discord ${messages} messages`, run);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const db = new Database(join(home, 'outro.db'), { readonly: true });
      try {
        const stored = db.prepare("SELECT count(*) AS n FROM events WHERE type = 'message.posted'").get() as {
          n: number;
        };
        expect(stored.n).toBe(messages);
      } finally {
        db.close();
      }
      return run.maxRssMb;
    };
    const small = await peak(3_000);
    const large = await peak(30_000);
    const perMessageKb = ((large - small) * 1024) / 27_000;
    if (process.env.HOSTILE_REPORT)
      console.info(`[hostile] discord: ${perMessageKb.toFixed(2)} KB a message`);
    expect(large).toBeLessThan(1_760);
    expect(perMessageKb).toBeLessThan(33);
  });
});
