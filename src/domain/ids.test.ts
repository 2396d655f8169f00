import { describe, expect, it } from 'vitest';
import { contentHash, stableStringify } from './ids.js';

/** The reference: JSON.stringify with a replacer that sorts every object's keys. */
function reference(value: unknown): string {
  return JSON.stringify(value, (_key, val: unknown) => {
    if (val && typeof val === 'object' && !Array.isArray(val)) {
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(val as Record<string, unknown>).sort())
        sorted[key] = (val as Record<string, unknown>)[key];
      return sorted;
    }
    return val;
  });
}

describe('stableStringify', () => {
  const values: unknown[] = [
    { b: 1, a: [3, { d: undefined, c: 'x"y\n' }], e: null },
    [undefined, () => 1, Number.NaN, -0, 1e21, 0.1, true, false, 'é\u2028'],
    { when: new Date('2026-12-06T08:00:00.000Z'), nested: { z: { y: { x: [] } } }, map: new Map([[1, 2]]) },
    { 'key with "quotes"': { B: 1, a: 2, _: 3, '10': 4, '9': 5 } },
    'plain',
    42,
    null,
  ];

  it('writes what JSON.stringify with a key-sorting replacer writes', () => {
    for (const value of values) expect(stableStringify(value)).toBe(reference(value));
  });

  it('uses the known text of shared parts and equals the full text', () => {
    const people = [{ key: 'slack:T:U1', name: 'Ana', aliases: ['ana'] }];
    const input = { messages: [{ id: 'm', text: 'hi' }], people };
    const known = new Map<object, string>([[people, stableStringify(people)]]);
    expect(stableStringify(input, known)).toBe(reference(input));
    expect(contentHash(stableStringify(input, known))).toBe(contentHash(input));
    // The map is trusted: a different text for the part changes the whole.
    expect(stableStringify(input, new Map([[people, '[]']]))).not.toBe(reference(input));
  });
});
