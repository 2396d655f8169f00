import { describe, expect, it } from 'vitest';
import { createModelRuntime } from './model-runtime.js';
import { modelStatus } from './model-status.js';

describe('createModelRuntime', () => {
  it('is undefined in heuristic mode', () => {
    expect(createModelRuntime({}, {})).toBeUndefined();
    expect(modelStatus(undefined)).toEqual({
      mode: 'heuristic',
      model: null,
      host: null,
      hostFrom: null,
      embeddings: 'hashed',
      stats: null,
    });
  });

  it('shares one counter set between the client and the status', () => {
    const runtime = createModelRuntime({}, { OUTRO_MODEL: 'ollama:llama3.2:3b', OLLAMA_HOST: '10.0.0.2' })!;
    expect(runtime.client.stats).toBe(runtime.stats);
    runtime.stats.add('degraded');
    expect(modelStatus(runtime.settings, runtime.stats)).toMatchObject({
      mode: 'model',
      model: 'llama3.2:3b',
      host: 'http://10.0.0.2:11434',
      hostFrom: 'the OLLAMA_HOST environment variable',
      stats: { degraded: 1, calls: 0 },
    });
  });
});
