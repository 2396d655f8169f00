import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { clearIdentityCache } from '../../llm/ollama-identity-cache.js';
import { FakeOllama } from '../../llm/testing/fake-ollama.js';
import { ConfigSchema } from '../../app/config.js';
import { resolvePaths } from '../../app/paths.js';
import { isOutroError } from '../../domain/errors.js';
import { EventLog } from '../../memory/event-log.js';
import { IngestStore } from '../../memory/ingest-store.js';
import { openTraceDatabase } from '../../memory/traces/test-support/trace-database.js';
import { serializeDataset } from '../../eval/dataset.js';
import type { CliContext } from '../context.js';
import { registerEval } from './eval.js';
import { registerTrace } from './trace.js';

/** A program with only `eval` and `trace`, over a store that has the trace tables (migration 7 under test numbering). */
function harness(env: Record<string, string> = {}) {
  const opened = openTraceDatabase();
  const now = () => new Date('2026-11-20T09:00:00Z');
  const log = new EventLog(opened.db, now);
  const out = { text: '' };
  const stdout = new PassThrough();
  stdout.on('data', (chunk) => (out.text += chunk));
  const ctx: CliContext = {
    env: { OUTRO_HOME: opened.dir, ...env },
    paths: resolvePaths({ OUTRO_HOME: opened.dir }),
    config: () => ConfigSchema.parse({}),
    now,
    store: () => ({ db: opened.db, log, ingest: new IngestStore(opened.db, log, now), close: () => {} }),
    stdout,
    stderr: new PassThrough(),
    close: () => {},
  };
  const run = async (...argv: string[]) => {
    out.text = '';
    const program = new Command().exitOverride();
    registerEval(program, () => ctx);
    registerTrace(program, () => ctx);
    await program.parseAsync(argv, { from: 'user' });
    return out.text;
  };
  return { run, dir: opened.dir, cleanup: opened.cleanup };
}

/** A tiny conversations dataset: two interleaved threads in one channel. */
function writeDataset(dir: string, gold: string[][]): string {
  const line = (id: string, author: string, ts: number, text: string, thread: string) => ({
    id,
    author,
    authorNames: [author],
    text,
    ts,
    thread,
    replyTo: null,
  });
  const rows = [
    {
      id: 'slack:C1',
      input: {
        channel: 'slack:C1',
        lines: [
          line('m1', 'ana', 0, 'deploy is failing on staging', 'm1'),
          line('m2', 'ben', 60_000, 'lunch anyone?', 'm2'),
          line('m3', 'cy', 120_000, 'looking at the deploy logs now', 'm1'),
          line('m4', 'dee', 180_000, 'yes, pizza', 'm2'),
        ],
      },
      expected: { conversations: gold },
      tags: ['slack'],
      curator: 'test',
    },
  ];
  const file = join(dir, 'tiny.jsonl');
  writeFileSync(
    file,
    serializeDataset(
      { kind: 'dataset', name: 'tiny', version: '1', task: 'disentangle', description: '', context: {} },
      rows,
    ),
  );
  return file;
}

