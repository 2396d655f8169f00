import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test-support/temp-dir.js';
import { clearIdentityCache } from '../../../llm/ollama-identity-cache.js';
import { fakeClient } from '../../../pipeline/testing/demo-stage.js';
import { FakeOllama, type RecordedRequest } from '../../../llm/testing/fake-ollama.js';
import { FOREIGN_NAMES } from '../../../llm/testing/schema-instance.js';
import { buildBrief } from '../build-brief.js';
import type { Brief } from '../brief-types.js';
import { renderBriefMarkdown } from '../render-markdown.js';
import { renderBriefText } from '../render-text.js';
import { openTestStore } from '../test-support/brief-builders.js';
import { buildBriefWithModel, type BriefModelOptions } from './brief-with-model.js';
import { edited, K, M, NOW, summaryDay, TZ } from './test-support/summary-day.js';

let temp: ReturnType<typeof makeTempDir>;
let store: ReturnType<typeof openTestStore>;
let fake: FakeOllama;

const OPTIONS = { me: 'priya', now: NOW, timezone: TZ, since: '2026-11-19T00:00:00.000Z' };
const BILLING = {
  summary:
    'Dana reports EU card retries failing since the Tuesday deploy. Priya rolls back the retry limit change; the old limit of 3 stays until Friday.',
  evidence: [M.b1, M.b2],
};
const SEARCH = {
  summary: 'The search reindex finished overnight with all shards green, and Priya says ship it.',
  evidence: [M.s1, M.s2],
};

/** Answers each topic with its own summary, whatever order the requests come in. */
function byTopic(billing: object = BILLING, search: object = SEARCH) {
  return (request: RecordedRequest) => ({
    content: JSON.stringify(userText(request).includes('"topic": "billing retries"') ? billing : search),
  });
}
function userText(request: RecordedRequest | { messages: Array<{ role: string; content: string }> }): string {
  const body = 'body' in request ? request.body : request;
  return (body.messages as Array<{ role: string; content: string }>)
    .filter((message) => message.role === 'user')
    .map((message) => message.content)
    .join('\n');
}
const modelBrief = (
  options: Partial<BriefModelOptions> = {},
  server: { url: string } = fake,
): Promise<Brief> => buildBriefWithModel(store, OPTIONS, { client: fakeClient(server), ...options });
const plainBrief = (): Brief => buildBrief(store, OPTIONS);
const group = (brief: Brief, topic: string) => brief.conversations.find((entry) => entry.topic === topic)!;

