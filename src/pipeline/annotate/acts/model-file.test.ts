import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOutroError } from '../../../domain/errors.js';
import { DIALOGUE_ACTS } from './act.js';
import { actFeatures, FEATURE_SET } from './act-features.js';
import { ActModel } from './act-model.js';
import { loadActModel } from './load-act-model.js';
import { ACT_MODEL_VERSION, decodeActModel, encodeActModel, type ActModelFile } from './model-file.js';

const BITS = 10;
const C = DIALOGUE_ACTS.length;

/** A small model with a few non-zero rows, written the way the training script writes one. */
function smallModelFile(): ActModelFile {
  const weights = new Float32Array((1 << BITS) * C);
  for (let row = 0; row < 1 << BITS; row += 7)
    for (let c = 0; c < C; c++) weights[row * C + c] = Math.sin(row + c);
  return encodeActModel(
    { version: ACT_MODEL_VERSION, featureSet: FEATURE_SET, hashBits: BITS },
    weights,
    Float32Array.from({ length: C }, (_, c) => c / 10),
  );
}

function write(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'acts-')), 'model.json');
  writeFileSync(file, content);
  return file;
}

function failure(file: string): Error {
  try {
    loadActModel(file);
  } catch (error) {
    return error as Error;
  }
  throw new Error('loadActModel did not throw');
}

describe('the dialogue-act model file', () => {
  it('reads back what was written, to within the int8 quantisation', () => {
    const file = smallModelFile();
    const model = loadActModel(write(JSON.stringify(file)));
    const features = actFeatures({ text: 'can you check the logs?' }, {}, BITS);
    const probabilities = model.probabilities(features);
    expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 9);
    expect(model.info).toMatchObject({ version: ACT_MODEL_VERSION, featureSet: FEATURE_SET, hashBits: BITS });
    const scale = file.scales[3];
    expect(Math.abs(model.weights[7 * C + 3] - Math.sin(10))).toBeLessThanOrEqual(scale / 2 + 1e-6);
  });

  it('scores with its int8 weights exactly as with the float32 weights they stand for', () => {
    const model = decodeActModel(smallModelFile());
    const dense = new ActModel(model.info, Float32Array.from(model.weights), model.bias);
    for (const text of ['can you check the logs?', "I'll ship it friday 👍", 'decided: we go with v2', 'ok'])
      for (const context of [{}, { reply: true, replyToAct: 'proposal' as const }]) {
        const features = actFeatures({ text }, context, BITS);
        expect(Array.from(model.probabilities(features))).toEqual(Array.from(dense.probabilities(features)));
      }
  });

  it('stores only the rows that carry a weight', () => {
    const file = smallModelFile();
    expect(Buffer.from(file.weights, 'base64').length).toBe(Math.ceil((1 << BITS) / 7) * C);
  });

  it('names the missing file and how to rebuild it', () => {
    const error = failure(join(tmpdir(), 'no-such-dir', 'model.json'));
    expect(isOutroError(error, 'MODEL_FILE_INVALID')).toBe(true);
    expect(error.message).toContain('no-such-dir/model.json');
    expect(error.message).toContain('is missing');
    expect(error.message).toContain('npm run train:acts');
  });

  it('refuses a file of another version or feature set', () => {
    const older = write(JSON.stringify({ ...smallModelFile(), version: 'dialogue-acts/0' }));
    expect(failure(older).message).toMatch(/version "dialogue-acts\/0".*npm run train:acts/);
    expect(isOutroError(failure(older), 'MODEL_FILE_INVALID')).toBe(true);
    const otherFeatures = write(JSON.stringify({ ...smallModelFile(), featureSet: 'acts-f0' }));
    expect(failure(otherFeatures).message).toContain('feature set "acts-f0"');
  });

  it('refuses corrupt files: bad JSON, truncated weights, classes out of order', () => {
    const text = JSON.stringify(smallModelFile());
    expect(failure(write(text.slice(0, text.length / 2))).message).toContain('not valid JSON');
    const file = smallModelFile();
    expect(failure(write(JSON.stringify({ ...file, weights: file.weights.slice(0, 40) }))).message).toContain(
      'shorter than rows say',
    );
    expect(
      failure(write(JSON.stringify({ ...file, classes: [...file.classes].reverse() }))).message,
    ).toContain('classes');
    expect(failure(write(JSON.stringify({ ...file, bias: [1, 2] }))).message).toContain('bias');
    for (const file of [write(text.slice(0, 100)), write('null')])
      expect(isOutroError(failure(file), 'MODEL_FILE_INVALID')).toBe(true);
  });

  it('decodes without touching the disk', () => {
    expect(decodeActModel(smallModelFile()).weights.length).toBe((1 << BITS) * C);
  });
});
