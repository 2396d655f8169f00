import { describe, expect, it } from 'vitest';
import { normalizeOllamaHost, resolveEmbedSettings, resolveModelConfig } from './model-settings.js';

const block = { provider: 'ollama' as const, name: 'llama3.2:3b' };

describe('resolveModelConfig', () => {
  it('means no model when neither config nor OUTRO_MODEL names one', () => {
    expect(resolveModelConfig({}, {})).toBeUndefined();
  });

  it('takes the model from the config with defaults for the rest', () => {
    expect(resolveModelConfig({ model: block }, {})).toMatchObject({
      provider: 'ollama',
      name: 'llama3.2:3b',
      nameSource: 'config',
      host: 'http://127.0.0.1:11434',
      hostSource: 'default',
      timeoutMs: 120_000,
      concurrency: 2,
      seed: 42,
      embed: { kind: 'hashed' },
    });
  });

  it('lets OUTRO_MODEL override the configured name, keeping a tag with colons', () => {
    const settings = resolveModelConfig(
      { model: { ...block, timeoutMs: 5_000 } },
      { OUTRO_MODEL: 'ollama:qwen2.5:7b-instruct' },
    );
    expect(settings).toMatchObject({
      name: 'qwen2.5:7b-instruct',
      nameSource: 'OUTRO_MODEL',
      timeoutMs: 5_000,
    });
  });

  it('enables a model from OUTRO_MODEL alone', () => {
    expect(resolveModelConfig({}, { OUTRO_MODEL: 'ollama:llama3.2' })?.name).toBe('llama3.2');
  });

  it('turns the model off with OUTRO_MODEL=none even when configured', () => {
    expect(resolveModelConfig({ model: block }, { OUTRO_MODEL: 'none' })).toBeUndefined();
  });

  it('rejects an OUTRO_MODEL it does not understand, saying the form to use', () => {
    expect(() => resolveModelConfig({}, { OUTRO_MODEL: 'openai:gpt-4' })).toThrow(
      /OUTRO_MODEL=ollama:<model name>/,
    );
  });

  it('reads OLLAMA_HOST when the config has no host, and the config host over it', () => {
    expect(resolveModelConfig({ model: block }, { OLLAMA_HOST: 'gpu-box:11500' })).toMatchObject({
      host: 'http://gpu-box:11500',
      hostSource: 'OLLAMA_HOST',
      hostRaw: 'gpu-box:11500',
    });
    expect(
      resolveModelConfig(
        { model: { ...block, host: 'http://10.0.0.5:11434' } },
        { OLLAMA_HOST: 'gpu-box:11500' },
      ),
    ).toMatchObject({ host: 'http://10.0.0.5:11434', hostSource: 'config' });
  });
});

describe('normalizeOllamaHost', () => {
  it.each([
    ['127.0.0.1:11434', 'http://127.0.0.1:11434'],
    ['localhost', 'http://localhost:11434'],
    [':9999', 'http://127.0.0.1:9999'],
    ['http://gpu-box:8080/', 'http://gpu-box:8080'],
    ['https://ollama.internal', 'https://ollama.internal'],
    ['http://proxy.local/ollama/', 'http://proxy.local/ollama'],
    ['0.0.0.0', 'http://127.0.0.1:11434'],
    ['[::]:11434', 'http://[::1]:11434'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeOllamaHost(raw)).toBe(expected);
  });

  it('says where a bad host came from', () => {
    expect(() => normalizeOllamaHost('http://', 'OLLAMA_HOST')).toThrow(/OLLAMA_HOST environment variable/);
    expect(() => normalizeOllamaHost('ftp://box', 'config')).toThrow(/must use http or https/);
  });
});

describe('resolveEmbedSettings', () => {
  it.each([
    [undefined, { kind: 'hashed' }],
    ['hashed', { kind: 'hashed' }],
    ['nomic-embed-text', { kind: 'ollama', name: 'nomic-embed-text' }],
    ['ollama:mxbai-embed-large', { kind: 'ollama', name: 'mxbai-embed-large' }],
    ['./models/minilm', { kind: 'local', dir: './models/minilm' }],
    ['local:/opt/minilm', { kind: 'local', dir: '/opt/minilm' }],
  ])('%s', (value, expected) => {
    expect(resolveEmbedSettings(value)).toEqual(expected);
  });

  it('expands ~/ in a local path', () => {
    expect(resolveEmbedSettings('~/models/minilm', '/home/dana')).toEqual({
      kind: 'local',
      dir: '/home/dana/models/minilm',
    });
  });
});
