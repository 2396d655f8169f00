import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyEmbedderFiles } from '../../../scripts/tiny-embedder/build.js';
import { TransformersEmbedder } from './transformers-embedder.js';
import { cosine } from './vector-search.js';

const TINY = fileURLToPath(new URL('../../../models/tiny-embedder', import.meta.url));

describe('TransformersEmbedder on the committed tiny model', () => {
  let embedder: TransformersEmbedder;
  beforeAll(async () => {
    embedder = await TransformersEmbedder.load(TINY);
  });

  it('loads from the directory with remote models switched off', async () => {
    const { env } = await import('@huggingface/transformers');
    expect(env.allowRemoteModels).toBe(false);
    expect(embedder.dimension).toBe(32);
    expect(embedder.id).toBe('local:tiny-embedder');
  });

  it('gives one unit vector per text', async () => {
    const vectors = await embedder.embed([
      'Alice owns billing',
      'who owns the billing service?',
      'lunch on friday',
    ]);
    expect(vectors).toHaveLength(3);
    for (const vector of vectors) {
      expect(vector).toHaveLength(32);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    }
  });

  it('gives a text the same vector alone or padded in a batch (mean pooling over the mask)', async () => {
    const [alone] = await embedder.embed(['billing deploy']);
    const [batched] = await embedder.embed([
      'billing deploy',
      'a much longer message about the billing service and the deploy pipeline on friday',
    ]);
    expect(cosine(alone, batched)).toBeCloseTo(1, 5);
  });

  it('puts texts sharing tokens closer than unrelated ones', async () => {
    const [a, b, c] = await embedder.embed([
      'alice owns billing',
      'alice owns billing now',
      'lunch on friday',
    ]);
    expect(cosine(a, b)).toBeGreaterThan(cosine(a, c));
  });
});

describe('TransformersEmbedder.load', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'outro-embedder-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the files a directory lacks and how to fix it', async () => {
    mkdirSync(join(dir, 'half'));
    writeFileSync(join(dir, 'half', 'config.json'), '{}');
    await expect(TransformersEmbedder.load(join(dir, 'half'))).rejects.toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      message: expect.stringMatching(
        /lacks tokenizer\.json, tokenizer_config\.json, onnx\/model\.onnx.*remove model\.embed/,
      ),
    });
  });
});

describe('models/tiny-embedder', () => {
  it('is exactly what scripts/build-tiny-embedder.ts builds, and small', () => {
    const built = tinyEmbedderFiles();
    let total = 0;
    for (const [relative, bytes] of built.files) {
      expect(readFileSync(join(TINY, relative)).equals(bytes), relative).toBe(true);
      total += bytes.length;
    }
    expect(total).toBeLessThan(1_000_000);
  });
});
