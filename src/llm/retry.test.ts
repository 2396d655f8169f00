import { describe, expect, it } from 'vitest';
import { withRetries } from './retry.js';

describe('withRetries', () => {
  it('waits exponentially longer with full jitter, capped', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetries(
      async () => {
        calls++;
        if (calls < 5) throw new Error('busy');
        return 'done';
      },
      {
        retries: 4,
        baseDelayMs: 100,
        maxDelayMs: 500,
        shouldRetry: () => true,
        random: () => 0,
        sleep: async (ms) => void waits.push(ms),
      },
    );
    expect(result).toBe('done');
    expect(waits).toEqual([100, 200, 400, 500]);
  });

  it('draws each wait at random below its ceiling', async () => {
    const waits: number[] = [];
    await expect(
      withRetries(async () => Promise.reject(new Error('busy')), {
        retries: 2,
        baseDelayMs: 100,
        maxDelayMs: 1_000,
        shouldRetry: () => true,
        random: () => 0.5,
        sleep: async (ms) => void waits.push(ms),
      }),
    ).rejects.toThrow('busy');
    expect(waits).toEqual([50, 100]);
  });

  it('does not retry errors shouldRetry rejects', async () => {
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls++;
          throw new Error('bad request');
        },
        { retries: 3, baseDelayMs: 1, maxDelayMs: 1, shouldRetry: () => false, sleep: async () => {} },
      ),
    ).rejects.toThrow('bad request');
    expect(calls).toBe(1);
  });
});
