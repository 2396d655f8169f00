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
    if (C === 10) this.tenLogits(features);
    else {
      for (let c = 0; c < C; c++) logits[c] = this.bias[c];
      const weights = this.weights;
      const { indices, values } = features;
      for (let k = 0; k < features.length; k++) {
        const row = indices[k] * C;
        const value = values[k];
        for (let c = 0; c < C; c++) logits[c] += weights[row + c] * value;
      }
    }
    let max = -Infinity;
    for (let c = 0; c < C; c++) if (logits[c] > max) max = logits[c];
    let sum = 0;
    for (let c = 0; c < C; c++) sum += out[c] = Math.exp(logits[c] - max);
    for (let c = 0; c < C; c++) out[c] /= sum;
    return out;
  }

  /**
   * The ten logits with the sums in locals: about twice as fast as the loop over classes, and
   * inference is most of a unit's time (`npm run bench:acts`).
   */
  private tenLogits(features: FeatureBuffer): void {
    const bias = this.bias;
    let l0 = bias[0],
      l1 = bias[1],
      l2 = bias[2],
      l3 = bias[3],
      l4 = bias[4],
      l5 = bias[5],
      l6 = bias[6],
      l7 = bias[7],
      l8 = bias[8],
      l9 = bias[9];
    const weights = this.weights;
    const { indices, values } = features;
    for (let k = 0; k < features.length; k++) {
      const row = indices[k] * 10;
      const value = values[k];
      l0 += weights[row] * value;
      l1 += weights[row + 1] * value;
      l2 += weights[row + 2] * value;
      l3 += weights[row + 3] * value;
      l4 += weights[row + 4] * value;
      l5 += weights[row + 5] * value;
      l6 += weights[row + 6] * value;
      l7 += weights[row + 7] * value;
      l8 += weights[row + 8] * value;
      l9 += weights[row + 9] * value;
    }
    const logits = this.logits;
    logits[0] = l0;
    logits[1] = l1;
    logits[2] = l2;
    logits[3] = l3;
    logits[4] = l4;
    logits[5] = l5;
    logits[6] = l6;
    logits[7] = l7;
    logits[8] = l8;
    logits[9] = l9;
  }
}
