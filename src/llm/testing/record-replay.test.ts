import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runStage } from '../../pipeline/run-model-stage.js';
import { clearIdentityCache } from '../ollama-identity-cache.js';
import {
  fakeClient,
  groundTopic,
  topicHeuristic,
  topicInput,
  topicModelStrategy,
  topicStage,
} from '../../pipeline/testing/demo-stage.js';
import { FakeOllama } from './fake-ollama.js';
import { readExchanges, RecordingModelClient, ReplayModelClient, replayResponder } from './record-replay.js';

const context = { now: new Date('2026-05-20T08:00:00Z') };
const answer = JSON.stringify({
  topic: 'billing migration',
  participants: ['slack:T1:UA'],
  evidence: ['m1'],
});

let dir: string;
let fake: FakeOllama;
beforeEach(async () => {
  clearIdentityCache();
  dir = mkdtempSync(join(tmpdir(), 'outro-replay-'));
  fake = await FakeOllama.start();
});
afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

async function recordSession(file: string): Promise<string> {
  fake.enqueue({ content: answer });
  const recorder = new RecordingModelClient(fakeClient(fake), file);
  const result = await runStage(topicStage, topicInput(), context, {
    heuristic: topicHeuristic,
    model: topicModelStrategy(recorder),
    grounding: groundTopic,
  });
  return JSON.stringify(result.output);
}

describe('record and replay', () => {
  it('records each identity and chat exchange as one JSON line', async () => {
    const file = join(dir, 'session.jsonl');
    await recordSession(file);
    const exchanges = readExchanges(file);
    expect(exchanges.map((exchange) => exchange.kind)).toEqual(['identity', 'chat']);
    expect(exchanges[1]).toMatchObject({ model: 'llama3.2:3b', reply: { content: answer } });
  });

  it('replays a recorded session with no server, giving the same output', async () => {
    const file = join(dir, 'session.jsonl');
    const recorded = await recordSession(file);
    await fake.close();
    const replay = ReplayModelClient.fromFile(file, 'llama3.2:3b');
    const result = await runStage(topicStage, topicInput(), context, {
      heuristic: topicHeuristic,
      model: topicModelStrategy(replay),
      grounding: groundTopic,
    });
    expect(JSON.stringify(result.output)).toBe(recorded);
    expect(result.provenance.strategy).toBe('model');
  });

  it('refuses a request that was never recorded instead of guessing', async () => {
    const file = join(dir, 'session.jsonl');
    await recordSession(file);
    const replay = ReplayModelClient.fromFile(file, 'llama3.2:3b');
    const result = await runStage(topicStage, topicInput({}, 'Something else entirely'), context, {
      heuristic: topicHeuristic,
      model: topicModelStrategy(replay),
      grounding: groundTopic,
    });
    expect(result.provenance.degradedReason).toMatch(/No recorded reply/);
  });

  it('serves recordings over HTTP through the fake server, so the whole client runs', async () => {
    const file = join(dir, 'session.jsonl');
    const recorded = await recordSession(file);
    const replaying = await FakeOllama.start();
    try {
      replaying.respondWith(replayResponder(readExchanges(file)));
      clearIdentityCache();
      const result = await runStage(topicStage, topicInput(), context, {
        heuristic: topicHeuristic,
        model: topicModelStrategy(fakeClient(replaying)),
        grounding: groundTopic,
      });
      expect(JSON.stringify(result.output)).toBe(recorded);
      expect(replaying.count('/api/chat')).toBe(1);
    } finally {
      await replaying.close();
    }
  });
});