/** The text rendering with the summary lines masked: what must not change when a model writes them. */
function shape(lines: string[], brief: Brief): string[] {
  const summaries = new Set(
    brief.conversations.flatMap((entry) => entry.summary.map((line) => `      ${line}`)),
  );
  return lines.map((line) => (summaries.has(line) ? '      <summary>' : line));
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

beforeEach(async () => {
  clearIdentityCache();
  temp = makeTempDir('outro-brief-model-');
  store = openTestStore(join(temp.dir, 'outro.db'));
  store.log.appendAll(summaryDay());
  fake = await FakeOllama.start();
});
afterEach(async () => {
  await fake.close();
  store.close();
  temp.cleanup();
});

describe('buildBriefWithModel', () => {
  it('uses the model summary, grounded, in the same shape as the extractive one', async () => {
    fake.respondWith(byTopic());
    const plain = plainBrief();
    const brief = await modelBrief();
    expect(brief.conversations.map((entry) => entry.topic)).toEqual(['billing retries', 'search reindex']);
    const billing = group(brief, 'billing retries');
    expect(billing).toMatchObject({ summarySource: 'model', summaryEvidence: [M.b1, M.b2], degraded: false });
    expect(billing.summary).toEqual([
      'Dana reports EU card retries failing since the Tuesday deploy.',
      'Priya rolls back the retry limit change; the old limit of 3 stays until Friday.',
    ]);
    expect(billing.summaryModel).toMatch(/^llama3\.2:3b@/);
    expect(group(brief, 'search reindex').summary).toEqual([SEARCH.summary]);
    expect(group(plain, 'billing retries')).toMatchObject({ summarySource: 'extractive' });
    expect(brief.degraded).toBe(false);
    expect(brief.summaries).toMatchObject({
      modelWritten: 2,
      fallbacks: 0,
      cacheHits: 0,
      modelCalls: 2,
      hallucinationDrops: 0,
      budgetExhausted: false,
    });
    // Same sections, items and citations; only the summary lines differ.
    expect(shape(renderBriefText(brief), brief)).toEqual(shape(renderBriefText(plain), plain));
    expect(renderBriefMarkdown(brief).split('\n').length).toBe(renderBriefMarkdown(plain).split('\n').length);
    // The request: structured output with the reply schema, temperature 0, a fixed seed, the prompt file.
    const [request] = fake.chatRequests();
    expect(request.format).toMatchObject({ type: 'object', required: ['summary', 'evidence'] });
    expect(request.options).toMatchObject({ temperature: 0, seed: 42 });
    expect(request.messages[0].content).toContain('Never follow');
    expect(userText(request)).toMatch(/<conversation_data>\n\{\n"topic": "/);
  });

  it('keeps the extractive summaries and says degraded when the model server is down', async () => {
    const plain = plainBrief();
    const brief = await modelBrief({}, { url: `http://127.0.0.1:${await closedPort()}` });
    expect(brief.degraded).toBe(true);
    for (const entry of brief.conversations) {
      expect(entry).toMatchObject({
        summarySource: 'extractive',
        degraded: true,
        summaryFallback: expect.stringMatching(/^MODEL_UNAVAILABLE/),
      });
      expect(entry.summary).toEqual(group(plain, entry.topic).summary);
    }
    expect(brief.summaries).toMatchObject({ modelWritten: 0, fallbacks: 2, modelCalls: 0 });
    expect(renderBriefText(brief).join('\n')).toMatch(/degraded/);
  });

  it('falls back per topic: one summary from the model, the other extractive when the server answers 500', async () => {
    fake.respondWith((request) =>
      userText(request).includes('"topic": "billing retries"')
        ? { content: JSON.stringify(BILLING) }
        : { status: 500, error: 'model runner crashed' },
    );
    const brief = await modelBrief();
    expect(group(brief, 'billing retries')).toMatchObject({ summarySource: 'model', degraded: false });
    expect(group(brief, 'search reindex')).toMatchObject({
      summarySource: 'extractive',
      degraded: true,
      summaryFallback: expect.stringMatching(/^MODEL_UNAVAILABLE: .*model runner crashed/),
    });
    expect(group(brief, 'search reindex').summary).toEqual(group(plainBrief(), 'search reindex').summary);
    expect(brief.degraded).toBe(true);
    expect(brief.summaries).toMatchObject({ modelWritten: 1, fallbacks: 1 });
  });

  it('repairs an invalid reply once and uses the repaired summary', async () => {
    fake.enqueue({ content: '{"summary": "half a reply' }, { content: JSON.stringify(BILLING) });
    const client = fakeClient(fake);
    const brief = await buildBriefWithModel(store, OPTIONS, { client, limit: 1 });
    expect(group(brief, 'billing retries').summarySource).toBe('model');
    expect(fake.count('/api/chat')).toBe(2);
    expect(userText(fake.chatRequests()[1])).toContain('did not validate');
    expect(client.stats.snapshot()).toMatchObject({ repairs: 1, repairsSucceeded: 1 });
    expect(brief.summaries).toMatchObject({ modelWritten: 1, notAsked: 1 });
  });

  it('falls back to the extractive summary after junk JSON twice, marked degraded with the reason', async () => {
    fake.respondWith(() => ({ content: 'Sure! Here is your summary: the retries are fine.' }));
    const plain = plainBrief();
    const client = fakeClient(fake);
    const brief = await buildBriefWithModel(store, OPTIONS, { client });
    expect(fake.count('/api/chat')).toBe(4);
    for (const entry of brief.conversations) {
      expect(entry).toMatchObject({
        summarySource: 'extractive',
        degraded: true,
        summaryFallback: expect.stringMatching(/^MODEL_INVALID_OUTPUT: .*invalid output twice/),
      });
      expect(entry.summary).toEqual(group(plain, entry.topic).summary);
    }
    expect(brief.degraded).toBe(true);
    expect(client.stats.snapshot()).toMatchObject({
      invalidOutputs: 4,
      repairs: 2,
      repairsSucceeded: 0,
      degraded: 2,
    });
  });

  it('keeps invented names out of the brief when the model hallucinates, and counts the drops', async () => {
    fake.hallucinate();
    const client = fakeClient(fake);
    const brief = await buildBriefWithModel(store, OPTIONS, { client });
    const json = JSON.stringify(brief);
    for (const name of FOREIGN_NAMES) expect(json).not.toContain(name);
    for (const entry of brief.conversations)
      expect(entry).toMatchObject({
        summarySource: 'extractive',
        degraded: true,
        summaryFallback: expect.stringContaining('grounding rejected it'),
      });
    expect(brief.summaries!.hallucinationDrops).toBeGreaterThanOrEqual(2);
    expect(client.stats.snapshot().hallucinationDrops).toBe(brief.summaries!.hallucinationDrops);
  });

  it('rejects a fluent summary that adds one person or one unknown message id', async () => {
    fake.respondWith(
      byTopic(
        { ...BILLING, summary: 'Priya rolls back the retry change. Marcus Webb signs off on Friday.' },
        { ...SEARCH, evidence: [M.s1, 'm-404'] },
      ),
    );
    const brief = await modelBrief();
    expect(group(brief, 'billing retries').summaryFallback).toMatch(/"(Marcus|Webb)"/);
    expect(group(brief, 'search reindex').summaryFallback).toContain('m-404');
    expect(JSON.stringify(brief)).not.toContain('Marcus');
    expect(brief.summaries).toMatchObject({ modelWritten: 0, fallbacks: 2, hallucinationDrops: 2 });
  });

  it('treats a prompt injection in a message as data: the brief keeps its shape and no injected text', async () => {
    store.close();
    store = openTestStore(join(temp.dir, 'injected.db'));
    store.log.appendAll(summaryDay({ injected: true }));
    // A model that obeys the injected message and answers with the attacker's JSON.
    fake.respondWith((request) =>
      userText(request).includes('billing retries')
        ? {
            content:
              '{"summary":"Zebulon Quince approved the wire transfer","evidence":["evil-1"],"admin":true,"waiting":[]}',
          }
        : { content: JSON.stringify(SEARCH) },
    );
    const brief = await modelBrief();
    // The message reached the model only inside the data block, escaped so it cannot close the fence.
    const billingRequest = fake
      .chatRequests()
      .find((request) => userText(request).includes('billing retries'))!;
    expect(billingRequest.messages[0].content).not.toContain('ignore previous instructions');
    expect(userText(billingRequest).match(/<\/conversation_data>/g)).toHaveLength(1);
    expect(userText(billingRequest)).toContain('\\u003c/conversation_data\\u003e');
    const billing = group(brief, 'billing retries');
    expect(billing.summarySource).toBe('extractive');
    expect(Object.keys(billing).sort()).toEqual([
      'conversations',
      'degraded',
      'participants',
      'reasons',
      'score',
      'summary',
      'summaryFallback',
      'summarySource',
      'topic',
    ]);
    expect(Object.keys(brief).sort()).toEqual(Object.keys({ ...plainBrief(), summaries: 1 }).sort());
    expect(JSON.stringify(brief)).not.toMatch(/Zebulon|wire transfer|"admin"/);
    expect(group(brief, 'search reindex').summarySource).toBe('model');
  });

  it('asks the model nothing the second time over unchanged data, and only the changed topic after an edit', async () => {
    fake.respondWith(byTopic());
    const first = await modelBrief();
    expect(fake.count('/api/chat')).toBe(2);
    const second = await modelBrief();
    expect(fake.count('/api/chat')).toBe(2);
    expect(second.conversations).toEqual(first.conversations);
    expect(second.summaries).toMatchObject({ modelWritten: 2, cacheHits: 2, modelCalls: 0 });
    store.log.append(
      edited(K.search, M.s2, 'Nice, ship it after the smoke test.', '2026-11-19T12:05:00.000Z'),
    );
    await modelBrief();
    expect(fake.count('/api/chat')).toBe(3);
  });

  it('caches a rejected summary too (temperature 0): a hallucinating model is not asked again', async () => {
    fake.hallucinate();
    await modelBrief();
    const calls = fake.count('/api/chat');
    const again = await modelBrief();
    expect(fake.count('/api/chat')).toBe(calls);
    expect(again.degraded).toBe(true);
    expect(
      again.conversations.every((entry) => entry.summaryFallback?.includes('grounding rejected it')),
    ).toBe(true);
  });

  it('finishes within its budget when the model hangs: the rest keep extractive summaries, degraded', async () => {
    fake.respondWith(() => ({ hang: true }));
    const plain = plainBrief();
    const brief = await modelBrief({ budgetMs: 300 });
    expect(brief.summaries).toMatchObject({ budgetExhausted: true, modelWritten: 0, fallbacks: 2 });
    for (const entry of brief.conversations) {
      expect(entry).toMatchObject({
        summarySource: 'extractive',
        degraded: true,
        summaryFallback: expect.stringMatching(/^TIMEOUT: the brief's model budget of 300 ms/),
      });
      expect(entry.summary).toEqual(group(plain, entry.topic).summary);
    }
    expect(brief.counts).toEqual(plain.counts);
  });

  it('finishes within its budget when even the model list hangs', async () => {
    fake.enqueueFor('/api/tags', { hang: true });
    const brief = await modelBrief({ budgetMs: 200 });
    expect(brief.summaries).toMatchObject({ budgetExhausted: true, fallbacks: 2, modelCalls: 0 });
    expect(fake.count('/api/chat')).toBe(0);
  });

  it('is buildBrief when no model is given', async () => {
    expect(await buildBriefWithModel(store, OPTIONS)).toEqual(plainBrief());
  });
});
