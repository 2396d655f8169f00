import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearIdentityCache } from '../llm/ollama-identity-cache.js';
import { FakeOllama } from '../llm/testing/fake-ollama.js';
import { parsePrompt } from '../llm/prompt-file.js';
import {
  fakeClient,
  groundTopic,
  TOPIC_PROMPT_TEXT,
  topicHeuristic,
  topicInput,
  topicModelStrategy,
  topicStage,
  type TopicInput,
} from './testing/demo-stage.js';
import { runStage } from './run-model-stage.js';
import { MemoryStageCache } from './stage-cache.js';

const context = { now: new Date('2026-05-20T08:00:00Z') };
const valid = (overrides: Record<string, unknown> = {}): string =>
  JSON.stringify({
    topic: 'billing migration',
    participants: ['slack:T1:UA', 'slack:T1:UB'],
    evidence: ['m1'],
    ...overrides,
  });

let fake: FakeOllama;
beforeEach(async () => {
  clearIdentityCache();
  fake = await FakeOllama.start();
});
afterEach(async () => {
  await fake.close();
});

function run(input: TopicInput = topicInput(), client = fakeClient(fake), cache = new MemoryStageCache()) {
  return runStage(topicStage, input, context, {
    heuristic: topicHeuristic,
    model: topicModelStrategy(client),
    cache,
    grounding: groundTopic,
  });
}

