import { describe, expect, it } from 'vitest';
import { HashedEmbedder } from './hashed-embedder.js';
import { cosine } from './vector-search.js';

const norm = (vector: Float32Array): number =>
  Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));

describe('HashedEmbedder', () => {
  it('gives unit vectors of its dimension, the same for the same text', async () => {
    const embedder = new HashedEmbedder();
    const [a, b] = await embedder.embed(['Who owns billing?', 'Who owns billing?']);
    expect(embedder.dimension).toBe(512);
    expect(embedder.id).toBe('hashed-lexical-v1-512');
    expect(a).toHaveLength(512);
    expect(norm(a)).toBeCloseTo(1, 5);
    expect([...a]).toEqual([...b]);
  });

  it('puts texts that share words and word pieces closer than unrelated ones', async () => {
    const [query, near, far] = await new HashedEmbedder().embed([
      'who owns the billing service',
      'Dana owns billing svc now',
      'lunch on friday at noon?',
    ]);
    expect(cosine(query, near)).toBeGreaterThan(cosine(query, far) + 0.2);
  });

  it('ignores case and punctuation', async () => {
    const [a, b] = await new HashedEmbedder().embed(['Billing, API!', 'billing api']);
    expect(cosine(a, b)).toBeCloseTo(1, 5);
  });

  it('gives a zero vector for text without words', async () => {
    const [empty] = await new HashedEmbedder({ dimension: 64 }).embed(['  ...  ']);
    expect(empty.every((value) => value === 0)).toBe(true);
  });
});
