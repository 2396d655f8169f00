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

/**
 * Weights as the model file holds them: `values` is `2^hashBits × classes` int8, row-major, and a
 * weight is `Math.fround(values[row × classes + c] × scales[c])`, the float32 the dense table held.
 */
export interface QuantisedWeights {
  values: Int8Array;
  scales: Float64Array;
}

/** A linear softmax model over hashed features: one row of class weights per bucket. */
export class ActModel {
  readonly classes = DIALOGUE_ACTS;
  private readonly logits = new Float64Array(DIALOGUE_ACTS.length);
  private dense: Float32Array | null;
  private readonly quantised: QuantisedWeights | null;
  /** Written so that the loads that warm the rows are not optimised away. */
  private touched = 0;

  constructor(
    readonly info: ActModelInfo,
    /** `2^hashBits × classes`, row-major: float32 (training) or int8 with class scales (a model file). */
    weights: Float32Array | QuantisedWeights,
    readonly bias: Float32Array,
  ) {
    this.dense = weights instanceof Float32Array ? weights : null;
    this.quantised = weights instanceof Float32Array ? null : weights;
  }

  /** `2^hashBits × classes` float32, row-major (for a model read from a file, expanded on first use). */
  get weights(): Float32Array {
    if (!this.dense) {
      const { values, scales } = this.quantised as QuantisedWeights;
      const C = scales.length;
      this.dense = Float32Array.from(values, (value, k) => value * scales[k % C]);
    }
    return this.dense;
  }

  /** Class probabilities for the features, written into `out` (DIALOGUE_ACTS order). */
  probabilities(
    features: FeatureBuffer,
    out: Float64Array = new Float64Array(DIALOGUE_ACTS.length),
  ): Float64Array {
    const C = DIALOGUE_ACTS.length;
    const logits = this.logits;
    if (C === 10 && this.quantised) this.tenQuantisedLogits(features, this.quantised);
    else if (C === 10) this.tenLogits(features, this.weights);
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
  private tenLogits(features: FeatureBuffer, weights: Float32Array): void {
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
    this.setLogits(l0, l1, l2, l3, l4, l5, l6, l7, l8, l9);
  }

  /**
   * The same sums over int8 rows (1.3 MB instead of 5 MB of float32: far fewer cache misses), each
   * weight rounded to float32 as the dense table held it, so every logit is the same double.
   */
  private tenQuantisedLogits(features: FeatureBuffer, { values: weights, scales }: QuantisedWeights): void {
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
    const s0 = scales[0],
      s1 = scales[1],
      s2 = scales[2],
      s3 = scales[3],
      s4 = scales[4],
      s5 = scales[5],
      s6 = scales[6],
      s7 = scales[7],
      s8 = scales[8],
      s9 = scales[9];
    const fround = Math.fround;
    const { indices, values } = features;
    // Touch every row first (both ends: one row in seven straddles two cache lines): this loop is
    // short enough for the processor to wait on many rows at once, where the sums below wait on
    // them one or two at a time.
    let touched = 0;
    for (let k = 0; k < features.length; k++) {
      const row = indices[k] * 10;
      touched |= weights[row] | weights[row + 9];
    }
    this.touched = touched;
    for (let k = 0; k < features.length; k++) {
      const row = indices[k] * 10;
      const value = values[k];
      l0 += fround(weights[row] * s0) * value;
      l1 += fround(weights[row + 1] * s1) * value;
      l2 += fround(weights[row + 2] * s2) * value;
      l3 += fround(weights[row + 3] * s3) * value;
      l4 += fround(weights[row + 4] * s4) * value;
      l5 += fround(weights[row + 5] * s5) * value;
      l6 += fround(weights[row + 6] * s6) * value;
      l7 += fround(weights[row + 7] * s7) * value;
      l8 += fround(weights[row + 8] * s8) * value;
      l9 += fround(weights[row + 9] * s9) * value;
    }
    this.setLogits(l0, l1, l2, l3, l4, l5, l6, l7, l8, l9);
  }

  // prettier-ignore
  private setLogits(
    l0: number, l1: number, l2: number, l3: number, l4: number,
    l5: number, l6: number, l7: number, l8: number, l9: number,
  ): void {
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
