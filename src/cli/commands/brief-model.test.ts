import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../app/store.js';
import type { Brief } from '../../answers/brief/brief-types.js';
import { M, summaryDay } from '../../answers/brief/model-summary/test-support/summary-day.js';
import { clearIdentityCache } from '../../llm/ollama-identity-cache.js';
import { FakeOllama, type RecordedRequest } from '../../llm/testing/fake-ollama.js';
import { FOREIGN_NAMES } from '../../llm/testing/schema-instance.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { runCaptured as run } from '../test-support/run-captured.js';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

const BILLING = {
  summary:
    'Dana reports EU card retries failing since the Tuesday deploy. Priya rolls back the retry limit change.',
  evidence: [M.b1, M.b2],
};
const SEARCH = {
  summary: 'The search reindex finished overnight and Priya says ship it.',
  evidence: [M.s1, M.s2],
};
const byTopic = (request: RecordedRequest) => ({
  content: JSON.stringify(
    JSON.stringify(request.body.messages).includes('billing retries') ? BILLING : SEARCH,
  ),
});

/** `outro brief` and `outro digest` with a model configured (OUTRO_MODEL + OLLAMA_HOST on the fake server). */
describe('outro brief / digest with a model', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let fake: FakeOllama;
  let env: NodeJS.ProcessEnv;

  beforeEach(async () => {
    clearIdentityCache();
    temp = makeTempDir('outro-brief-model-cli-');
    const config = path.join(temp.dir, 'outro.yaml');
    writeFileSync(config, 'me: priya\ntimezone: Europe/Berlin\n');
    const store = openStore(path.join(temp.dir, 'outro.db'));
    store.log.appendAll(summaryDay());
    store.close();
    fake = await FakeOllama.start();
    env = {
      OUTRO_HOME: temp.dir,
      OUTRO_CONFIG: config,
      OUTRO_NOW: '2026-11-20T08:30:00Z',
      OUTRO_NO_DAEMON: '1',
      OUTRO_MODEL: 'ollama:llama3.2:3b',
      OLLAMA_HOST: fake.hostPort,
    };
  });
  afterEach(async () => {
    await fake.close();
    temp.cleanup();
  });

  it('prints model-written summaries, says which they are in --json, and asks nothing the second time', async () => {
    fake.respondWith(byTopic);
    const first = await run(env, ['brief', '--json', '--peek', '--since', '2026-11-19T00:00:00Z']);
    expect(first.code, first.stderr).toBeUndefined();
    const brief = JSON.parse(first.stdout) as Brief;
    expect(brief.conversations.map((group) => [group.topic, group.summarySource])).toEqual([
      ['billing retries', 'model'],
      ['search reindex', 'model'],
    ]);
    expect(brief.summaries).toMatchObject({ model: 'llama3.2:3b', modelWritten: 2, modelCalls: 2 });
    expect(brief.degraded).toBe(false);
    const text = await run(env, ['brief', '--peek', '--since', '2026-11-19T00:00:00Z']);
    expect(text.stdout).toContain('      Dana reports EU card retries failing since the Tuesday deploy.');
    expect(fake.count('/api/chat')).toBe(2);
    const status = JSON.parse((await run(env, ['status', '--json'])).stdout) as {
      lastDay: { modelCalls: number; stageCalls: number; cacheHits: number };
    };
    expect(status.lastDay).toMatchObject({ modelCalls: 2, stageCalls: 4, cacheHits: 2 });
  });

  it('writes the model summaries into the digest', async () => {
    fake.respondWith(byTopic);
    const file = path.join(temp.dir, 'digest.md');
    const result = await run(env, ['digest', '--out', file, '--json', '--at', '2026-11-20T08:00:00Z']);
    expect(result.code, result.stderr).toBeUndefined();
    expect(JSON.parse(result.stdout)).toMatchObject({ written: true, degraded: false });
    const markdown = readFileSync(file, 'utf8');
    expect(markdown).toContain('The search reindex finished overnight and Priya says ship it.');
    expect(markdown).toMatch(/^degraded: false$/m);
  });

  it('completes within --model-budget when the model hangs, degraded, and counts hallucinations in status', async () => {
    fake.respondWith(() => ({ hang: true }));
    const hung = await run(env, [
      'brief',
      '--json',
      '--peek',
      '--since',
      '2026-11-19T00:00:00Z',
      '--model-budget',
      '300ms',
    ]);
    expect(hung.code, hung.stderr).toBeUndefined();
    expect(JSON.parse(hung.stdout)).toMatchObject({
      degraded: true,
      summaries: { budgetExhausted: true, modelWritten: 0 },
    });

    fake.hallucinate();
    const invented = await run(env, ['brief', '--peek', '--since', '2026-11-19T00:00:00Z']);
    for (const name of FOREIGN_NAMES) expect(invented.stdout).not.toContain(name);
    expect(invented.stdout).toMatch(/degraded/);
    const status = JSON.parse((await run(env, ['status', '--json'])).stdout) as {
      lastDay: { hallucinationDrops: number; degradedOutputs: number };
    };
    expect(status.lastDay.hallucinationDrops).toBeGreaterThanOrEqual(2);
    expect(status.lastDay.degradedOutputs).toBeGreaterThanOrEqual(2);
  });

  it('says degraded per topic and in status when the model server is down', async () => {
    const down = { ...env, OLLAMA_HOST: `127.0.0.1:${await closedPort()}` };
    const result = await run(down, ['brief', '--json', '--peek', '--since', '2026-11-19T00:00:00Z']);
    expect(result.code, result.stderr).toBeUndefined();
    const brief = JSON.parse(result.stdout) as Brief;
    expect(brief.degraded).toBe(true);
    expect(brief.conversations.map((group) => group.summaryFallback)).toEqual([
      expect.stringMatching(/^MODEL_UNAVAILABLE/),
      expect.stringMatching(/^MODEL_UNAVAILABLE/),
    ]);
    const status = JSON.parse((await run(down, ['status', '--json'])).stdout) as {
      lastDay: { degradedOutputs: number; modelCalls: number };
    };
    expect(status.lastDay.degradedOutputs).toBe(2);
  });

  it('refuses a --model-budget that is not a duration', async () => {
    const result = await run(env, ['brief', '--model-budget', 'soon']);
    expect(result.code).toBe('USAGE');
  });
});
