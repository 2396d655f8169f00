/** Trains the antecedent scorer: softmax over each line's candidates, maximising the probability of its gold
 * antecedents, with Adam on minibatches. Plain loops over typed arrays; no dependencies. */
import type { Examples } from './examples.js';
import { seededRandom, shuffle } from './rng.js';

export interface Params {
  features: number;
  hidden: number;
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  linear: Float32Array;
}

export interface TrainOptions {
  hidden: number;
  epochs: number;
  batch: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Final learning rate as a fraction of the first (linear decay over all steps). */
  decay: number;
  /** Average the weights over steps from this epoch on (1-based; Infinity: no averaging). */
  averageFrom: number;
  onEpoch?: (epoch: number, loss: number, params: Params) => void;
}

export function initParams(features: number, hidden: number, seed: number): Params {
  const random = seededRandom(seed);
  const scale = Math.sqrt(2 / 30);
  const w1 = Float32Array.from({ length: features * hidden }, () => (random() * 2 - 1) * scale);
  const w2 = Float32Array.from({ length: hidden }, () => (random() * 2 - 1) * Math.sqrt(1 / hidden));
  return {
    features,
    hidden,
    w1,
    b1: new Float32Array(hidden).fill(0.01),
    w2,
    linear: new Float32Array(features),
  };
}

class Adam {
  private readonly m: Float32Array;
  private readonly v: Float32Array;
  private t = 0;

  constructor(size: number) {
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
  }

  step(param: Float32Array, grad: Float32Array, lr: number, l2: number, t: number): void {
    this.t = t;
    const b1 = 0.9;
    const b2 = 0.999;
    const c1 = 1 - Math.pow(b1, t);
    const c2 = 1 - Math.pow(b2, t);
    for (let k = 0; k < param.length; k++) {
      const g = grad[k] + l2 * param[k];
      if (g === 0) continue;
      this.m[k] = b1 * this.m[k] + (1 - b1) * g;
      this.v[k] = b2 * this.v[k] + (1 - b2) * g * g;
      param[k] -= (lr * (this.m[k] / c1)) / (Math.sqrt(this.v[k] / c2) + 1e-8);
      grad[k] = 0;
    }
  }
}

export function train(data: Examples, params: Params, options: TrainOptions): Params {
  const { hidden: H } = params;
  const random = seededRandom(options.seed + 1);
  const order = Array.from({ length: data.size }, (_, k) => k);
  const grads = {
    w1: new Float32Array(params.w1.length),
    b1: new Float32Array(H),
    w2: new Float32Array(H),
    linear: new Float32Array(params.features),
  };
  const adam = {
    w1: new Adam(params.w1.length),
    b1: new Adam(H),
    w2: new Adam(H),
    linear: new Adam(params.features),
  };
  const maxCands = maxCandidates(data);
  const z = new Float32Array(maxCands * H);
  const scores = new Float64Array(maxCands);
  const dh = new Float32Array(H);
  let step = 0;
  const batches = Math.ceil(order.length / options.batch);
  const totalSteps = batches * options.epochs;
  const average = {
    w1: new Float32Array(params.w1.length),
    b1: new Float32Array(H),
    w2: new Float32Array(H),
    linear: new Float32Array(params.features),
  };
  let averaged = 0;

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, random);
    let loss = 0;
    for (let b = 0; b < order.length; b += options.batch) {
      const end = Math.min(order.length, b + options.batch);
      for (let o = b; o < end; o++) loss += example(data, params, grads, order[o], z, scores, dh);
      step++;
      const lr = options.learningRate * (1 - ((1 - options.decay) * (step - 1)) / totalSteps);
      adam.w1.step(params.w1, grads.w1, lr, options.l2, step);
      adam.b1.step(params.b1, grads.b1, lr, 0, step);
      adam.w2.step(params.w2, grads.w2, lr, 0, step);
      adam.linear.step(params.linear, grads.linear, lr, options.l2, step);
      if (epoch >= options.averageFrom) {
        averaged++;
        for (const key of ['w1', 'b1', 'w2', 'linear'] as const) {
          const from = params[key];
          const into = average[key];
          for (let k = 0; k < from.length; k++) into[k] += (from[k] - into[k]) / averaged;
        }
      }
    }
    options.onEpoch?.(epoch, loss / order.length, averaged > 0 ? { ...params, ...average } : params);
  }
  return averaged > 0 ? { ...params, ...average } : params;
}

