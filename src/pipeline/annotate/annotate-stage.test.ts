import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearIdentityCache } from '../../llm/ollama-identity-cache.js';
import { fakeClient } from '../testing/demo-stage.js';
import { FakeOllama } from '../../llm/testing/fake-ollama.js';
import { MemoryStageCache } from '../stage-cache.js';
import { annotateStage, runAnnotate } from './annotate-stage.js';
import { conversation, key } from './testing/conversation-builder.js';

const context = { now: new Date('2026-11-09T10:00:00Z') };
const input = () =>
  conversation([
    ['dana', '@Lena Vogel can you write up the indexer options by Wed?'],
    ['lena', 'yes, doc by wednesday'],
  ]);

let fake: FakeOllama;
beforeEach(async () => {
  clearIdentityCache();
  fake = await FakeOllama.start();
});
afterEach(async () => {
  await fake.close();
});

describe('annotate stage', () => {
  it('runs the heuristic through the cache: the same input does no work twice', async () => {
    const cache = new MemoryStageCache();
    const first = await runAnnotate(input(), context, { cache });
    const second = await runAnnotate(input(), context, { cache });
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(second.output).toEqual(first.output);
    expect(first.provenance).toEqual({
      stage: 'annotate',
      version: annotateStage.version,
      strategy: 'heuristic',
    });
    expect(first.output.actionItems).toEqual([
      expect.objectContaining({ assignee: key('lena'), due: '2026-11-11' }),
    ]);
  });

  it('uses the model strategy when a client is given, with ids, dates and evidence from the input', async () => {
    fake.enqueue({
      content: JSON.stringify({
        topic: 'indexer options',
        summary: 'Dana asks Lena for the options write-up.',
        noise: false,
        mentioned: [key('lena')],
        entities: [],
        decisions: [],
        actionItems: [
          {
            summary: 'Write up the indexer options',
            assignee: 'Lena Vogel',
            requestedBy: key('dana'),
            dueText: 'by Wed',
            evidence: ['m1', 'm2'],
            confidence: 0.9,
          },
        ],
        questions: [],
        facts: [],
      }),
    });
    const result = await runAnnotate(input(), context, { modelClient: fakeClient(fake) });
    expect(result.provenance.strategy).toBe('model');
    expect(result.output.topic).toBe('indexer options');
    expect(result.output.actionItems).toEqual([
      expect.objectContaining({ assignee: key('lena'), due: '2026-11-11', evidence: ['m1', 'm2'] }),
    ]);
  });

  it('falls back to the heuristic, marked degraded, when the model answers garbage twice', async () => {
    fake.enqueue({ content: 'not json' }, { content: '{"still": "wrong"}' });
    const result = await runAnnotate(input(), context, { modelClient: fakeClient(fake) });
    expect(result.provenance).toEqual(expect.objectContaining({ strategy: 'heuristic', degraded: true }));
    expect(result.provenance.degradedReason).toMatch(/MODEL_INVALID_OUTPUT/);
    expect(result.output.actionItems).toHaveLength(1);
  });
});

describe('annotate over acts a model read (modelActs)', () => {
  // The learned classifier reads "the macros need an update" as other: no proposal, no decision.
  const proposal = () =>
    conversation([
      ['dana', 'the macros need an update'],
      ['lena', 'fine'],
    ]);
  const acts = (first: string, second: string): string =>
    JSON.stringify({
      acts: [
        { id: 'm1#0', act: first },
        { id: 'm2#0', act: second },
      ],
    });

  it("builds the annotation from the model's acts: a proposal it reads and its acceptance make a decision", async () => {
    expect((await runAnnotate(proposal(), context)).output.decisions).toEqual([]);
    fake.enqueue({ content: acts('proposal', 'acceptance') });
    const cache = new MemoryStageCache();
    const result = await runAnnotate(proposal(), context, {
      modelClient: fakeClient(fake),
      modelActs: true,
      cache,
    });
    expect(result.provenance).toMatchObject({
      stage: 'annotate',
      strategy: 'model',
      model: expect.any(String),
    });
    expect(result.output.decisions).toEqual([expect.objectContaining({ evidence: ['m1', 'm2'] })]);
    expect(fake.requests.find((request) => request.path === '/api/chat')?.rawBody).toContain('units_data');
    const again = await runAnnotate(proposal(), context, {
      modelClient: fakeClient(fake),
      modelActs: true,
      cache,
    });
    expect(again.cached).toBe(true);
    expect(again.output).toEqual(result.output);
    expect(fake.count('/api/chat')).toBe(1);
  });

  it('falls back to the learned acts, marked degraded, when the model does not answer in time', async () => {
    await fakeClient(fake).identity();
    fake.enqueue({ hang: true });
    const result = await runAnnotate(proposal(), context, {
      modelClient: fakeClient(fake, { timeoutMs: 100 }),
      modelActs: true,
    });
    expect(result.provenance).toMatchObject({ stage: 'annotate', strategy: 'heuristic', degraded: true });
    expect(result.provenance.degradedReason).toMatch(/^TIMEOUT: /);
    expect(result.output).toEqual((await runAnnotate(proposal(), context)).output);
  });
});