describe('runStage with a model strategy', () => {
  it('answers with the model when the reply validates, and says so in the provenance', async () => {
    fake.enqueue({ content: valid() });
    const result = await run();
    expect(result.output).toEqual({
      topic: 'billing migration',
      participants: ['slack:T1:UA', 'slack:T1:UB'],
      evidence: ['m1'],
    });
    expect(result.provenance).toMatchObject({
      stage: 'topic',
      version: '1',
      strategy: 'model',
      model: expect.stringMatching(/^llama3\.2:3b@[0-9a-f]{12}$/),
    });
    expect(result.provenance.degraded).toBeUndefined();
    expect(result.modelCalls).toBe(1);
  });

  it('sends the stage schema as format, temperature 0 and a fixed seed', async () => {
    fake.enqueue({ content: valid() });
    await run();
    const [request] = fake.chatRequests();
    expect(request.model).toBe('llama3.2:3b');
    expect(request.options).toEqual({ temperature: 0, seed: 42, num_ctx: 8_192 });
    expect(request.format).toMatchObject({
      type: 'object',
      required: ['topic', 'participants', 'evidence'],
      additionalProperties: false,
    });
    expect(request.messages.map((message: { role: string }) => message.role)).toEqual(['system', 'user']);
  });

  it('makes zero requests when re-run over unchanged input', async () => {
    fake.enqueue({ content: valid() });
    const client = fakeClient(fake);
    const cache = new MemoryStageCache();
    await run(topicInput(), client, cache);
    const requestsAfterFirstRun = fake.requests.length;
    const again = await run(topicInput(), fakeClient(fake), cache);
    expect(fake.requests.length).toBe(requestsAfterFirstRun);
    expect(again.cached).toBe(true);
    expect(again.output.topic).toBe('billing migration');
  });

  it('asks the model again when the input changes', async () => {
    fake.enqueue({ content: valid() }, { content: valid({ topic: 'release date' }) });
    const cache = new MemoryStageCache();
    await run(topicInput(), fakeClient(fake), cache);
    const second = await run(topicInput({}, 'Release date is Monday'), fakeClient(fake), cache);
    expect(second.output.topic).toBe('release date');
    expect(fake.count('/api/chat')).toBe(2);
  });

  it('asks again when the prompt or the model weights change, not otherwise', async () => {
    fake.respondWith(() => ({ content: valid() }));
    const cache = new MemoryStageCache();
    const client = fakeClient(fake);
    await run(topicInput(), client, cache);
    const edited = {
      ...topicModelStrategy(client),
      prompt: parsePrompt('topic.v1', `${TOPIC_PROMPT_TEXT}\nBe brief.`),
    };
    await runStage(topicStage, topicInput(), context, {
      heuristic: topicHeuristic,
      model: edited,
      cache,
      grounding: groundTopic,
    });
    expect(fake.count('/api/chat')).toBe(2);
    fake.models[0].digest = 'f'.repeat(64);
    clearIdentityCache();
    await run(topicInput(), fakeClient(fake), cache);
    expect(fake.count('/api/chat')).toBe(3);
    await run(topicInput(), fakeClient(fake), cache);
    expect(fake.count('/api/chat')).toBe(3);
  });

  it('repairs junk JSON once, sending the validation errors back', async () => {
    fake.enqueue({ content: 'Sure! Here is the JSON: {topic: billing' }, { content: valid() });
    const client = fakeClient(fake);
    const result = await run(topicInput(), client);
    expect(result.provenance.strategy).toBe('model');
    expect(result.repaired).toBe(true);
    const [, repair] = fake.chatRequests();
    const last = repair.messages.at(-1);
    expect(last.role).toBe('user');
    expect(last.content).toContain('the reply is not JSON');
    expect(repair.messages.at(-2)).toEqual({
      role: 'assistant',
      content: 'Sure! Here is the JSON: {topic: billing',
    });
    expect(client.stats.snapshot()).toMatchObject({ repairs: 1, repairsSucceeded: 1, invalidOutputs: 1 });
  });

  it('names the fields that failed the schema in the repair request', async () => {
    fake.enqueue({ content: JSON.stringify({ topic: '', participants: 'Alice' }) }, { content: valid() });
    await run();
    const repair = fake.chatRequests()[1].messages.at(-1).content as string;
    expect(repair).toContain('topic:');
    expect(repair).toContain('participants:');
    expect(repair).toContain('evidence:');
  });

  it('falls back to the heuristic after junk twice, degraded with the reason, and does not ask again', async () => {
    fake.enqueue({ content: 'not json' }, { content: '{"topic": 7}' });
    const client = fakeClient(fake);
    const cache = new MemoryStageCache();
    const result = await run(topicInput(), client, cache);
    expect(result.output).toEqual(await topicHeuristic.run(topicInput(), context));
    expect(result.provenance).toMatchObject({ strategy: 'heuristic', degraded: true });
    expect(result.provenance.degradedReason).toMatch(/^MODEL_INVALID_OUTPUT: .*invalid output twice/);
    expect(client.stats.snapshot()).toMatchObject({
      degraded: 1,
      invalidOutputs: 2,
      repairs: 1,
      repairsSucceeded: 0,
    });
    const again = await run(topicInput(), client, cache);
    expect(again.provenance.degraded).toBe(true);
    expect(fake.count('/api/chat')).toBe(2);
  });

  it('drops names, people and message ids that are not in the input, and counts them', async () => {
    fake.hallucinate();
    const client = fakeClient(fake);
    const result = await run(topicInput(), client);
    expect(result.provenance.strategy).toBe('model');
    expect(result.output.participants).toEqual([]);
    expect(result.output.evidence).toEqual([]);
    expect(result.hallucinations.length).toBeGreaterThanOrEqual(4);
    expect(result.hallucinations.map((drop) => drop.kind)).toEqual(
      expect.arrayContaining(['person', 'message']),
    );
    expect(client.stats.snapshot().hallucinationDrops).toBe(result.hallucinations.length);
  });

  it('keeps a person the model names by display name, as that person key', async () => {
    fake.enqueue({ content: valid({ participants: ['alice', '@Bob', 'Mallory'] }) });
    const result = await run();
    expect(result.output.participants).toEqual(['slack:T1:UA', 'slack:T1:UB']);
    expect(result.hallucinations).toEqual([{ kind: 'person', value: 'Mallory', path: 'participants.2' }]);
  });

  it('retries a 429 and then answers with the model', async () => {
    fake.enqueue({ status: 429, error: 'server busy, please try again' }, { content: valid() });
    const client = fakeClient(fake);
    const result = await run(topicInput(), client);
    expect(result.provenance.strategy).toBe('model');
    expect(fake.count('/api/chat')).toBe(2);
    expect(client.stats.snapshot()).toMatchObject({ retries: 1, failures: 0 });
  });

  it('falls back after 500s outlast the retries', async () => {
    fake.enqueue(
      ...Array.from({ length: 3 }, () => ({ status: 500, error: 'llama runner process has terminated' })),
    );
    const client = fakeClient(fake);
    const result = await run(topicInput(), client);
    expect(result.provenance).toMatchObject({ strategy: 'heuristic', degraded: true });
    expect(result.provenance.degradedReason).toContain('HTTP 500: llama runner process has terminated');
    expect(fake.count('/api/chat')).toBe(3);
    expect(client.stats.snapshot()).toMatchObject({ failures: 1, retries: 2, degraded: 1 });
  });

  it('falls back when a hung server outlasts the timeout', async () => {
    await fakeClient(fake).identity();
    fake.enqueue({ hang: true });
    const client = fakeClient(fake, { timeoutMs: 100 });
    const result = await run(topicInput(), client);
    expect(result.provenance).toMatchObject({ strategy: 'heuristic', degraded: true });
    expect(result.provenance.degradedReason).toMatch(/^TIMEOUT: .*did not answer chat within 100 ms/);
    expect(client.stats.snapshot()).toMatchObject({ timeouts: 1, degraded: 1 });
    expect(fake.count('/api/chat')).toBe(1);
  });

  it('falls back when the server is down at start, and says how to start it', async () => {
    const client = fakeClient(fake);
    await fake.close();
    const result = await run(topicInput(), client);
    expect(result.provenance).toMatchObject({ strategy: 'heuristic', degraded: true });
    expect(result.provenance.degradedReason).toMatch(
      /^MODEL_UNAVAILABLE: Nothing answers at .*`ollama serve`/,
    );
    expect(result.modelCalls).toBe(0);
  });

  it('falls back for the rest of a run when the server dies between calls, without caching the fallback', async () => {
    fake.enqueue({ content: valid() });
    const client = fakeClient(fake);
    const cache = new MemoryStageCache();
    const first = await run(topicInput(), client, cache);
    await fake.close();
    const second = await run(topicInput({}, 'Release date is Monday'), client, cache);
    expect(first.provenance.strategy).toBe('model');
    expect(second.provenance).toMatchObject({ strategy: 'heuristic', degraded: true });
    expect(second.provenance.degradedReason).toContain('Nothing answers at');
    expect(second.provenance.model).toBe(first.provenance.model);
    expect([...cache.entries.values()].filter((entry) => entry.provenance.degraded)).toEqual([]);
  });

  it('stops calling a dead server after three failures in a row', async () => {
    const client = fakeClient(fake, { retries: 0 });
    fake.enqueue({ content: valid() });
    await run(topicInput(), client);
    await fake.close();
    for (let index = 0; index < 5; index++) await run(topicInput({ conversationId: `c${index}` }), client);
    expect(client.stats.snapshot()).toMatchObject({ degraded: 5, shortCircuits: 2, failures: 3 });
  });

  it('falls back when the stream breaks off mid-reply, after retrying', async () => {
    fake.enqueue(
      ...Array.from({ length: 3 }, () => ({
        content: valid(),
        midStreamError: 'an error was encountered while running the model',
      })),
    );
    const result = await run();
    expect(result.provenance.degradedReason).toContain(
      'broke off chat: an error was encountered while running the model',
    );
  });

  it('answers after a connection cut mid-stream is retried', async () => {
    fake.enqueue({ content: valid(), cutConnection: true }, { content: valid() });
    const result = await run();
    expect(result.provenance.strategy).toBe('model');
    expect(fake.count('/api/chat')).toBe(2);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    fake.latencyMs = 20;
    fake.respondWith(() => ({ content: valid() }));
    const client = fakeClient(fake, { concurrency: 2 });
    const inputs = Array.from({ length: 6 }, (_unused, index) => topicInput({ conversationId: `c${index}` }));
    const results = await Promise.all(inputs.map((input) => run(input, client)));
    expect(results.every((result) => result.provenance.strategy === 'model')).toBe(true);
    expect(fake.count('/api/chat')).toBe(6);
    expect(fake.maxInFlight).toBe(2);
  });

  it('uses only the heuristic, with no requests, when no model is configured', async () => {
    const result = await runStage(topicStage, topicInput(), context, {
      heuristic: topicHeuristic,
      cache: new MemoryStageCache(),
    });
    expect(result.provenance).toEqual({ stage: 'topic', version: '1', strategy: 'heuristic' });
    expect(fake.requests).toEqual([]);
  });

  it('throws ABORTED when the caller cancels, instead of answering degraded', async () => {
    fake.enqueue({ hang: true });
    const controller = new AbortController();
    const pending = runStage(
      topicStage,
      topicInput(),
      { ...context, signal: controller.signal },
      { heuristic: topicHeuristic, model: topicModelStrategy(fakeClient(fake)), grounding: groundTopic },
    );
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