function maxCandidates(data: Examples): number {
  let max = 0;
  for (let e = 0; e < data.size; e++) max = Math.max(max, data.exampleStart[e + 1] - data.exampleStart[e]);
  return max;
}

type Grads = { w1: Float32Array; b1: Float32Array; w2: Float32Array; linear: Float32Array };

/** Forward and backward for one example; adds gradients of −log Σ_gold p into `grads` and returns the loss. */
function example(
  data: Examples,
  params: Params,
  grads: Grads,
  e: number,
  z: Float32Array,
  scores: Float64Array,
  dh: Float32Array,
): number {
  const H = params.hidden;
  const { w1, b1, w2, linear } = params;
  const first = data.exampleStart[e];
  const count = data.exampleStart[e + 1] - first;
  let max = -Infinity;
  for (let k = 0; k < count; k++) {
    const c = first + k;
    const zk = k * H;
    for (let d = 0; d < H; d++) z[zk + d] = b1[d];
    let s = 0;
    for (let at = data.candStart[c]; at < data.candStart[c + 1]; at++) {
      const f = data.feats[at];
      s += linear[f];
      const row = f * H;
      for (let d = 0; d < H; d++) z[zk + d] += w1[row + d];
    }
    for (let d = 0; d < H; d++) if (z[zk + d] > 0) s += w2[d] * z[zk + d];
    scores[k] = s;
    if (s > max) max = s;
  }
  let total = 0;
  let goldMass = 0;
  for (let k = 0; k < count; k++) {
    scores[k] = Math.exp(scores[k] - max);
    total += scores[k];
    if (data.gold[first + k]) goldMass += scores[k];
  }
  for (let k = 0; k < count; k++) {
    const c = first + k;
    const p = scores[k] / total;
    const g = p - (data.gold[c] ? scores[k] / goldMass : 0);
    if (Math.abs(g) < 1e-7) continue;
    const zk = k * H;
    for (let d = 0; d < H; d++) {
      const active = z[zk + d] > 0;
      if (active) grads.w2[d] += g * z[zk + d];
      dh[d] = active ? g * w2[d] : 0;
      grads.b1[d] += dh[d];
    }
    for (let at = data.candStart[c]; at < data.candStart[c + 1]; at++) {
      const f = data.feats[at];
      grads.linear[f] += g;
      const row = f * H;
      for (let d = 0; d < H; d++) grads.w1[row + d] += dh[d];
    }
  }
  return -Math.log(goldMass / total);
}

/** Share of examples whose gold antecedent is among the `keep` best earlier lines by `weights` (or is "new"). */
export function recallAt(data: Examples, weights: Float32Array, keep: number): number {
  let hits = 0;
  for (let e = 0; e < data.size; e++) {
    const first = data.exampleStart[e];
    const last = data.exampleStart[e + 1] - 1;
    if (data.gold[last]) {
      hits++;
      continue;
    }
    const scores: number[] = [];
    for (let c = first; c < last; c++) {
      let s = 0;
      for (let at = data.candStart[c]; at < data.candStart[c + 1]; at++) s += weights[data.feats[at]];
      scores.push(s);
    }
    const order = scores
      .map((_, k) => k)
      .sort((a, b) => scores[b] - scores[a])
      .slice(0, keep);
    if (order.some((k) => data.gold[first + k])) hits++;
  }
  return hits / data.size;
}

/** An ensemble that averages the scores of `members` is itself one network: hidden units side by side,
 * output weights and linear weights divided by the number of members. */
export function mergeNetworks(members: readonly Params[]): Params {
  const M = members.length;
  const F = members[0].features;
  const H = members[0].hidden;
  const w1 = new Float32Array(F * H * M);
  const b1 = new Float32Array(H * M);
  const w2 = new Float32Array(H * M);
  const linear = new Float32Array(F);
  members.forEach((member, m) => {
    for (let f = 0; f < F; f++) {
      for (let d = 0; d < H; d++) w1[f * H * M + m * H + d] = member.w1[f * H + d];
      linear[f] += member.linear[f] / M;
    }
    for (let d = 0; d < H; d++) {
      b1[m * H + d] = member.b1[d];
      w2[m * H + d] = member.w2[d] / M;
    }
  });
  return { features: F, hidden: H * M, w1, b1, w2, linear };
}
