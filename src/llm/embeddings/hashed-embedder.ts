import { normalizeInPlace, type Embedder } from './embedder.js';

export interface HashedEmbedderOptions {
  dimension?: number;
  /** Weight of one character 3-gram relative to one word. */
  trigramWeight?: number;
}

/**
 * The built-in embedder that needs nothing: word unigrams and character 3-grams (of each word
 * padded with `#`) hashed into `dimension` signed buckets, sublinear tf weights (1 + ln tf),
 * L2-normalized. Lexical, not semantic: "billing svc" is close to "billing service" through
 * shared words and trigrams, not through meaning.
 */
export class HashedEmbedder implements Embedder {
  readonly dimension: number;
  readonly id: string;
  private readonly trigramWeight: number;

  constructor(options: HashedEmbedderOptions = {}) {
    this.dimension = options.dimension ?? 512;
    this.trigramWeight = options.trigramWeight ?? 0.25;
    this.id = `hashed-lexical-v1-${this.dimension}`;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((text) => this.embedOne(text));
  }

  embedOne(text: string): Float32Array {
    const counts = new Map<string, number>();
    const bump = (feature: string): void => {
      counts.set(feature, (counts.get(feature) ?? 0) + 1);
    };
    for (const word of words(text)) {
      bump(`w:${word}`);
      const padded = `#${word}#`;
      for (let index = 0; index + 3 <= padded.length; index++) bump(`c:${padded.slice(index, index + 3)}`);
    }
    const vector = new Float32Array(this.dimension);
    for (const [feature, tf] of counts) {
      const hash = fnv1a(feature);
      const sign = hash & 0x80000000 ? -1 : 1;
      const kindWeight = feature.startsWith('w:') ? 1 : this.trigramWeight;
      vector[(hash & 0x7fffffff) % this.dimension] += sign * kindWeight * (1 + Math.log(tf));
    }
    return normalizeInPlace(vector);
  }
}

function words(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** 32-bit FNV-1a over UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
