import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearIdentityCache } from '../llm/ollama-identity-cache.js';
import {
  fakeClient,
  groundTopic,
  topicHeuristic,
  topicInput,
  topicModelStrategy,
  topicStage,
} from './testing/demo-stage.js';
import { FakeOllama } from '../llm/testing/fake-ollama.js';
import { runStage } from './run-model-stage.js';
import { MemoryStageCache } from './stage-cache.js';
import { ATTR } from '../observability/gen-ai-attributes.js';
import { testTracer } from '../observability/test-support/test-tracer.js';
import { runWithTracer } from '../observability/tracer.js';

const context = { now: new Date('2026-05-20T08:00:00Z') };
const valid = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    topic: 'billing migration',
    participants: ['slack:T1:UA'],
    evidence: ['m1'],
    ...overrides,
  });

let fake: FakeOllama;
beforeEach(async () => {
  clearIdentityCache();
  fake = await FakeOllama.start();
});
afterEach(async () => fake.close());

function traceRun(options: { content?: boolean; cache?: MemoryStageCache; retries?: number } = {}) {
  const { tracer, sink } = testTracer({ content: options.content });
  const client = fakeClient(fake, options.retries === undefined ? {} : { retries: options.retries });
  const run = () =>
    runWithTracer(tracer, () =>
      runStage(topicStage, topicInput(), context, {
        heuristic: topicHeuristic,
        model: topicModelStrategy(client),
        cache: options.cache,
        grounding: groundTopic,
      }),
    );
  return { run, sink };
}

describe('stage and model call spans', () => {
  it('records a stage span with a chat child carrying GenAI attributes and token usage', async () => {
    fake.enqueue({ content: valid() });
    const { run, sink } = traceRun();
    await run();
    const [stage] = sink.named('stage topic');
    const [chat] = sink.named('chat ');
    expect(chat.parentId).toBe(stage.spanId);
    expect(chat.kind).toBe('model');
    expect(chat.attributes).toMatchObject({
      [ATTR.operation]: 'chat',
      [ATTR.provider]: 'ollama',
      [ATTR.requestModel]: 'llama3.2:3b',
      [ATTR.stage]: 'topic',
      [ATTR.inputTokens]: expect.any(Number),
      [ATTR.outputTokens]: expect.any(Number),
    });
    expect(chat.attributes[ATTR.inputMessages]).toBeUndefined();
    expect(stage.attributes).toMatchObject({
      [ATTR.stage]: 'topic',
      [ATTR.stageVersion]: '1',
      [ATTR.strategy]: 'model',
      [ATTR.cacheHit]: false,
      [ATTR.degraded]: false,
      [ATTR.groundingDrops]: 0,
      [ATTR.modelCalls]: 1,
    });
  });

  it('keeps prompt and reply text only when trace content is on', async () => {
    fake.enqueue({ content: valid() });
    const { run, sink } = traceRun({ content: true });
    await run();
    const [chat] = sink.named('chat ');
    expect(String(chat.attributes[ATTR.inputMessages])).toContain('Billing migration moves to Friday');
    expect(String(chat.attributes[ATTR.outputMessages])).toContain('billing migration');
  });

  it('counts grounding drops, and marks a cache hit on the second run', async () => {
    fake.enqueue({ content: valid({ participants: ['slack:T1:UA', 'Zebulon Quince'] }) });
    const cache = new MemoryStageCache();
    const { run, sink } = traceRun({ cache });
    await run();
    await run();
    const [first, second] = sink.named('stage topic');
    expect(first.attributes[ATTR.groundingDrops]).toBe(1);
    expect(second.attributes).toMatchObject({ [ATTR.cacheHit]: true, [ATTR.modelCalls]: 0 });
    expect(sink.named('chat ')).toHaveLength(1);
  });

  it('marks a degraded stage and a failed chat span when the server errors', async () => {
    fake.enqueue({ status: 500, error: 'model crashed' });
    const { run, sink } = traceRun({ retries: 0 });
    const result = await run();
    expect(result.provenance.degraded).toBe(true);
    const [chat] = sink.named('chat ');
    const [stage] = sink.named('stage topic');
    expect(chat.status).toBe('error');
    expect(chat.error).toMatch(/^MODEL_UNAVAILABLE/);
    expect(stage.status).toBe('ok');
    expect(stage.attributes).toMatchObject({ [ATTR.degraded]: true, [ATTR.strategy]: 'heuristic' });
    expect(String(stage.attributes[ATTR.degradedReason])).toMatch(/MODEL_UNAVAILABLE/);
  });
});
