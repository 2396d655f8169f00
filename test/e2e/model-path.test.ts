import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runLocal } from '../../src/cli/main.js';
import { FakeOllama } from '../../src/llm/testing/fake-ollama.js';
import { FOREIGN_NAMES } from '../../src/llm/testing/schema-instance.js';
import { EXPORTS } from '../fixtures/ingest-sample.js';

const WORKSPACE = resolve('fixtures/workspace');

function capture(): Writable & { text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { text(): string };
  stream.text = () => chunks.join('');
  return stream;
}

async function outro(
  env: NodeJS.ProcessEnv,
  argv: string[],
): Promise<{ code?: string; stdout: string; stderr: string }> {
  const stdout = capture();
  const stderr = capture();
  const result = await runLocal(argv, { env, stdout, stderr });
  return { code: result.code, stdout: stdout.text(), stderr: stderr.text() };
}

/** A port nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/**
 * The whole pipeline with a model configured: ingest of the sample workspace runs the annotate
 * stage through Ollama (here the fake, on loopback), then brief and ask must still complete, say
 * where they are degraded, and name nobody who is not in the data.
 */
describe('the model path end to end', () => {
  let home: string;
  let fake: FakeOllama | undefined;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'outro-model-e2e-'));
  });
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
    rmSync(home, { recursive: true, force: true });
  });

  const envFor = (host: string): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: home,
    OUTRO_HOME: home,
    OUTRO_NO_DAEMON: '1',
    OUTRO_CONFIG: join(WORKSPACE, 'outro.yaml'),
    OUTRO_NOW: '2026-11-20T08:30:00+01:00',
    OUTRO_MODEL: 'ollama:llama3.2:3b',
    OLLAMA_HOST: host,
  });

  it('keeps invented names out of the brief and ask when the model hallucinates', async () => {
    fake = (await FakeOllama.start()).hallucinate();
    const env = envFor(fake.hostPort);
    const ingest = await outro(env, ['ingest', '--json', ...EXPORTS.map((path) => join(WORKSPACE, path))]);
    expect(ingest.stderr).toBe('');
    expect(fake.count('/api/chat')).toBeGreaterThan(0);

    const brief = await outro(env, ['brief', '--since', '7d', '--json']);
    expect(brief.code).toBeUndefined();
    const ask = await outro(env, ['ask', 'who owns billing', '--json']);
    expect(ask.code).toBeUndefined();
    // foreignInstance() fills every string with names that exist in no input.
    for (const output of [brief.stdout, ask.stdout])
      for (const name of FOREIGN_NAMES) expect(output).not.toContain(name);
    // Every fact the model offered was invented and dropped: the honest answer is a real name or none.
    expect(JSON.parse(ask.stdout).text).toMatch(/Marco Rossi|I don't know/);

    const status = JSON.parse((await outro(env, ['status', '--json'])).stdout) as {
      model: { mode: string };
      lastDay: { modelCalls: number; hallucinationDrops: number };
    };
    expect(status.model.mode).toBe('model');
    expect(status.lastDay.modelCalls).toBeGreaterThan(0);
    expect(status.lastDay.hallucinationDrops).toBeGreaterThan(0);
  });

  it('completes and says it is degraded when the model server is down', async () => {
    const env = envFor(`127.0.0.1:${await closedPort()}`);
    const ingest = await outro(env, ['ingest', '--json', ...EXPORTS.map((path) => join(WORKSPACE, path))]);
    expect(ingest.code).toBeUndefined();
    const brief = JSON.parse((await outro(env, ['brief', '--since', '7d', '--json'])).stdout) as {
      degraded: boolean;
      counts: { waiting: number };
    };
    expect(brief.degraded).toBe(true);
    expect(brief.counts.waiting).toBeGreaterThan(0);
    const text = await outro(env, ['brief', '--since', '7d']);
    expect(text.stdout).toMatch(/degraded/i);
  });
});
