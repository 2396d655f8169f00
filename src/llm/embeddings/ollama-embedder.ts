import type { OllamaModelClient } from '../ollama-client.js';
import { normalizeInPlace, type Embedder } from './embedder.js';

/** Embeddings from an Ollama embedding model (POST /api/embed), in batches, L2-normalized. */
export class OllamaEmbedder implements Embedder {
  readonly id: string;
  private knownDimension: number | undefined;

  constructor(
    private readonly client: OllamaModelClient,
    readonly model: string,
    private readonly batchSize = 64,
  ) {
    this.id = `ollama:${model}`;
  }

  get dimension(): number | undefined {
    return this.knownDimension;
  }

  async embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize);
      const vectors = await this.client.embed(batch, this.model, { signal });
      for (const vector of vectors) {
        this.knownDimension ??= vector.length;
        out.push(normalizeInPlace(Float32Array.from(vector)));
      }
    }
    return out;
  }
}
