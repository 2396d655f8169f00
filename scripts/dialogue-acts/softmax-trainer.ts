import { DIALOGUE_ACTS } from '../../src/pipeline/annotate/acts/act.js';
import { seededRandom, shuffle } from '../disentangle/rng.js';

export interface TrainItem {
  features: Int32Array;
  /** The value of each feature. */
  values: Float32Array;
  /** Index into DIALOGUE_ACTS. */
  label: number;
  weight: number;
}

export interface SoftmaxConfig {
  hashBits: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export interface SoftmaxWeights {
  /** `2^hashBits × classes`, row-major, as ActModel reads them. */
  weights: Float32Array;
  bias: Float32Array;
}

/**
 * Multinomial logistic regression over hashed features, trained by AdaGrad on the weighted
 * cross-entropy with L2 on the rows an example touches. The order of examples is shuffled by a
 * seeded generator each epoch, so the same data and seed give the same weights.
 */
export function trainSoftmax(items: readonly TrainItem[], config: SoftmaxConfig): SoftmaxWeights {
  const C = DIALOGUE_ACTS.length;
  const weights = new Float32Array((1 << config.hashBits) * C);
  const squares = new Float32Array(weights.length);
  const bias = new Float32Array(C);
  const biasSquares = new Float32Array(C);
  const p = new Float64Array(C);
  const random = seededRandom(config.seed);
  const order = items.map((_, k) => k);
  const eps = 1e-8;
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    shuffle(order, random);
    for (const k of order) {
      const item = items[k];
      const { features, values } = item;
      for (let c = 0; c < C; c++) p[c] = bias[c];
      for (let f = 0; f < features.length; f++) {
        const row = features[f] * C;
        const value = values[f];
        for (let c = 0; c < C; c++) p[c] += weights[row + c] * value;
      }
      let max = -Infinity;
      for (let c = 0; c < C; c++) max = Math.max(max, p[c]);
      let sum = 0;
      for (let c = 0; c < C; c++) sum += p[c] = Math.exp(p[c] - max);
      for (let c = 0; c < C; c++) p[c] = item.weight * (p[c] / sum - (c === item.label ? 1 : 0));
      for (let c = 0; c < C; c++) {
        biasSquares[c] += p[c] * p[c];
        bias[c] -= (config.learningRate * p[c]) / Math.sqrt(biasSquares[c] + eps);
      }
      for (let f = 0; f < features.length; f++) {
        const row = features[f] * C;
        const value = values[f];
        for (let c = 0; c < C; c++) {
          const at = row + c;
          const g = p[c] * value + config.l2 * weights[at];
          squares[at] += g * g;
          weights[at] -= (config.learningRate * g) / Math.sqrt(squares[at] + eps);
        }
      }
    }
  }
  return { weights, bias };
}
