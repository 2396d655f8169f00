import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveModelConfig } from './model-settings.js';
import { OllamaModelClient } from './ollama-client.js';
import { clearIdentityCache } from './ollama-identity-cache.js';
import { fakeClient } from '../pipeline/testing/demo-stage.js';
import { FakeOllama } from './testing/fake-ollama.js';

const hello = { messages: [{ role: 'user' as const, content: 'hello' }] };

let fake: FakeOllama;
beforeEach(async () => {
  clearIdentityCache();
  fake = await FakeOllama.start();
});
afterEach(async () => {
  await fake.close();
});

describe('OllamaModelClient', () => {
  it('joins a streamed reply and reports its token counts', async () => {
    fake.enqueue({ content: '{"topic":"billing migration"}' });
    const client = fakeClient(fake);
    const reply = await client.chat(hello);
    expect(reply).toMatchObject({
      content: '{"topic":"billing migration"}',
      doneReason: 'stop',
      model: 'llama3.2:3b',
    });
    expect(fake.chatRequests()[0]).toMatchObject({
      stream: true,
      options: { temperature: 0, seed: 42, num_ctx: 8_192 },
    });
    expect(client.stats.snapshot()).toMatchObject({
      calls: 1,
      attempts: 1,
      promptTokens: reply.promptEvalCount,
      outputTokens: reply.evalCount,
    });
  });

  it('looks up the model digest once per process, whatever the number of clients', async () => {
    const first = await fakeClient(fake).identity();
    const second = await fakeClient(fake).identity();
    expect(first).toEqual(second);
    expect(first.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(fake.count('/api/tags')).toBe(1);
  });

  it('finds a model written without its tag as name:latest', async () => {
    fake.models = [{ name: 'llama3.2:latest', capabilities: ['completion'] }];
    await expect(fakeClient(fake, { name: 'llama3.2' }).identity()).resolves.toMatchObject({
      name: 'llama3.2',
    });
  });

  it('says to pull a model the server does not list', async () => {
    await expect(fakeClient(fake, { name: 'mistral:7b' }).identity()).rejects.toThrow(
      /pulled: llama3\.2:3b, nomic-embed-text:latest\)\. Run `ollama pull mistral:7b`/,
    );
  });

  it('retries 429 and 5xx with backoff, but not 400 or 404', async () => {
    const waits: number[] = [];
    const client = fakeClient(fake, {}, { sleep: async (ms) => void waits.push(ms), random: () => 0 });
    fake.enqueue(
      { status: 429, error: 'too many requests' },
      { status: 503, error: 'loading model' },
      { content: 'ok' },
    );
    await expect(client.chat(hello)).resolves.toMatchObject({ content: 'ok' });
    expect(waits).toEqual([500, 1000]);
    fake.enqueue({ status: 400, error: 'invalid format' });
    await expect(client.chat(hello)).rejects.toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      message: expect.stringContaining('HTTP 400: invalid format'),
    });
    await expect(fakeClient(fake, { name: 'ghost:1b' }).chat(hello)).rejects.toThrow(
      'Run `ollama pull ghost:1b`',
    );
    expect(fake.count('/api/chat')).toBe(5);
  });

  it('times out a hung request without retrying it', async () => {
    fake.enqueue({ hang: true });
    // Long enough that the request reaches the server on a loaded machine before the deadline.
    const client = fakeClient(fake, { timeoutMs: 500 });
    await expect(client.chat(hello)).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(fake.count('/api/chat')).toBe(1);
    expect(client.stats.snapshot()).toMatchObject({ timeouts: 1, failures: 1 });
  });

  it('times out a stream that stalls after its first chunk, not only a slow start', async () => {
    fake.enqueue({ content: 'a reply that never ends', stallMidStream: true });
    const client = fakeClient(fake, { timeoutMs: 500 });
    await expect(client.chat(hello)).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(fake.count('/api/chat')).toBe(1);
  });

  it('keeps at most `concurrency` requests in flight across chat and embed', async () => {
    fake.latencyMs = 15;
    fake.respondWith(() => ({ content: 'ok' }));
    const client = fakeClient(fake, { concurrency: 3 });
    await Promise.all([
      ...Array.from({ length: 6 }, () => client.chat(hello)),
      ...Array.from({ length: 3 }, () => client.embed(['a'], 'nomic-embed-text')),
    ]);
    expect(fake.maxInFlight).toBe(3);
  });

  it('embeds through /api/embed, one vector per text', async () => {
    const vectors = await fakeClient(fake).embed(['billing', 'search'], 'nomic-embed-text');
    expect(vectors).toHaveLength(2);
    expect(vectors[0]).toHaveLength(16);
    expect(fake.requests.at(-1)?.body).toEqual({ model: 'nomic-embed-text', input: ['billing', 'search'] });
  });

  it('reaches the server named by OLLAMA_HOST written as host:port', async () => {
    const settings = resolveModelConfig(
      { model: { provider: 'ollama', name: 'llama3.2:3b' } },
      { OLLAMA_HOST: fake.hostPort },
    )!;
    expect(await new OllamaModelClient(settings).version()).toBe('0.6.8');
  });

  it('fails fast once the server failed three times in a row, and tries again after the cooldown', async () => {
    let now = 0;
    const client = fakeClient(
      fake,
      { retries: 0 },
      { breaker: { threshold: 3, cooldownMs: 1_000, now: () => now } },
    );
    await fake.close();
    for (let index = 0; index < 3; index++)
      await expect(client.chat(hello)).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
    await expect(client.chat(hello)).rejects.toThrow(/failed 3 times in a row; outro tries again in 1 s/);
    expect(client.stats.snapshot()).toMatchObject({ attempts: 3, shortCircuits: 1 });
    now = 1_000;
    await expect(client.chat(hello)).rejects.toThrow(/Nothing answers/);
    expect(client.stats.snapshot().attempts).toBe(4);
  });
});
