import { describe, expect, it } from 'vitest';
import { boundedMemo } from './bounded-memo.js';

describe('boundedMemo', () => {
  it('computes each key once while under the limit', () => {
    const calls: string[] = [];
    const upper = boundedMemo((key) => {
      calls.push(key);
      return key.toUpperCase();
    }, 10);
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(calls).toEqual(['a', 'b']);
  });

  it('forgets everything at the limit and still answers', () => {
    const calls: string[] = [];
    const length = boundedMemo((key) => {
      calls.push(key);
      return key.length;
    }, 2);
    length('a');
    length('bb');
    expect(length('ccc')).toBe(3);
    expect(length('a')).toBe(1);
    expect(calls).toEqual(['a', 'bb', 'ccc', 'a']);
  });
});
