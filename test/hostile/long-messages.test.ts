import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatLine, discordExport, longProse, longToken } from './support/inputs.js';
import { outro, report, scratch, tree } from './support/run-outro.js';
import { storedPayloads } from './support/stored-events.js';

/**
 * Issue 16, bounded cost per message: one message holding a 200 KB base64 string took 345 s
 * (wink-nlp is superlinear in a run without spaces). Measured after the fix on 2 shared cores, the
 * whole ingest in a child process: 200 KB token 13.3 s / 426 MB (the same file without it: 9.7 s),
 * 1 MB token 11.7 s / 419 MB, 10 MB of prose 21.5 s / 827 MB. Ceilings: 10× those.
 */

describe('hostile: long messages and tokens', () => {
  let dirs: ReturnType<typeof scratch>;
  beforeEach(() => (dirs = scratch()));
  afterEach(() => dirs.cleanup());

  const cases: Array<[string, () => string, { ms: number; mb: number }]> = [
    [
      'a 200 KB base64 token',
      () => `here is the blob ${longToken(200_000)} thanks`,
      { ms: 133_000, mb: 4_260 },
    ],
    ['a 1 MB single token', () => longToken(1_000_000), { ms: 117_000, mb: 4_190 }],
    ['a 10 MB message of prose', () => longProse(10_000_000), { ms: 215_000, mb: 8_270 }],
  ];

  it.each(cases)(
    'ingests %s in bounded time and memory, keeps it whole, caps topics',
    { timeout: 600_000 },
    (name, make, ceiling) => {
      const big = make();
      const file = join(dirs.work, 'general.json');
      writeFileSync(file, discordExport({ messages: 6, content: (i) => (i === 2 ? big : chatLine(i)) }));
      const before = tree(dirs.root).filter((path) => !path.startsWith('home'));

      const run = outro(dirs.home, ['ingest', file, '--json'], { timeoutMs: ceiling.ms });
      report(name, run);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ status: 'ok', files: 1 });
      expect(run.ms).toBeLessThan(ceiling.ms);
      expect(run.maxRssMb).toBeLessThan(ceiling.mb);

      const messages = storedPayloads(dirs.home, 'message.posted');
      expect(messages).toHaveLength(6);
      // The log keeps the message intact: only what the NLP reads is cut.
      expect(messages.some((payload) => payload.includes(big.slice(0, 1000)))).toBe(true);
      expect(messages.some((payload) => payload.length > big.length)).toBe(true);
      const topics = storedPayloads(dirs.home, 'conversation.annotated').map(
        (payload) => JSON.parse(payload) as { topic: string; summary: string },
      );
      expect(topics.length).toBeGreaterThan(0);
      for (const row of topics) {
        expect(row.topic.length).toBeLessThanOrEqual(80);
        expect(row.summary.length).toBeLessThanOrEqual(300);
      }
      // Nothing written outside $OUTRO_HOME.
      expect(tree(dirs.root).filter((path) => !path.startsWith('home'))).toEqual(before);

      const brief = outro(dirs.home, ['brief', '--me', 'user0', '--since', '60d', '--peek']);
      expect(brief.status).toBe(0);
      expect(Math.max(...brief.stdout.split('\n').map((line) => line.length))).toBeLessThan(400);
    },
  );
});
