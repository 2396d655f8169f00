/** Text to vectors: one port, three adapters (hashed features, a local ONNX model, Ollama). */
export interface Embedder {
  /** Names the vector space: vectors from different ids must not be compared or cached together. */
  readonly id: string;
  /** Known up front for local embedders; for Ollama, after the first call. */
  readonly dimension: number | undefined;
  /** One L2-normalized vector per text, in order. */
  embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]>;
}

/** Scales a vector to unit length in place; a zero vector stays zero. */
export function normalizeInPlace(vector: Float32Array): Float32Array {
  let sum = 0;
  for (let index = 0; index < vector.length; index++) sum += vector[index] * vector[index];
  if (sum === 0) return vector;
  const scale = 1 / Math.sqrt(sum);
  for (let index = 0; index < vector.length; index++) vector[index] *= scale;
  return vector;
}
