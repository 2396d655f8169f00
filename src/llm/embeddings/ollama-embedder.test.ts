import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearIdentityCache } from '../ollama-identity-cache.js';
import { fakeClient } from '../../pipeline/testing/demo-stage.js';
import { FakeOllama } from '../testing/fake-ollama.js';
import { createEmbedder } from './create-embedder.js';
import { HashedEmbedder } from './hashed-embedder.js';
import { OllamaEmbedder } from './ollama-embedder.js';

let fake: FakeOllama;
beforeEach(async () => {
  clearIdentityCache();
  fake = await FakeOllama.start();
});
afterEach(async () => {
  await fake.close();
});

describe('OllamaEmbedder', () => {
  it('normalizes the server vectors and learns the dimension', async () => {
    const embedder = new OllamaEmbedder(fakeClient(fake), 'nomic-embed-text');
    expect(embedder.dimension).toBeUndefined();
    const vectors = await embedder.embed(['billing', 'search']);
    expect(embedder.dimension).toBe(16);
    expect(Math.hypot(...vectors[0])).toBeCloseTo(1, 5);
    expect(embedder.id).toBe('ollama:nomic-embed-text');
  });

  it('sends texts in batches', async () => {
    await new OllamaEmbedder(fakeClient(fake), 'nomic-embed-text', 2).embed(['a', 'b', 'c', 'd', 'e']);
    expect(
      fake.requests.filter((request) => request.path === '/api/embed').map((request) => request.body.input),
    ).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('says to pull an embedding model the server lacks', async () => {
    await expect(new OllamaEmbedder(fakeClient(fake), 'mxbai-embed-large').embed(['a'])).rejects.toThrow(
      'Run `ollama pull mxbai-embed-large`',
    );
  });
});

describe('createEmbedder', () => {
  it('uses the built-in hashed embedder when no model is configured', async () => {
    expect(await createEmbedder(undefined)).toBeInstanceOf(HashedEmbedder);
  });

  it('uses the Ollama embedding model the settings name', async () => {
    const client = fakeClient(fake);
    const embedder = await createEmbedder(
      {
        ...client.settings,
        numCtx: 8_192,
        provider: 'ollama',
        nameSource: 'config',
        hostRaw: fake.url,
        embed: { kind: 'ollama', name: 'nomic-embed-text' },
      },
      client,
    );
    expect(embedder.id).toBe('ollama:nomic-embed-text');
  });
});
