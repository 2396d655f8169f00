import { describe, expect, it } from 'vitest';
import { cosine, topK } from './vector-search.js';

describe('cosine', () => {
  it('is 1 for parallel, 0 for orthogonal and zero vectors, -1 for opposite', () => {
    expect(cosine([1, 2], [2, 4])).toBeCloseTo(1);
    expect(cosine([1, 0], [0, 3])).toBe(0);
    expect(cosine([0, 0], [1, 1])).toBe(0);
    expect(cosine([1, 1], [-1, -1])).toBeCloseTo(-1);
  });

  it('refuses vectors of different lengths', () => {
    expect(() => cosine([1], [1, 2])).toThrow(RangeError);
  });
});

describe('topK', () => {
  const items = [
    { id: 'east', vector: [1, 0] },
    { id: 'north', vector: [0, 1] },
    { id: 'north-east', vector: [1, 1] },
    { id: 'west', vector: [-1, 0] },
    { id: 'east-too', vector: [2, 0] },
  ];

  it('returns the k most similar, best first, ties by id', () => {
    expect(topK([1, 0], items, 3)).toEqual([
      { id: 'east', score: 1 },
      { id: 'east-too', score: 1 },
      { id: 'north-east', score: expect.closeTo(Math.SQRT1_2, 6) },
    ]);
  });

  it('returns everything above the floor when k exceeds the items', () => {
    expect(topK([1, 0], items, 10, 0).map((hit) => hit.id)).toEqual([
      'east',
      'east-too',
      'north-east',
      'north',
    ]);
    expect(topK([1, 0], items, 0)).toEqual([]);
  });
});
