import { describe, expect, it } from 'vitest';
import { annotateThreads } from './annotate-threads.js';

describe('annotateThreads', () => {
  it('takes OUTRO_WORKERS over the config, and the config over the default of one thread', () => {
    expect(annotateThreads(3, { OUTRO_WORKERS: '1' }, 8)).toBe(1);
    expect(annotateThreads(1, { OUTRO_WORKERS: '2' }, 8)).toBe(2);
    expect(annotateThreads(3, {}, 8)).toBe(3);
    expect(annotateThreads(undefined, {}, 8)).toBe(1);
  });

  it('refuses an OUTRO_WORKERS that is not a number of threads, saying what to set', () => {
    for (const raw of ['0', 'two', '1.5', '65'])
      expect(() => annotateThreads(undefined, { OUTRO_WORKERS: raw }, 2)).toThrow(/set it to 1/);
  });
});
