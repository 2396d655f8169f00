import { DIALOGUE_ACTS } from './act.js';
import type { FeatureBuffer } from './act-features.js';

export interface ActModelInfo {
  /** The file format's version (`ACT_MODEL_VERSION`). */
  version: string;
  /** The feature set it was trained on (`FEATURE_SET`). */
  featureSet: string;
  /** Features are hashed into 2^hashBits buckets. */
  hashBits: number;
  /** How it was trained and what it scored (free-form, for people). */
  training?: Record<string, unknown>;
}

/** A linear softmax model over hashed features: one row of class weights per bucket. */
export class ActModel {
  readonly classes = DIALOGUE_ACTS;
  private readonly logits = new Float64Array(DIALOGUE_ACTS.length);

  constructor(
    readonly info: ActModelInfo,
    /** `2^hashBits × classes`, row-major. */
    readonly weights: Float32Array,
    readonly bias: Float32Array,
  ) {}

  /** Class probabilities for the features, written into `out` (DIALOGUE_ACTS order). */
  probabilities(
    features: FeatureBuffer,
    out: Float64Array = new Float64Array(DIALOGUE_ACTS.length),
  ): Float64Array {
    const C = DIALOGUE_ACTS.length;
    const logits = this.logits;
    for (let c = 0; c < C; c++) logits[c] = this.bias[c];
    const weights = this.weights;
    const { indices, values } = features;
    for (let k = 0; k < features.length; k++) {
      const row = indices[k] * C;
      const value = values[k];
      for (let c = 0; c < C; c++) logits[c] += weights[row + c] * value;
    }
    let max = -Infinity;
    for (let c = 0; c < C; c++) if (logits[c] > max) max = logits[c];
    let sum = 0;
    for (let c = 0; c < C; c++) sum += out[c] = Math.exp(logits[c] - max);
    for (let c = 0; c < C; c++) out[c] /= sum;
    return out;
  }
}