describe('outro eval and outro trace', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('runs a dataset, stores it, compares two runs, and shows the run as a trace', async () => {
    const h = harness();
    cleanup = h.cleanup;
    const file = writeDataset(h.dir, [
      ['m1', 'm3'],
      ['m2', 'm4'],
    ]);
    const first = JSON.parse(await h.run('eval', 'run', file, '--threshold', '90', '--json'));
    expect(first.passed).toBe(true);
    expect(first.datasets[0]).toMatchObject({
      name: 'tiny',
      status: 'scored',
      score: 1,
      scores: { vi: 1, oneToOne: 1, exactF1: 1 },
    });
    expect(first.meta.configHash).toMatch(/^[\w-]{16}$/);

    writeDataset(h.dir, [['m1', 'm2', 'm3', 'm4']]); // the truth changed: one conversation
    const second = JSON.parse(await h.run('eval', 'run', file, '--json'));
    expect(second.datasets[0].score).toBeLessThan(1);

    const comparison = JSON.parse(await h.run('eval', 'compare', '--json'));
    expect(comparison.before.id).toBe(first.id);
    expect(comparison.after.id).toBe(second.id);
    expect(comparison.items).toEqual([
      expect.objectContaining({ dataset: 'tiny', itemId: 'slack:C1', change: 'regressed', before: 1 }),
    ]);
    expect(await h.run('eval', 'list')).toContain(second.id);

    const tree = await h.run('trace', first.id);
    expect(tree).toContain(`run ${first.id}`);
    expect(tree).toMatch(/\n {2}eval item tiny\/slack:C1 .*score 100\.0%/);
    const json = JSON.parse(await h.run('trace', first.id, '--json'));
    expect(json.rows.map((row: { name: string }) => row.name)).toEqual([
      `eval run ${first.id}`,
      'eval item tiny/slack:C1',
    ]);
  });

  it('exits with EVAL_BELOW_THRESHOLD when a dataset scores under the threshold', async () => {
    const h = harness();
    cleanup = h.cleanup;
    const file = writeDataset(h.dir, [['m1', 'm2', 'm3', 'm4']]);
    const failure = await h.run('eval', 'run', file, '--threshold', '0.99').catch((error: unknown) => error);
    expect(isOutroError(failure, 'EVAL_BELOW_THRESHOLD')).toBe(true);
    expect((failure as Error).message).toMatch(/tiny \d+\.\d% < 99\.0%/);
    const lowered = JSON.parse(
      await h.run('eval', 'run', file, '--threshold', '0.99', '--threshold', 'tiny=0.1', '--json'),
    );
    expect(lowered).toMatchObject({ passed: true, datasets: [{ threshold: 0.1, passed: true }] });
  });

  it('rejects a bad threshold and an unknown dataset with a message that says what to give', async () => {
    const h = harness();
    cleanup = h.cleanup;
    await expect(h.run('eval', 'run', 'nope-not-a-dataset')).rejects.toThrow(
      /No dataset "nope-not-a-dataset"/,
    );
    await expect(h.run('eval', 'run', writeDataset(h.dir, [['m1']]), '--threshold', 'high')).rejects.toThrow(
      /give 0–1/,
    );
    await expect(h.run('trace', 'no-such-run')).rejects.toThrow(/No trace or run/);
  });

  it('judges with the configured model and stores its name, digest and votes with the run', async () => {
    clearIdentityCache();
    const fake = await FakeOllama.start();
    try {
      const h = harness({ OUTRO_MODEL: 'ollama:llama3.2:3b', OLLAMA_HOST: fake.hostPort });
      cleanup = h.cleanup;
      const vote = JSON.stringify({ verdict: 'pass', score: 0.9, reason: 'same split' });
      fake.enqueue({ content: vote }, { content: vote }, { content: vote });
      const report = JSON.parse(
        await h.run(
          'eval',
          'run',
          writeDataset(h.dir, [
            ['m1', 'm3'],
            ['m2', 'm4'],
          ]),
          '--judge',
          '--json',
        ),
      );
      expect(report.meta).toMatchObject({
        modelName: 'llama3.2:3b',
        modelDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(report.datasets[0].judge).toEqual({ passed: 1, failed: 0, errors: 0 });
      expect(fake.count('/api/chat')).toBe(3);
    } finally {
      await fake.close();
    }
  });

  it('refuses --judge without a model, saying how to configure one', async () => {
    const h = harness();
    cleanup = h.cleanup;
    await expect(h.run('eval', 'run', writeDataset(h.dir, [['m1']]), '--judge')).rejects.toThrow(
      /--judge needs a model/,
    );
  });

  it('runs the shipped ask dataset over the fixture workspace, ingested into a temporary store', async () => {
    const h = harness();
    cleanup = h.cleanup;
    const report = JSON.parse(await h.run('eval', 'run', 'ask', '--json'));
    const [ask] = report.datasets;
    expect(ask.errors).toBe(0);
    // Scored once something extracts facts from conversations; until then skipped with that reason.
    if (ask.status === 'skipped') expect(ask.reason).toMatch(/no facts/);
    else expect(ask).toMatchObject({ status: 'scored', scored: ask.rows });
  });
});
