import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { OutroError } from '../../domain/errors.js';
import { normalizeInPlace, type Embedder } from './embedder.js';
import { missingLocalModelFiles } from './local-model-files.js';

type Extractor = (
  texts: string[],
  options: { pooling: 'mean'; normalize: boolean },
) => Promise<{ data: ArrayLike<number>; dims: number[] }>;

/**
 * A sentence-embedding model from a local directory (config.json, tokenizer.json,
 * tokenizer_config.json, onnx/model.onnx) through @huggingface/transformers' feature-extraction
 * pipeline: mean pooling over the attention mask, normalized. Never downloads: remote models
 * are switched off before anything loads.
 */
export class TransformersEmbedder implements Embedder {
  readonly id: string;

  private constructor(
    private readonly extractor: Extractor,
    readonly dimension: number,
    readonly dir: string,
    private readonly batchSize: number,
  ) {
    this.id = `local:${basename(dir)}`;
  }

  static async load(dir: string, options: { batchSize?: number } = {}): Promise<TransformersEmbedder> {
    const absolute = resolve(dir);
    const missing = missingLocalModelFiles(absolute);
    if (missing.length > 0) {
      throw new OutroError(
        'MODEL_UNAVAILABLE',
        `The local embedding model at ${absolute} lacks ${missing.join(', ')}. Point model.embed at a directory exported for transformers.js (with onnx/model.onnx), or remove model.embed to use the built-in hashed embeddings.`,
      );
    }
    const config = JSON.parse(readFileSync(`${absolute}/config.json`, 'utf8')) as {
      hidden_size?: number;
      dim?: number;
    };
    const transformers = await import('@huggingface/transformers');
    transformers.env.allowRemoteModels = false;
    transformers.env.allowLocalModels = true;
    transformers.env.useFSCache = false;
    transformers.env.localModelPath = dirname(absolute);
    try {
      const extractor = (await transformers.pipeline('feature-extraction', absolute, {
        local_files_only: true,
        dtype: 'fp32',
      })) as unknown as Extractor;
      return new TransformersEmbedder(
        extractor,
        config.hidden_size ?? config.dim ?? 0,
        absolute,
        options.batchSize ?? 32,
      );
    } catch (cause) {
      throw new OutroError(
        'MODEL_UNAVAILABLE',
        `Cannot load the local embedding model at ${absolute}: ${(cause as Error).message}. Check that it is a BERT-style sentence encoder exported to ONNX.`,
        { cause },
      );
    }
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts
        .slice(start, start + this.batchSize)
        .map((text) => (text.length === 0 ? ' ' : text));
      const tensor = await this.extractor(batch, { pooling: 'mean', normalize: true });
      const width = tensor.dims[tensor.dims.length - 1];
      const data = Float32Array.from(tensor.data);
      for (let row = 0; row < batch.length; row++)
        out.push(normalizeInPlace(data.slice(row * width, (row + 1) * width)));
    }
    return out;
  }
}
