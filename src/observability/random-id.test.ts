import { describe, expect, it } from 'vitest';
import { randomHexId } from './random-id.js';

describe('randomHexId', () => {
  it('gives ids of the asked length that do not repeat across pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const id = randomHexId(i % 2 === 0 ? 8 : 16);
      expect(id).toMatch(i % 2 === 0 ? /^[0-9a-f]{16}$/ : /^[0-9a-f]{32}$/);
      seen.add(id);
    }
    expect(seen.size).toBe(2000);
  });

  it('serves a request larger than the pool', () => {
    expect(randomHexId(5000)).toHaveLength(10_000);
  });
});
