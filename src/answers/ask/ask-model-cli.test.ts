import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TruthFile } from '../../../fixtures/truth-schema.js';
import { openStore } from '../../app/store.js';
import { EVENT } from '../../domain/events.js';
import type { MessagePosted } from '../../domain/message.js';
import { latestProfiles } from '../../memory/people-queries.js';
import { SqliteSearchIndex } from '../../memory/search/sqlite-search-index.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { clearIdentityCache } from '../../llm/ollama-identity-cache.js';
import { FakeOllama } from '../../llm/testing/fake-ollama.js';
import { FOREIGN_NAMES } from '../../llm/testing/schema-instance.js';
import type { AskAnswer } from './ask-types.js';
import { truthEvents } from './test-support/truth-events.js';
import { runCaptured as run } from '../../cli/test-support/run-captured.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const workspace = path.join(root, 'fixtures/workspace');
const labelled = existsSync(path.join(workspace, 'truth.json'));
const PARAPHRASE = 'whose desk does billing land on these days?';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** `outro ask` with OUTRO_MODEL pointing at the fake Ollama on loopback, over the labelled Acme workspace. */
describe.skipIf(!labelled)('outro ask with a model (fake Ollama)', () => {
  const truth = labelled
    ? TruthFile.parse(JSON.parse(readFileSync(path.join(workspace, 'truth.json'), 'utf8')))
    : undefined;
  let temp: { dir: string; cleanup: () => void };
  let base: NodeJS.ProcessEnv;
  let fake: FakeOllama;

  beforeAll(async () => {
    temp = makeTempDir('outro-ask-model-');
    base = {
      OUTRO_HOME: temp.dir,
      OUTRO_CONFIG: path.join(workspace, 'outro.yaml'),
      OUTRO_NOW: truth?.now,
      OUTRO_NO_DAEMON: '1',
      OUTRO_MODEL: 'none',
    };
    const ingest = await run(base, [
      'ingest',
      '--no-agents',
      path.join(workspace, 'slack'),
      path.join(workspace, 'discord'),
      path.join(workspace, 'teams'),
    ]);
    expect(ingest.stderr).not.toMatch(/outro:/);
    const store = openStore(path.join(temp.dir, 'outro.db'));
    try {
      const messages = store.log
        .read({ types: [EVENT.messagePosted] })
        .map((event) => event.payload as MessagePosted);
      store.log.appendAll(truthEvents(truth!, messages, latestProfiles(store.db)));
    } finally {
      store.close();
    }
  }, 60_000);
  afterAll(() => temp?.cleanup());
  beforeEach(async () => {
    clearIdentityCache();
    fake = await FakeOllama.start();
  });
  afterEach(async () => {
    await fake.close();
  });

  const withModel = (host: string): NodeJS.ProcessEnv => ({
    ...base,
    OUTRO_MODEL: 'ollama:llama3.2:3b',
    OLLAMA_HOST: host,
  });

  it('understands a paraphrase, words the answer, and asks the model once for the same question', async () => {
    fake.enqueue(
      { content: JSON.stringify({ intent: 'owner', target: 'billing', when: null, sure: true }) },
      { content: JSON.stringify({ sentence: 'Marco Rossi is in charge of billing.' }) },
    );
    const first = await run(withModel(fake.hostPort), ['ask', PARAPHRASE, '--json']);
    expect(first.code, first.stderr).toBeUndefined();
    const answer = JSON.parse(first.stdout) as AskAnswer;
    expect(answer).toMatchObject({
      known: true,
      intent: 'owner',
      understoodBy: 'model',
      degraded: false,
      wording: 'Marco Rossi is in charge of billing.',
      model: { calls: 2, cached: 0 },
    });
    expect(answer.text).toMatch(/^Marco Rossi owns billing/);
    const again = JSON.parse(
      (await run(withModel(fake.hostPort), ['ask', PARAPHRASE, '--json'])).stdout,
    ) as AskAnswer;
    expect(fake.count('/api/chat')).toBe(2);
    expect(again).toMatchObject({
      text: answer.text,
      wording: answer.wording,
      model: { calls: 0, cached: 2 },
    });
    const text = await run(withModel(fake.hostPort), ['ask', PARAPHRASE]);
    expect(text.stdout).toMatch(/^Marco Rossi is in charge of billing\.\n\nMarco Rossi owns billing/);
    expect(text.stdout).toContain('understood by the model');
    const status = JSON.parse((await run(withModel(fake.hostPort), ['status', '--json'])).stdout) as {
      lastDay: { modelCalls: number; stageCalls: number; cacheHits: number };
    };
    expect(status.lastDay).toMatchObject({ modelCalls: 2, stageCalls: 6, cacheHits: 4 });
    // --no-model: the patterns alone do not understand the paraphrase.
    expect(
      JSON.parse((await run(withModel(fake.hostPort), ['ask', PARAPHRASE, '--json', '--no-model'])).stdout),
    ).toMatchObject({ intent: null, known: false, model: null });
  });

  it('answers from the patterns and says degraded when the model server is down', async () => {
    const env = withModel(`127.0.0.1:${await closedPort()}`);
    const json = await run(env, ['ask', 'who owns billing', '--json']);
    expect(json.code, json.stderr).toBeUndefined();
    expect(JSON.parse(json.stdout)).toMatchObject({
      known: true,
      understoodBy: 'pattern',
      degraded: true,
      wording: null,
    });
    const text = await run(env, ['ask', PARAPHRASE]);
    expect(text.code).toBeUndefined();
    // No pattern and no model: retrieval over the search index answers, here "I don't know".
    expect(text.stdout).toMatch(/^I don't know/);
    expect(text.stdout).toMatch(/degraded: the model could not be used/);
  });

  it('answers a retrieval question from the passages, citing them, and extractively with --no-model', async () => {
    const question = 'why did we move failed payment retries off the nightly cron?';
    // The store was ingested with --no-agents, so the search index is filled here with one message.
    const store = openStore(path.join(temp.dir, 'outro.db'));
    try {
      new SqliteSearchIndex(store.db).upsert([
        {
          docId: 'message:slack:T1:CBILL:1762000000.000100',
          kind: 'message',
          title: '',
          text: 'We moved failed payment retries off the nightly cron because retrying everything at 02:00 hammers the PSP. A queue worker retries each payment instead.',
          author: null,
          channel: 'slack:T1:CBILL',
          at: '2026-11-02T10:00:00.000Z',
          conversationId: 'c-retries',
          nativeId: '1762000000.000100',
          state: null,
          version: 1,
        },
      ]);
    } finally {
      store.close();
    }
    // Understanding: no structured kind. Answer: the first sentence of the first passage, cited.
    fake.respondWith((request) => {
      const content = String(request.body?.messages?.[1]?.content ?? '');
      const block = /<passages_data>\n([\s\S]*)\n<\/passages_data>/.exec(content);
      if (!block)
        return { content: JSON.stringify({ intent: 'unknown', target: '', when: null, sure: false }) };
      const [first] = (JSON.parse(block[1]) as { passages: Array<{ id: string; text: string }> }).passages;
      const sentence = first.text.split(/(?<=[.!?])\s+|\n/)[0].slice(0, 300);
      return { content: JSON.stringify({ answer: sentence, cites: [first.id], answerable: true }) };
    });
    const json = await run(withModel(fake.hostPort), ['ask', question, '--json']);
    expect(json.code, json.stderr).toBeUndefined();
    const answer = JSON.parse(json.stdout) as AskAnswer;
    expect(answer).toMatchObject({
      known: true,
      understoodBy: 'retrieval',
      answeredBy: 'model',
      degraded: false,
    });
    expect(answer.evidence).toHaveLength(1);
    expect(answer.evidence[0].snippet.startsWith(answer.text.replace(/\.$/, '').slice(0, 40))).toBe(true);
    expect(answer.extractive).toEqual(expect.any(String));
    const text = await run(withModel(fake.hostPort), ['ask', question]);
    expect(text.stdout.startsWith(answer.text)).toBe(true);
    expect(text.stdout).toContain('answered by the model from the cited messages');
    const plain = JSON.parse(
      (await run(withModel(fake.hostPort), ['ask', question, '--json', '--no-model'])).stdout,
    ) as AskAnswer;
    expect(plain).toMatchObject({ known: true, answeredBy: 'extractive', model: null, degraded: false });
    expect(plain.text).toBe(answer.extractive);
  });

  it('names nobody who is not in the data when the model hallucinates', async () => {
    fake.hallucinate();
    // A question of its own: the first test's answers are in this store's cache.
    for (const question of [
      'anybody know who runs billing nowadays?',
      'who owns billing',
      'what did we decide about search',
    ]) {
      const result = await run(withModel(fake.hostPort), ['ask', question, '--json']);
      expect(result.code, result.stderr).toBeUndefined();
      for (const name of FOREIGN_NAMES) expect(result.stdout).not.toContain(name);
    }
    const status = JSON.parse((await run(withModel(fake.hostPort), ['status', '--json'])).stdout) as {
      lastDay: { hallucinationDrops: number };
    };
    expect(status.lastDay.hallucinationDrops).toBeGreaterThanOrEqual(4);
  });
});
